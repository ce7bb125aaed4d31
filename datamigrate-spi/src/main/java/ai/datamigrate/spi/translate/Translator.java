package ai.datamigrate.spi.translate;

import ai.datamigrate.spi.Api;

/** Translates the code of a source catalog (views, functions, set-based procedures) into target SQL. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface Translator {
    TranslationResult translate(TranslationRequest request);
}
