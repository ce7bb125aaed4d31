package ai.datamigrate.support.target;

import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.List;

/**
 * What a loader reports about one table, worded the same on every target; codes start with the target's prefix
 * ({@code PG-LOAD-VERIFIED}, {@code DUCKDB-LOAD-VERIFIED}).
 */
public final class LoadDiagnostics {

    private final String codePrefix;

    public LoadDiagnostics(String codePrefix) {
        this.codePrefix = codePrefix;
    }

    /** The table was rolled back, for {@code reason}. */
    public Diagnostic failed(Table table, String reason) {
        return Diagnostic.error(codePrefix + "-LOAD-TABLE-FAILED", table.location(), reason)
                .withObject(table.name().toString());
    }

    /** Why a table with more rejected rows than allowed was rolled back. */
    public static String tooManyRejects(RejectFile rejects, long maxRejects) {
        return rejects.count() + " rows could not be converted, more than the " + maxRejects
                + " allowed (--max-rejects); they are listed in " + rejects.path() + "; the table was rolled back";
    }

    /** One error per difference verification found; the table was rolled back. */
    public void mismatches(Table table, String target, List<String> differences, List<Diagnostic> diagnostics) {
        for (String difference : differences) {
            diagnostics.add(Diagnostic.error(codePrefix + "-LOAD-VERIFY-MISMATCH", table.location(), "verification of "
                    + target + " failed: " + difference + "; the table was rolled back")
                    .withObject(table.name().toString()));
        }
    }

    /**
     * The table was loaded and verified (and the rows the threshold allowed to reject, if any, were rejected).
     *
     * @param compared what was compared per column, e.g. {@code non-null counts, min/max and sums}
     */
    public void loaded(Table table, String target, long rows, int columns, String compared, RejectFile rejects,
                       long maxRejects, List<Diagnostic> diagnostics) {
        diagnostics.add(Diagnostic.info(codePrefix + "-LOAD-VERIFIED", table.location(), "loaded " + rows
                + " rows into " + target + "; verified row count and, for " + columns + " columns, " + compared)
                .withObject(table.name().toString()));
        if (rejects.count() > 0) {
            diagnostics.add(Diagnostic.warning(codePrefix + "-LOAD-REJECTED-ROWS", table.location(), rejects.count()
                    + " rows of " + table.name() + " could not be converted and were not loaded (at most "
                    + maxRejects + " allowed); they are listed in " + rejects.path())
                    .withObject(table.name().toString()));
        }
    }
}
