package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One source object in the report.
 *
 * @param kind            {@code table}, {@code view}, {@code procedure}, {@code function}, {@code trigger},
 *                        {@code sequence} or {@code type}
 * @param model           the dbt model (or snapshot, seed...) it became, when one was generated
 * @param files           the generated files that hold it
 * @param origin          {@code rule} or {@code llm}, when generated
 * @param location        where it is defined, {@code file:line:col} relative to the input
 * @param definitionLines the number of lines of its definition text
 * @param dependencies    the objects it depends on ({@code schema.name}), sorted
 * @param diagnostics     what was reported about it, by location
 * @param effortMinutes   the estimated minutes of human work; only in assessments
 * @param llm             what the LLM pipeline did with it, when it was an LLM candidate
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ReportObject(String schema, String name, String kind, ObjectStatus status, Optional<String> model,
                           List<String> files, Optional<String> origin, String location, int definitionLines,
                           List<String> dependencies, List<ReportDiagnostic> diagnostics,
                           OptionalInt effortMinutes, Optional<LlmTrace> llm) {
    public ReportObject {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(model, "model");
        files = List.copyOf(files);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(location, "location");
        dependencies = List.copyOf(dependencies);
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(effortMinutes, "effortMinutes");
        Objects.requireNonNull(llm, "llm");
    }

    public ReportObject(String schema, String name, String kind, ObjectStatus status, Optional<String> model,
                        List<String> files, Optional<String> origin, String location, int definitionLines,
                        List<String> dependencies, List<ReportDiagnostic> diagnostics, OptionalInt effortMinutes) {
        this(schema, name, kind, status, model, files, origin, location, definitionLines, dependencies, diagnostics,
                effortMinutes, Optional.empty());
    }

    /** {@code schema.name}, the form diagnostics use. */
    public String qualifiedName() {
        return schema + "." + name;
    }
}
