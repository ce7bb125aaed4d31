package ai.datamigrate.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.target.ConnectionProfile;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TargetDialectFactory;
import ai.datamigrate.spi.target.TypeMapping;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PluginRegistryTest {

    record Plugin(String id, List<TargetDialectFactory> targetDialects) implements DataMigratePlugin {
    }

    record Dialect(String name) implements TargetDialectFactory {
        @Override
        public TargetDialect create(Map<String, String> config, PluginContext context) {
            return new TargetDialect() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public TypeMapping mapType(DataType sourceType) {
                    return TypeMapping.exact(sourceType.sql());
                }

                @Override
                public String quoteIdentifier(String identifier) {
                    return "\"" + identifier + "\"";
                }

                @Override
                public boolean requiresQuoting(String identifier) {
                    return false;
                }

                @Override
                public int maxIdentifierLength() {
                    return 63;
                }

                @Override
                public ConnectionProfile connectionProfile() {
                    return new ConnectionProfile("x", "dbt-x", List.of());
                }
            };
        }
    }

    @Test
    void duplicatePluginIdsFailNamingBothOrigins() {
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> new PluginRegistry(List.of(
                new LoadedPlugin(new Plugin("pg", List.of()), "first.jar"),
                new LoadedPlugin(new Plugin("pg", List.of()), "second.jar"))));
        assertEquals(ErrorCode.PLUGIN_DUPLICATE_ID, e.errorCode());
        assertTrue(e.getMessage().contains("first.jar") && e.getMessage().contains("second.jar"), e.getMessage());
    }

    @Test
    void duplicateContributionNamesFailNamingBothPlugins() {
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> new PluginRegistry(List.of(
                new LoadedPlugin(new Plugin("a", List.of(new Dialect("postgres"))), "a.jar"),
                new LoadedPlugin(new Plugin("b", List.of(new Dialect("postgres"))), "b.jar"))));
        assertTrue(e.getMessage().contains("'a' (a.jar)") && e.getMessage().contains("'b' (b.jar)"), e.getMessage());
    }

    @Test
    void malformedIdIsRejected() {
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> new PluginRegistry(List.of(
                new LoadedPlugin(new Plugin("Bad Id", List.of()), "bad.jar"))));
        assertEquals(ErrorCode.PLUGIN_INVALID, e.errorCode());
        assertTrue(e.getMessage().contains("bad.jar"), e.getMessage());
    }

    @Test
    void unknownNameListsWhatIsAvailable() {
        PluginRegistry registry = new PluginRegistry(List.of(
                new LoadedPlugin(new Plugin("a", List.of(new Dialect("postgres"), new Dialect("duckdb"))), "a.jar")));
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> registry.targetDialect("snowflake"));
        assertEquals(ErrorCode.PLUGIN_NOT_FOUND, e.errorCode());
        assertTrue(e.getMessage().endsWith("available: duckdb, postgres"), e.getMessage());
        assertEquals("postgres", registry.targetDialect("postgres").name());
    }

    @Test
    void aPluginThatThrowsIsNamed() {
        DataMigratePlugin broken = new DataMigratePlugin() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public List<TargetDialectFactory> targetDialects() {
                throw new IllegalStateException("boom");
            }
        };
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> new PluginRegistry(List.of(new LoadedPlugin(broken, "broken.jar"))));
        assertEquals(ErrorCode.PLUGIN_FAILED, e.errorCode());
        assertTrue(e.getMessage().contains("broken.jar") && e.getMessage().contains("boom"), e.getMessage());
    }

    @Test
    void serviceLoaderFindsNothingWhereNoPluginIsRegistered() {
        // core's own test class path has no plugin: discovery must not invent one
        assertEquals(List.of(), PluginLoader.load(PluginRegistryTest.class.getClassLoader()).plugins());
    }
}
