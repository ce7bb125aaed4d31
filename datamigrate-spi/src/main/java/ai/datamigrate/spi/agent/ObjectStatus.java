package ai.datamigrate.spi.agent;

import ai.datamigrate.spi.Api;

/** Where an object stands in a run. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public enum ObjectStatus {
    PENDING,
    /** A model was generated and passed every check that could run. */
    CONVERTED,
    /** No model that passed its checks; the reasons are in the object's notes. */
    NEEDS_REVIEW,
    UNSUPPORTED
}
