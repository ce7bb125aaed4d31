package ai.datamigrate.support.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The module is a library of the target plugins, not an API and not a plugin: what its descriptor says. */
class ModuleDescriptorTest {

    private static final Path CLASSES = Path.of("target/classes");

    private static ModuleDescriptor descriptor() {
        return ModuleFinder.of(CLASSES).find("ai.datamigrate.support.target").orElseThrow().descriptor();
    }

    @Test
    void itsPackageIsExportedToTheTargetPluginsOnly() {
        ModuleDescriptor descriptor = descriptor();
        assertEquals(1, descriptor.exports().size(), descriptor.exports().toString());
        ModuleDescriptor.Exports exports = descriptor.exports().iterator().next();
        assertEquals("ai.datamigrate.support.target", exports.source());
        assertEquals(Set.of("ai.datamigrate.plugin.postgres", "ai.datamigrate.plugin.duckdb"), exports.targets());
        assertTrue(descriptor.opens().isEmpty(), descriptor.opens().toString());
    }

    @Test
    void itRegistersNoServices() {
        assertTrue(descriptor().provides().isEmpty(), descriptor().provides().toString());
        assertTrue(Files.notExists(CLASSES.resolve("META-INF/services")), "no class-path service registrations");
    }
}
