package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;

/**
 * Creates the raw tables of a catalog on a target database (and, once data loading lands, fills them).
 * A failure leaves the target as it was: implementations work in one transaction or swap staging tables in.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface DataLoader {
    LoadResult load(LoadRequest request);
}
