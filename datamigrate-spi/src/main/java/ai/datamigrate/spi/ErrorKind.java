package ai.datamigrate.spi;

/** Who is at fault for an error, which decides the exit code and how the message is shown. */
@Api(status = Api.Status.STABLE, since = "0.1")
public enum ErrorKind {
    /** Bad input or configuration: the user can fix it; shown as one line, no stack trace. */
    USER,
    /** A plugin misbehaved (a bug in a plugin). */
    PLUGIN,
    /** Something outside DataMigrate failed: a database, a network call, the file system. */
    EXTERNAL,
    /** A bug in the host. */
    INTERNAL
}
