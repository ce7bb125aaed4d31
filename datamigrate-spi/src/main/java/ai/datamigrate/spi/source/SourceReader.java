package ai.datamigrate.spi.source;

import ai.datamigrate.spi.Api;

/**
 * Turns one input into a catalog. Problems in the input are diagnostics, not exceptions; an input that cannot
 * be read at all is a {@link ai.datamigrate.spi.DataMigrateException} of kind USER with a one-line message.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface SourceReader {
    SourceReadResult read(SourceInput input);

    /** The rows the input holds (INSERTs of a script, a live server's tables), when this reader can stream them. */
    default java.util.Optional<ai.datamigrate.spi.data.RowSource> rows(SourceInput input) {
        return java.util.Optional.empty();
    }
}
