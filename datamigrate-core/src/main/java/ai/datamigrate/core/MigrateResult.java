package ai.datamigrate.core;

import ai.datamigrate.core.report.MigrationReport;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a migration wrote and everything that needs a human's look.
 *
 * @param report what became of each source object; also written as the report files in {@code files}
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record MigrateResult(Path out, Database database, List<String> files, List<Diagnostic> diagnostics,
                            MigrationReport report) {
    public MigrateResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(report, "report");
    }

    /** True when something was not migrated, or migrated with a loss: the run completed but needs review. */
    public boolean needsReview() {
        return needsReview(diagnostics);
    }

    /** The rule behind {@link #needsReview()}, shared with assessments: any warning or error. */
    static boolean needsReview(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.severity() != Severity.INFO);
    }
}
