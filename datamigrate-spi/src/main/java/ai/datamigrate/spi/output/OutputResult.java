package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.List;

/** The files to write, in a stable order, and what the target could not represent. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record OutputResult(List<GeneratedFile> files, List<Diagnostic> diagnostics) {
    public OutputResult {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }
}
