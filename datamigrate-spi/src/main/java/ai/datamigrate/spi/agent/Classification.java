package ai.datamigrate.spi.agent;

import ai.datamigrate.spi.Api;

/** How an object can be migrated, decided by schema analysis. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public enum Classification {
    /** Not analysed yet. */
    PENDING,
    /** Rules translate it. */
    RULE,
    /** Rules could not; an LLM may. */
    LLM_CANDIDATE,
    /** Nothing the tool does can migrate it (e.g. a trigger, CLR code); a human must decide. */
    UNSUPPORTED
}
