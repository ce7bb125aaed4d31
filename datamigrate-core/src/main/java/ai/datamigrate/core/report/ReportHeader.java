package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import java.util.Objects;

/**
 * What the report is about. Deliberately without timestamps or absolute paths, so that the same input gives the
 * same bytes on every machine.
 *
 * @param formatVersion the report format, {@link MigrationReport#FORMAT_VERSION}
 * @param toolVersion   the DataMigrate version that wrote it
 * @param command       {@code migrate} or {@code assess}
 * @param input         the input's file name, never a path
 * @param database      the database name read from the input
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ReportHeader(String formatVersion, String toolVersion, String command, String input, String database,
                           String sourceReader, String target, String output) {
    public ReportHeader {
        Objects.requireNonNull(formatVersion, "formatVersion");
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(sourceReader, "sourceReader");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(output, "output");
    }
}
