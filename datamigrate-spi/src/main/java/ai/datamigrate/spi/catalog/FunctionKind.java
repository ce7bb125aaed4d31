package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;

@Api(status = Api.Status.STABLE, since = "0.1")
public enum FunctionKind {
    SCALAR, INLINE_TABLE_VALUED, MULTI_STATEMENT_TABLE_VALUED
}
