package ai.datamigrate.spi.llm;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigurableFactory;
import java.util.Map;

/** Creates providers; selected by name ({@code --llm claude}). */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface LlmProviderFactory extends ConfigurableFactory {

    /**
     * Creates the provider; throws {@link ai.datamigrate.spi.DataMigrateException} with
     * {@link ai.datamigrate.spi.ErrorCode#CONFIG_INVALID_VALUE} when required configuration (an API key) is missing.
     */
    LlmProvider create(Map<String, String> config, PluginContext context);
}
