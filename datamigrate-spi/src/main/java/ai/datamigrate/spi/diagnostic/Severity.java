package ai.datamigrate.spi.diagnostic;

import ai.datamigrate.spi.Api;

@Api(status = Api.Status.STABLE, since = "0.1")
public enum Severity {
    /** Recognised and deliberately ignored (e.g. a CREATE DATABASE). */
    INFO,
    /** Not migrated, or migrated with a loss the user must know about. */
    WARNING,
    /** The object could not be processed; it needs a human. */
    ERROR
}
