package ai.datamigrate.cli.internal;

/** The process exit codes, documented in the README. */
public final class ExitCode {
    public static final int OK = 0;
    /** Completed, but some objects need review (not migrated, or migrated with a loss). */
    public static final int NEEDS_REVIEW = 1;
    /** Bad arguments or unusable input. */
    public static final int USER_ERROR = 2;
    /** A bug in DataMigrate or a plugin, or a failure outside it. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCode() {
    }
}
