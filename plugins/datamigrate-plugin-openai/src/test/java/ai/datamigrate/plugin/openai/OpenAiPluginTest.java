package ai.datamigrate.plugin.openai;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.datamigrate.spi.config.ConfigurableFactory;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.testkit.PluginContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenAiPluginTest implements PluginContract {
    @Override
    public DataMigratePlugin plugin() {
        return new OpenAiPlugin();
    }

    @Test
    void contributesTheOpenAiLlmProvider() {
        assertEquals(List.of("openai"), plugin().llmProviders().stream().map(ConfigurableFactory::name).toList());
        assertEquals("openai", plugin().llmProviders().get(0).configSpec().namespace());
    }
}
