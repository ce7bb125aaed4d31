package ai.datamigrate.spi.translate;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.TranslatedModel;
import java.util.List;

/** The models translated, and a diagnostic for every construct that was not (code, object, file:line:col). */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record TranslationResult(List<TranslatedModel> models, List<Diagnostic> diagnostics) {
    public TranslationResult {
        models = List.copyOf(models);
        diagnostics = List.copyOf(diagnostics);
    }
}
