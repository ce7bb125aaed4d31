package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import java.nio.file.Path;
import java.util.List;

/** What a migration wrote and everything that needs a human's look. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record MigrateResult(Path out, Database database, List<String> files, List<Diagnostic> diagnostics) {
    public MigrateResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    /** True when something was not migrated, or migrated with a loss: the run completed but needs review. */
    public boolean needsReview() {
        return diagnostics.stream().anyMatch(d -> d.severity() != Severity.INFO);
    }
}
