package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.List;

/**
 * @param tables        the tables created or loaded (and those a resumed load found loaded already), in load order
 * @param diagnostics   what happened, including one error per table that failed
 * @param verifications per table that was loaded or failed verification, in load order
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LoadResult(List<LoadedTable> tables, List<Diagnostic> diagnostics,
                         List<TableVerification> verifications) {
    public LoadResult {
        tables = List.copyOf(tables);
        diagnostics = List.copyOf(diagnostics);
        verifications = List.copyOf(verifications);
    }

    public LoadResult(List<LoadedTable> tables, List<Diagnostic> diagnostics) {
        this(tables, diagnostics, List.of());
    }
}
