package ai.datamigrate.plugin.claude;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.datamigrate.spi.config.ConfigurableFactory;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.testkit.PluginContract;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaudePluginTest implements PluginContract {
    @Override
    public DataMigratePlugin plugin() {
        return new ClaudePlugin();
    }

    @Test
    void contributesTheClaudeLlmProvider() {
        assertEquals(List.of("claude"), plugin().llmProviders().stream().map(ConfigurableFactory::name).toList());
        assertEquals("claude", plugin().llmProviders().get(0).configSpec().namespace());
    }
}
