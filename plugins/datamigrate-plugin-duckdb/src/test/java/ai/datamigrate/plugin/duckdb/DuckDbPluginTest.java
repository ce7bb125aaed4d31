package ai.datamigrate.plugin.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.target.TargetDialectFactory;
import ai.datamigrate.testkit.PluginContract;
import ai.datamigrate.testkit.TestPluginContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuckDbPluginTest implements PluginContract {

    @Override
    public DataMigratePlugin plugin() {
        return new DuckDbPlugin();
    }

    @Test
    void contributesTheDuckdbDialectAndLoader() {
        DataMigratePlugin plugin = plugin();
        assertEquals("duckdb", plugin.id());
        assertEquals(List.of("duckdb"), plugin.targetDialects().stream().map(TargetDialectFactory::name).toList());
        assertEquals(List.of("duckdb"), plugin.dataLoaders().stream().map(DataLoaderFactory::name).toList());
        assertEquals(List.of("duckdb"), plugin.queryValidators().stream()
                .map(ai.datamigrate.spi.validate.QueryValidatorFactory::name).toList());
        assertTrue(plugin.sourceReaders().isEmpty());
        assertTrue(plugin.outputTargets().isEmpty());
        assertTrue(plugin.translators().isEmpty());
    }

    @Test
    void createsTheDialect() {
        TargetDialectFactory factory = plugin().targetDialects().get(0);
        assertEquals("duckdb", factory.create(Map.of(), new TestPluginContext()).name());
    }

    @Test
    void theLoaderTakesOnlyDuckdbUrls() {
        DataLoaderFactory loader = plugin().dataLoaders().get(0);
        assertTrue(loader.accepts("jdbc:duckdb:/tmp/warehouse.duckdb"));
        assertFalse(loader.accepts("jdbc:postgresql://localhost:5432/analytics"));
        assertFalse(loader.accepts("/tmp/warehouse.duckdb"));
    }

    @Test
    void rejectsUnknownKeysOfItsNamespace() {
        TargetDialectFactory factory = plugin().targetDialects().get(0);
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> factory.create(Map.of("duckdb.nope", "1"), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, e.errorCode());
        assertTrue(e.getMessage().contains("duckdb.nope"), e.getMessage());
    }

    @Test
    void rejectsANegativeRejectThreshold() {
        DataLoaderFactory loader = plugin().dataLoaders().get(0);
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> loader.create(Map.of("duckdb.max-rejects", "-1"), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
    }
}
