package ai.datamigrate.spi.translate;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigurableFactory;
import java.util.Map;
import java.util.Set;

/** Creates translators for the catalogs of some source readers. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface TranslatorFactory extends ConfigurableFactory {

    /** The names of the source readers whose catalogs it translates, e.g. {@code mssql}. */
    Set<String> sourceReaders();

    Translator create(Map<String, String> config, PluginContext context);
}
