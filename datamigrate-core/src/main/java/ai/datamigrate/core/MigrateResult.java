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
 * @param report    what became of each source object; also written as the report files in {@code files}
 * @param keptEdits generated files of an earlier run that the user had edited: the user's version was kept and
 *                  this run's version written beside it as {@code <file>.datamigrate-new}
 * @param keptFiles files the user had added to the project, carried over unchanged
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record MigrateResult(Path out, Database database, List<String> files, List<Diagnostic> diagnostics,
                            MigrationReport report, List<String> keptEdits, List<String> keptFiles) {
    public MigrateResult {
        files = List.copyOf(files);
        keptEdits = List.copyOf(keptEdits);
        keptFiles = List.copyOf(keptFiles);
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(report, "report");
    }

    /** True when something was not migrated, or migrated with a loss: the run completed but needs review. */
    public boolean needsReview() {
        return needsReview(diagnostics) || !keptEdits.isEmpty();
    }

    /** The rule behind {@link #needsReview()}, shared with assessments: any warning or error. */
    static boolean needsReview(List<Diagnostic> diagnostics) {
        return diagnostics.stream().anyMatch(d -> d.severity() != Severity.INFO);
    }
}
