package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.List;

/** The catalog read from an input and what the reader reported, sorted by location. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record InspectResult(String sourceReader, Database database, List<Diagnostic> diagnostics) {
    public InspectResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
