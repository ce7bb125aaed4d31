package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;

@Api(status = Api.Status.STABLE, since = "0.1")
public enum ReferentialAction {
    NO_ACTION, CASCADE, SET_NULL, SET_DEFAULT
}
