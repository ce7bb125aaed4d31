package ai.datamigrate.core;

import ai.datamigrate.core.report.MigrationReport;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an assessment found: the report (with an effort estimate per object) and the files it was written to.
 *
 * @param files the report files written into {@code out}, and nothing else
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record AssessResult(Path out, Database database, List<String> files, List<Diagnostic> diagnostics,
                           MigrationReport report) {
    public AssessResult {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(database, "database");
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(report, "report");
    }

    /** The same rule as {@link MigrateResult#needsReview()}: a migration of this input would need review. */
    public boolean needsReview() {
        return MigrateResult.needsReview(diagnostics);
    }
}
