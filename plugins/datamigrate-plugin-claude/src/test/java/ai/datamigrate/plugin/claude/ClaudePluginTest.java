package ai.datamigrate.plugin.claude;

import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.testkit.PluginContract;

class ClaudePluginTest implements PluginContract {
    @Override
    public DataMigratePlugin plugin() {
        return new ClaudePlugin();
    }
}
