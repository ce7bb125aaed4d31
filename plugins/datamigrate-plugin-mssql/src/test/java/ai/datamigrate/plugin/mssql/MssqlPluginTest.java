package ai.datamigrate.plugin.mssql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReaderFactory;
import ai.datamigrate.testkit.PluginContract;
import ai.datamigrate.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MssqlPluginTest implements PluginContract {

    @Override
    public DataMigratePlugin plugin() {
        return new MssqlPlugin();
    }

    @Test
    void contributesTheScriptAndLiveReadersOnly() {
        DataMigratePlugin plugin = plugin();
        assertEquals("mssql", plugin.id());
        assertEquals(List.of("mssql", "mssql-live"), plugin.sourceReaders().stream().map(SourceReaderFactory::name).toList());
        assertTrue(plugin.targetDialects().isEmpty());
        assertTrue(plugin.outputTargets().isEmpty());
        assertEquals("mssql", plugin.sourceReaders().get(0).configSpec().namespace());
        assertTrue(plugin.sourceReaders().get(0).configSpec().keys().isEmpty());
    }

    @Test
    void acceptsOnlyRegularSqlFiles(@TempDir Path dir) throws Exception {
        SourceReaderFactory factory = plugin().sourceReaders().get(0);
        Path upper = Files.writeString(dir.resolve("INSTALL.SQL"), "CREATE TABLE t (a int)");
        Path text = Files.writeString(dir.resolve("notes.txt"), "CREATE TABLE t (a int)");
        Path folder = Files.createDirectory(dir.resolve("scripts.sql"));
        assertTrue(factory.accepts(SourceInput.of(upper)));
        assertTrue(factory.accepts(SourceInput.of(TestFiles.legacyShop())));
        assertFalse(factory.accepts(SourceInput.of(text)));
        assertFalse(factory.accepts(SourceInput.of(folder)));
        assertFalse(factory.accepts(SourceInput.of(dir.resolve("missing.sql"))));
        assertFalse(factory.accepts(new SourceInput("mssql://server/db", java.util.Optional.empty(), Map.of())));
    }

    @Test
    void rejectsUnknownKeysOfItsNamespace() {
        SourceReaderFactory factory = plugin().sourceReaders().get(0);
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> factory.create(Map.of("mssql.nope", "1"), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, e.errorCode());
        assertTrue(e.getMessage().contains("mssql.nope"), e.getMessage());
    }
}
