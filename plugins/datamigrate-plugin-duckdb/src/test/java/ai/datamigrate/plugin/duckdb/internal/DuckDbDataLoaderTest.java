package ai.datamigrate.plugin.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import ai.datamigrate.testkit.TestPluginContext;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads into a real DuckDB database file (the engine is embedded in the driver, so this never needs a server). */
class DuckDbDataLoaderTest {

    private static final SourceLocation AT = new SourceLocation("shop.sql", 1, 1);
    private static final UUID GUID = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    private static final String TRICKY = "tab\there\nnewline\r\nback\\slash é 日本 😀";

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:duckdb:" + dir.resolve("warehouse.duckdb");
    }

    private DuckDbDataLoader loader(long maxRejects) {
        return new DuckDbDataLoader(new DuckDbTargetDialect(), new TestPluginContext(), dir.resolve("rejects"),
                maxRejects);
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection(url());
    }

    private static Column column(String name, DataType type) {
        return new Column(name, type, true, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), AT);
    }

    private static Column identity(String name) {
        return new Column(name, DataType.of("int"), false, Optional.of(new Identity(100, 10)), Optional.empty(),
                Optional.empty(), false, Optional.empty(), false, Optional.empty(), AT);
    }

    private static Table table(String schema, String name, Column... columns) {
        return new Table(new ObjectName(schema, name), List.of(columns), Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), Map.of(), Optional.empty(), "create table ...", AT);
    }

    private static Database database(Table... tables) {
        Map<String, List<Table>> bySchema = new LinkedHashMap<>();
        for (Table table : tables) {
            bySchema.computeIfAbsent(table.name().schema(), s -> new ArrayList<>()).add(table);
        }
        List<Schema> schemas = new ArrayList<>();
        bySchema.forEach((name, list) -> schemas.add(new Schema(name, list, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), Optional.empty())));
        return new Database("shop", schemas, Optional.empty());
    }

    /** Rows held in memory, pushed as a script's INSERTs would be: one location per row. */
    private static final class MemoryRows implements RowSource {
        private final Map<ObjectName, List<String>> columns = new LinkedHashMap<>();
        private final Map<ObjectName, List<List<Object>>> rows = new LinkedHashMap<>();

        MemoryRows table(String schema, String name, List<String> columnNames, List<List<Object>> data) {
            columns.put(new ObjectName(schema, name), columnNames);
            rows.put(new ObjectName(schema, name), data);
            return this;
        }

        @Override
        public List<ObjectName> tables() {
            return List.copyOf(rows.keySet());
        }

        @Override
        public void read(ObjectName table, RowConsumer consumer) {
            ObjectName key = rows.keySet().stream().filter(n -> n.matches(table)).findFirst().orElseThrow();
            consumer.columns(columns.get(key));
            int line = 1;
            for (List<Object> row : rows.get(key)) {
                if (!consumer.row(row, new SourceLocation("data.sql", line++, 1))) {
                    return;
                }
            }
        }
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static final Table THINGS = table("dbo", "Things",
            column("Id", DataType.of("int")),
            column("Name", DataType.withLength("nvarchar", 40)),
            column("Note", DataType.withMaxLength("nvarchar")),
            column("Price", DataType.of("money")),
            column("Active", DataType.of("bit")),
            column("Picture", DataType.withMaxLength("varbinary")),
            column("Guid", DataType.of("uniqueidentifier")),
            column("Born", DataType.of("datetime")),
            column("Day", DataType.of("date")),
            column("Ratio", DataType.of("float")));

    private static final List<String> THING_COLUMNS = List.of("Id", "Name", "Note", "Price", "Active", "Picture",
            "Guid", "Born", "Day", "Ratio");

    private static List<List<Object>> thingRows(Object badPrice) {
        List<List<Object>> rows = new ArrayList<>();
        // values as a script's literals arrive: text for money, dates, binary and GUIDs
        rows.add(row(1L, "Chai", TRICKY, "$18.00", 1L, "0x00FF10", GUID.toString().toUpperCase(Locale.ROOT),
                "7/4/1996", "19960704", 0.1));
        rows.add(row(2L, null, null, null, null, null, null, null, null, null));
        rows.add(row(3L, "Chang", "x", badPrice, 0L, "0x1", "{" + GUID + "}", "1996-07-04 10:11:12.997", "1996-07-05",
                -2.5));
        return rows;
    }

    @Test
    void loadsConvertedValuesAndVerifiesThem() throws SQLException {
        Table sales = table("Sales", "Orders", identity("OrderID"), column("Total", DataType.withPrecision("decimal", 10,
                2)));
        MemoryRows rows = new MemoryRows()
                .table("dbo", "Things", THING_COLUMNS, thingRows("12.5"))
                // the identity column left out, as INSERT ... VALUES without it: SQL Server's seed and increment
                .table("Sales", "Orders", List.of("Total"), List.of(row("1.005"), row(new BigDecimal("-3"))));
        LoadResult result = loader(0).load(new LoadRequest(database(THINGS, sales), url(), "raw", List.of(), false,
                false, Optional.of(rows)));

        assertEquals(List.of(3L, 2L), result.tables().stream().map(LoadedTable::rows).toList(),
                result.diagnostics().toString());
        assertEquals(List.of("raw", "raw_sales"), result.tables().stream().map(LoadedTable::targetSchema).toList());
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.severity() == Severity.ERROR),
                result.diagnostics().toString());
        assertEquals(2, result.diagnostics().stream().filter(d -> d.code().equals("DUCKDB-LOAD-VERIFIED")).count());

        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select * from raw.\"Things\" order by \"Id\"")) {
                assertTrue(r.next());
                assertEquals("Chai", r.getString("Name"));
                assertEquals(TRICKY, r.getString("Note"));
                assertEquals(0, new BigDecimal("18").compareTo(r.getBigDecimal("Price")));
                assertTrue(r.getBoolean("Active"));
                assertArrayEquals(new byte[] {0, (byte) 0xff, 0x10}, bytes(r, "Picture"));
                assertEquals(GUID, r.getObject("Guid", UUID.class));
                assertEquals(LocalDateTime.of(1996, 7, 4, 0, 0), r.getObject("Born", LocalDateTime.class));
                assertEquals(LocalDate.of(1996, 7, 4), r.getObject("Day", LocalDate.class));
                assertEquals(0.1, r.getDouble("Ratio"));
                assertTrue(r.next());
                assertNull(r.getString("Name"));
                assertNull(r.getObject("Born"));
                assertTrue(r.next());
                assertArrayEquals(new byte[] {1}, bytes(r, "Picture"), "0x1 is 0x01");
                assertEquals(LocalDateTime.of(1996, 7, 4, 10, 11, 12, 997_000_000),
                        r.getObject("Born", LocalDateTime.class));
                assertFalse(r.next());
            }
            try (ResultSet r = s.executeQuery("select \"OrderID\", \"Total\" from raw_sales.\"Orders\" order by 1")) {
                assertTrue(r.next());
                assertEquals(100, r.getInt(1));
                assertEquals(new BigDecimal("1.01"), r.getBigDecimal(2), "rounded half up to the scale");
                assertTrue(r.next());
                assertEquals(110, r.getInt(1));
                assertFalse(r.next());
            }
            try (ResultSet r = s.executeQuery("select data_type from information_schema.columns where table_schema ="
                    + " 'raw' and table_name = 'Things' and column_name = 'Price'")) {
                assertTrue(r.next());
                assertEquals("DECIMAL(38,4)", r.getString(1));
            }
        }
    }

    /** DuckDB's driver reads blobs through {@link java.sql.Blob} only. */
    private static byte[] bytes(ResultSet r, String column) throws SQLException {
        java.sql.Blob blob = r.getBlob(column);
        return blob.getBytes(1, (int) blob.length());
    }

    @Test
    void aTableWithTooManyRejectsIsRolledBackAndTheOthersLoad() throws Exception {
        Table other = table("dbo", "Other", column("N", DataType.of("int")));
        MemoryRows rows = new MemoryRows()
                .table("dbo", "Things", THING_COLUMNS, thingRows("twelve"))
                .table("dbo", "Other", List.of("N"), List.of(row(1L), row(2L)));
        LoadResult result = loader(0).load(new LoadRequest(database(THINGS, other), url(), "raw", List.of(), false,
                false, Optional.of(rows)));

        assertEquals(List.of("Other"), result.tables().stream().map(LoadedTable::targetTable).toList());
        Diagnostic failed = result.diagnostics().stream().filter(d -> d.code().equals("DUCKDB-LOAD-TABLE-FAILED"))
                .findFirst().orElseThrow();
        assertTrue(failed.message().contains("more than the 0 allowed"), failed.message());
        Path rejects = dir.resolve("rejects/raw.Things.rejects.tsv");
        String rejected = Files.readString(rejects);
        assertTrue(rejected.contains("data.sql:3:1\tcolumn Price: cannot convert 'twelve' to decimal(38,4)"), rejected);
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from information_schema.tables where table_name = 'Things'")) {
            r.next();
            assertEquals(0, r.getInt(1), "rolled back, table and all");
        }
    }

    @Test
    void rejectsBelowTheThresholdAreLeftOutAndReported() {
        MemoryRows rows = new MemoryRows().table("dbo", "Things", THING_COLUMNS, thingRows("twelve"));
        LoadResult result = loader(1).load(new LoadRequest(database(THINGS), url(), "raw", List.of(), false, false,
                Optional.of(rows)));

        assertEquals(2L, result.tables().get(0).rows());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().equals("DUCKDB-LOAD-REJECTED-ROWS")),
                result.diagnostics().toString());
    }

    @Test
    void schemaOnlyCreatesTablesAndRefusesToOverwriteWithoutReplace() throws SQLException {
        LoadRequest request = new LoadRequest(database(THINGS), url(), "raw", List.of(), false, true);
        assertEquals(10, loader(0).load(request).tables().get(0).columns());
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> loader(0).load(request));
        assertTrue(e.getMessage().contains("raw.Things exists already; use --replace"), e.getMessage());
        loader(0).load(new LoadRequest(database(THINGS), url(), "raw", List.of(), true, true));
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from raw.\"Things\"")) {
            r.next();
            assertEquals(0, r.getInt(1));
        }
    }

    @Test
    void refusesAnInMemoryDatabase() {
        LoadRequest request = new LoadRequest(database(THINGS), "jdbc:duckdb:", "raw", List.of(), false, true);
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> loader(0).load(request));
        assertTrue(e.getMessage().contains("in-memory"), e.getMessage());
    }
}
