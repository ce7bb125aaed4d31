package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;

/** {@code IDENTITY(seed, increment)}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Identity(long seed, long increment) {
}
