package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.List;

@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LoadResult(List<LoadedTable> tables, List<Diagnostic> diagnostics) {
    public LoadResult {
        tables = List.copyOf(tables);
        diagnostics = List.copyOf(diagnostics);
    }
}
