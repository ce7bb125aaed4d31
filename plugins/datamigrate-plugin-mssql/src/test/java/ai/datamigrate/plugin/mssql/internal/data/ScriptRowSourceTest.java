package ai.datamigrate.plugin.mssql.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.MssqlSourceReaderFactory;
import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.testkit.TestPluginContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptRowSourceTest {

    private static class Collecting implements RowConsumer {
        final List<List<String>> columns = new ArrayList<>();
        final List<List<Object>> rows = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();

        @Override
        public void columns(List<String> names) {
            columns.add(names);
        }

        @Override
        public boolean row(List<Object> values, SourceLocation location) {
            rows.add(values);
            return true;
        }

        @Override
        public void reject(SourceLocation location, String reason, String text) {
            rejects.add(reason);
        }
    }

    private static RowSource sample() {
        return new MssqlSourceReaderFactory().create(Map.of(), new TestPluginContext())
                .rows(SourceInput.of(TestFiles.legacyShop())).orElseThrow();
    }

    @Test
    void theSampleOffersTheRowsOfItsFiveTables() {
        RowSource rows = sample();
        assertEquals(List.of("dbo.Customers", "dbo.Product Categories", "dbo.Products", "sales.Orders",
                "sales.Order Lines"), rows.tables().stream().map(ObjectName::toString).toList());
        Collecting products = new Collecting();
        rows.read(new ObjectName("dbo", "products"), products);
        assertEquals(List.of(List.of("ProductID", "ProductName", "CategoryID", "UnitPrice", "Weight Kg",
                "Discontinued", "RowGuid")), products.columns);
        assertEquals(3, products.rows.size());
        assertEquals("Chef Anton's Gumbo Mix", products.rows.get(2).get(1));
        assertEquals(new BigDecimal("10.00"), products.rows.get(1).get(3), "the money literal $10.00");
        assertTrue(products.rows.get(2).get(4) == null, "NULL stays null");
        assertTrue(products.rejects.isEmpty(), products.rejects.toString());
    }

    @Test
    void aConsumerCanStopTheStream() {
        List<Object> seen = new ArrayList<>();
        sample().read(new ObjectName("sales", "Order Lines"), new Collecting() {
            @Override
            public boolean row(List<Object> values, SourceLocation location) {
                seen.add(values);
                return false;
            }
        });
        assertEquals(1, seen.size());
    }

    @Test
    void columnsAnInsertLeavesOutGetTheirDefaultsAsInSqlServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path script = java.nio.file.Files.writeString(dir.resolve("titles.sql"), """
                CREATE TABLE titles (
                    title_id varchar(6) NOT NULL,
                    type char(12) NOT NULL DEFAULT ('UNDECIDED'),
                    pubdate datetime NOT NULL DEFAULT (getdate()),
                    price money NULL DEFAULT ((0)),
                    notes varchar(200) NULL)
                GO
                INSERT titles (title_id, notes) VALUES ('MC3026', 'no type yet')
                INSERT titles (title_id, type, pubdate, price) VALUES ('BU1032', 'business', '06/12/91', 19.99)
                GO
                """);
        RowSource rows = new MssqlSourceReaderFactory().create(Map.of(), new TestPluginContext())
                .rows(SourceInput.of(script)).orElseThrow();
        Collecting titles = new Collecting();
        rows.read(new ObjectName("dbo", "titles"), titles);
        assertEquals(List.of(List.of("title_id", "notes", "type", "pubdate", "price"),
                List.of("title_id", "type", "pubdate", "price")), titles.columns);
        List<Object> first = titles.rows.get(0);
        assertEquals("MC3026", first.get(0));
        assertEquals("UNDECIDED", first.get(2));
        assertTrue(first.get(3) instanceof java.time.LocalDateTime, "getdate() is the load time: " + first.get(3));
        assertEquals(0L, ((Number) first.get(4)).longValue());
        assertEquals(List.of("BU1032", "business", "06/12/91", new BigDecimal("19.99")), titles.rows.get(1));
    }
}
