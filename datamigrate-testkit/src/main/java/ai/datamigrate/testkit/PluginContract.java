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

    /**
     * Registered for both paths: the services file names the class (class path), and when the plugin runs as a named
     * module, its descriptor {@code provides} it (module path). On one path the other registration is not used, so
     * {@link #isFoundByServiceLoader()} alone would not notice it missing.
     *
     * @throws java.io.IOException when the services files cannot be read
     */
    @Test
    default void isRegisteredForTheClassPathAndTheModulePath() throws java.io.IOException {
        Class<?> type = plugin().getClass();
        String service = "META-INF/services/" + DataMigratePlugin.class.getName();
        boolean listed = false;
        ClassLoader loader = type.getClassLoader() == null ? ClassLoader.getSystemClassLoader() : type.getClassLoader();
        for (java.net.URL url : java.util.Collections.list(loader.getResources(service))) {
            try (java.io.InputStream in = url.openStream()) {
                listed |= new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                        .map(line -> line.replaceFirst("#.*", "").strip()).anyMatch(type.getName()::equals);
            }
        }
        assertTrue(listed, type.getName() + " is not listed in " + service + ", so class-path users do not find it");
        java.lang.module.ModuleDescriptor descriptor = type.getModule().getDescriptor();
        if (descriptor != null) {
            assertTrue(descriptor.provides().stream().anyMatch(p -> p.service().equals(DataMigratePlugin.class.getName())
                    && p.providers().contains(type.getName())), "module " + descriptor.name() + " does not declare"
                    + " 'provides " + DataMigratePlugin.class.getName() + " with " + type.getName() + "'");
        }
    }

    @Test
    default void versionIsNotBlank() {
        assertFalse(plugin().version().isBlank());
        assertEquals(plugin().version().strip(), plugin().version());
    }
}
