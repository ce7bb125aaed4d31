package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.List;

/**
 * The files to write, in a stable order, what the target could not represent, and what became of each source
 * object (for the migration report).
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record OutputResult(List<GeneratedFile> files, List<Diagnostic> diagnostics, List<ObjectOutcome> outcomes) {
    public OutputResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
        outcomes = List.copyOf(outcomes);
    }

    public OutputResult(List<GeneratedFile> files, List<Diagnostic> diagnostics) {
        this(files, diagnostics, List.of());
    }
}
