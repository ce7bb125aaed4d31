package ai.datamigrate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.config.ConfigurableFactory;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Checks what every plugin entry class must satisfy; a plugin's test class extends it. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface PluginContract {

    DataMigratePlugin plugin();

    @Test
    default void idIsWellFormed() {
        assertTrue(plugin().id().matches("[a-z][a-z0-9-]*"), "plugin id must match [a-z][a-z0-9-]*: " + plugin().id());
    }

    @Test
    default void contributesSomethingOrSaysWhyNot() {
        DataMigratePlugin plugin = plugin();
        long contributions = contributions(plugin).stream().mapToLong(List::size).sum();
        assertTrue(contributions > 0 || !plugin.description().isBlank(),
                "a plugin that contributes nothing must say why in its description");
    }

    @Test
    default void factoryNamesAreWellFormedAndUniquePerKind() {
        DataMigratePlugin plugin = plugin();
        for (List<? extends ConfigurableFactory> factories : contributions(plugin)) {
            Set<String> names = new HashSet<>();
            for (ConfigurableFactory factory : factories) {
                assertTrue(factory.name().matches("[a-z][a-z0-9-]*"), "bad factory name " + factory.name());
                assertTrue(names.add(factory.name()), "duplicate factory name " + factory.name());
                factory.configSpec().keys().forEach(key -> assertTrue(key.startsWith(factory.configSpec().namespace()
                        + "."), key));
            }
        }
    }

    /** Every kind of contribution, one list per kind. */
    private static List<List<? extends ConfigurableFactory>> contributions(DataMigratePlugin plugin) {
        return List.of(plugin.sourceReaders(), plugin.targetDialects(), plugin.outputTargets(), plugin.dataLoaders(),
                plugin.translators(), plugin.llmProviders(), plugin.queryValidators(), plugin.agents());
    }

    @Test
    default void isFoundByServiceLoader() {
        List<String> found = ServiceLoader.load(DataMigratePlugin.class).stream()
                .map(ServiceLoader.Provider::type).map(Class::getName).toList();
        assertTrue(found.contains(plugin().getClass().getName()),
                "not registered in META-INF/services/ai.datamigrate.spi.plugin.DataMigratePlugin: " + found);
    }

    @Test
    default void versionIsNotBlank() {
        assertFalse(plugin().version().isBlank());
        assertEquals(plugin().version().strip(), plugin().version());
    }
}
