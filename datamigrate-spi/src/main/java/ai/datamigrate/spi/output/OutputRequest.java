package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.target.TargetDialect;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * @param database          the catalog to write out
 * @param dialect           the target the generated code runs on
 * @param sourceDiagnostics what earlier steps reported, for outputs that include a report
 * @param models            views, functions and procedures translated to the target, for the output to place
 * @param annotations       what agents added to objects without a model (tables), by object; objects agents left
 *                          alone are absent
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record OutputRequest(Database database, TargetDialect dialect, List<Diagnostic> sourceDiagnostics,
                            List<TranslatedModel> models, Map<ObjectName, ObjectAnnotations> annotations) {
    public OutputRequest {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dialect, "dialect");
        sourceDiagnostics = List.copyOf(sourceDiagnostics);
        models = List.copyOf(models);
        annotations = Map.copyOf(annotations);
    }

    /** A request whose objects carry no annotations of agents. */
    public OutputRequest(Database database, TargetDialect dialect, List<Diagnostic> sourceDiagnostics,
                         List<TranslatedModel> models) {
        this(database, dialect, sourceDiagnostics, models, Map.of());
    }

    /** What agents added to {@code object}; empty when nothing. */
    public ObjectAnnotations annotations(ObjectName object) {
        return annotations.getOrDefault(object, new ObjectAnnotations(new java.util.TreeMap<>(), List.of()));
    }

    /** A request without translated models (nothing was translated, or no translator is installed). */
    public OutputRequest(Database database, TargetDialect dialect, List<Diagnostic> sourceDiagnostics) {
        this(database, dialect, sourceDiagnostics, List.of());
    }
}
