package ai.datamigrate.support.target;

import static ai.datamigrate.support.target.Tables.column;
import static ai.datamigrate.support.target.Tables.table;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadDiagnosticsTest {

    @TempDir
    Path dir;

    private final LoadDiagnostics report = new LoadDiagnostics("PG");
    private final Table things = table("dbo", "Things", column("a", "int"));

    @Test
    void aLoadedTableWithRejectsIsVerifiedAndWarnedAbout() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try (RejectFile rejects = new RejectFile(dir, "raw", "Things", RejectFile.Format.TSV)) {
            rejects.add("t.sql:1:1", "bad", List.of("x"));
            report.loaded(things, "raw.Things", 9, 1, "non-null counts", rejects, 5, diagnostics);
        }
        assertEquals(List.of("PG-LOAD-VERIFIED", "PG-LOAD-REJECTED-ROWS"), diagnostics.stream().map(Diagnostic::code)
                .toList());
        assertEquals("loaded 9 rows into raw.Things; verified row count and, for 1 columns, non-null counts",
                diagnostics.get(0).message());
        assertEquals("1 rows of dbo.Things could not be converted and were not loaded (at most 5 allowed); they are "
                + "listed in " + dir.resolve("raw.Things.rejects.tsv"), diagnostics.get(1).message());
    }

    @Test
    void aFailedOrDifferingTableWasRolledBack() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        report.mismatches(things, "raw.Things", List.of("row count 2 (source) vs 1 (target)"), diagnostics);
        diagnostics.add(report.failed(things, "COPY failed"));
        assertEquals(List.of("PG-LOAD-VERIFY-MISMATCH", "PG-LOAD-TABLE-FAILED"), diagnostics.stream()
                .map(Diagnostic::code).toList());
        assertEquals("verification of raw.Things failed: row count 2 (source) vs 1 (target); the table was rolled "
                + "back", diagnostics.get(0).message());
        try (RejectFile rejects = new RejectFile(dir, "raw", "Things", RejectFile.Format.TSV)) {
            assertEquals("0 rows could not be converted, more than the 3 allowed (--max-rejects); they are listed in "
                    + dir.resolve("raw.Things.rejects.tsv") + "; the table was rolled back",
                    LoadDiagnostics.tooManyRejects(rejects, 3));
        }
    }
}
