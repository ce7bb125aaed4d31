package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;

@Api(status = Api.Status.STABLE, since = "0.1")
public record IndexColumn(String name, boolean descending) {
}
