package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;

/** What became of one source object. The order is from best to worst, then the reserved user skip. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public enum ObjectStatus {
    /** Generated, and nothing was reported about it beyond information. */
    CONVERTED("converted"),
    /** Generated, with warnings the user must read (e.g. a lossy type). */
    CONVERTED_WITH_WARNINGS("converted_with_warnings"),
    /** Not generated although it should have been, or an error was reported about it: it needs a human. */
    NEEDS_REVIEW("needs_review"),
    /** Not generated because a diagnostic says the construct is not supported. */
    UNSUPPORTED("unsupported"),
    /** Left out on purpose by the user. Reserved: nothing sets it yet. */
    SKIPPED_BY_USER("skipped_by_user");

    private final String id;

    ObjectStatus(String id) {
        this.id = id;
    }

    /** The identifier used in the JSON, Markdown and HTML reports. */
    public String id() {
        return id;
    }

    /** Whether the object made it into the output. */
    public boolean converted() {
        return this == CONVERTED || this == CONVERTED_WITH_WARNINGS;
    }
}
