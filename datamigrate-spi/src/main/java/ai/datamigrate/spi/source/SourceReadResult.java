package ai.datamigrate.spi.source;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.List;
import java.util.Objects;

/** The catalog read, and everything the reader skipped, ignored or could not understand. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record SourceReadResult(Database database, List<Diagnostic> diagnostics) {
    public SourceReadResult {
        Objects.requireNonNull(database, "database");
        diagnostics = List.copyOf(diagnostics);
    }
}
