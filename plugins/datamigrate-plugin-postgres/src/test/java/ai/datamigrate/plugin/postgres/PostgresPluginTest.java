package ai.datamigrate.plugin.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.target.TargetDialectFactory;
import ai.datamigrate.testkit.PluginContract;
import ai.datamigrate.testkit.TestPluginContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostgresPluginTest implements PluginContract {

    @Override
    public DataMigratePlugin plugin() {
        return new PostgresPlugin();
    }

    @Test
    void contributesOnlyThePostgresDialect() {
        DataMigratePlugin plugin = plugin();
        assertEquals("postgres", plugin.id());
        assertEquals(List.of("postgres"), plugin.targetDialects().stream().map(TargetDialectFactory::name).toList());
        assertTrue(plugin.sourceReaders().isEmpty());
        assertTrue(plugin.outputTargets().isEmpty());
        assertEquals("postgres", plugin.targetDialects().get(0).configSpec().namespace());
    }

    @Test
    void createsTheDialect() {
        TargetDialectFactory factory = plugin().targetDialects().get(0);
        assertEquals("postgres", factory.create(Map.of(), new TestPluginContext()).name());
    }

    @Test
    void rejectsUnknownKeysOfItsNamespace() {
        TargetDialectFactory factory = plugin().targetDialects().get(0);
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> factory.create(Map.of("postgres.nope", "1"), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, e.errorCode());
        assertTrue(e.getMessage().contains("postgres.nope"), e.getMessage());
    }
}
