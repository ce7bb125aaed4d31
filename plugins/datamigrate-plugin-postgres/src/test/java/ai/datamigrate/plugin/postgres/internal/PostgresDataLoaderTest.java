package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.testkit.TestPluginContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresDataLoaderTest {

    private static final SourceLocation AT = new SourceLocation("shop.sql", 3, 1);

    private static Column column(String name, DataType type) {
        return new Column(name, type, true, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), AT);
    }

    private static Table table(String schema, String name, Column... columns) {
        return new Table(new ObjectName(schema, name), List.of(columns), Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), Map.of(), Optional.empty(), "create table ...", AT);
    }

    private final PostgresDataLoader loader = new PostgresDataLoader(new PostgresTargetDialect(), "u", "secret-pw",
            new TestPluginContext("secret-pw"));

    @Test
    void rawTablesKeepTheSourceNamesAndMapTheTypes() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        String ddl = loader.createTable("raw", table("dbo", "Order Details",
                column("OrderID", DataType.of("int")), column("UnitPrice", DataType.of("money")),
                column("Where", DataType.of("geography"))), diagnostics);
        assertEquals("create table \"raw\".\"Order Details\" (\n    \"OrderID\" integer,\n    \"UnitPrice\" numeric(19,4),"
                + "\n    \"Where\" text\n)", ddl);
        assertEquals(1, diagnostics.size(), "the lossy geography mapping is reported");
        assertEquals("PG-LOSSY-TYPE", diagnostics.get(0).code());
        assertEquals(Optional.of("dbo.Order Details"), diagnostics.get(0).object());
    }

    @Test
    void loadingRowsWithoutARowSourceIsAUserError() {
        Database database = new Database("shop", List.of(new Schema("dbo", List.of(table("dbo", "T",
                column("a", DataType.of("int")))), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty())), Optional.empty());
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> loader.load(new LoadRequest(database,
                "jdbc:postgresql://127.0.0.1:1/x", "raw", List.of(), false, false)));
        assertTrue(e.getMessage().contains("offers no rows"), e.getMessage());
        assertTrue(e.getMessage().contains("--schema-only"), e.getMessage());
    }

    @Test
    void connectionFailuresNameTheUrlButNeverThePassword() {
        Database database = new Database("shop", List.of(), Optional.empty());
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> loader.load(new LoadRequest(database,
                "jdbc:postgresql://127.0.0.1:1/x?password=secret-pw", "raw", List.of(), false, true)));
        assertTrue(e.getMessage().contains("127.0.0.1:1"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret-pw"), e.getMessage());
    }
}
