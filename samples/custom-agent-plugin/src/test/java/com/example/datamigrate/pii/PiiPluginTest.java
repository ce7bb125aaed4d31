package com.example.datamigrate.pii;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.testkit.PluginContract;
import org.junit.jupiter.api.Test;

/** What every plugin entry class must satisfy, from the testkit. */
class PiiPluginTest implements PluginContract {

    @Override
    public DataMigratePlugin plugin() {
        return new PiiPlugin();
    }

    /** Maven runs these tests on the module path, so the contract found the plugin through {@code provides}. */
    @Test
    void isANamedModuleThatProvidesThePlugin() {
        Module module = PiiPlugin.class.getModule();
        assertTrue(module.isNamed(), "expected the module path (surefire's default for a module with module-info)");
        assertTrue(module.getDescriptor().provides().stream().anyMatch(p -> p.service()
                .equals(DataMigratePlugin.class.getName()) && p.providers().contains(PiiPlugin.class.getName())),
                module.getDescriptor().toString());
    }
}
