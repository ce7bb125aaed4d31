package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.target.TargetDialect;
import java.util.List;
import java.util.Objects;

/**
 * @param database          the catalog to write out
 * @param dialect           the target the generated code runs on
 * @param sourceDiagnostics what earlier steps reported, for outputs that include a report
 * @param models            views, functions and procedures translated to the target, for the output to place
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record OutputRequest(Database database, TargetDialect dialect, List<Diagnostic> sourceDiagnostics,
                            List<TranslatedModel> models) {
    public OutputRequest {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(dialect, "dialect");
        sourceDiagnostics = List.copyOf(sourceDiagnostics);
        models = List.copyOf(models);
    }

    /** A request without translated models (nothing was translated, or no translator is installed). */
    public OutputRequest(Database database, TargetDialect dialect, List<Diagnostic> sourceDiagnostics) {
        this(database, dialect, sourceDiagnostics, List.of());
    }
}
