package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;

/**
 * What was and was not migrated, object by object. Built by {@link ReportBuilder}, written by
 * {@link ReportFiles}. The JSON form is a published format: {@code docs/migration-report.schema.json}.
 *
 * @param objects               every source object, in kind order then by name
 * @param unattachedDiagnostics diagnostics that name no object of the catalog, by location
 * @param llm                   the run's LLM use, when the agent pipeline ran with an LLM
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record MigrationReport(ReportHeader header, ReportSummary summary, List<ReportObject> objects,
                              List<ReportDiagnostic> unattachedDiagnostics, java.util.Optional<LlmRunSummary> llm) {

    /** The version of the report format; the JSON Schema's {@code $id} carries it too. */
    public static final String FORMAT_VERSION = "1.0";

    public MigrationReport {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(summary, "summary");
        objects = List.copyOf(objects);
        unattachedDiagnostics = List.copyOf(unattachedDiagnostics);
        Objects.requireNonNull(llm, "llm");
    }

    public MigrationReport(ReportHeader header, ReportSummary summary, List<ReportObject> objects,
                           List<ReportDiagnostic> unattachedDiagnostics) {
        this(header, summary, objects, unattachedDiagnostics, java.util.Optional.empty());
    }

    /** The number of objects with the given status. */
    public int count(ObjectStatus status) {
        return summary.all().count(status);
    }
}
