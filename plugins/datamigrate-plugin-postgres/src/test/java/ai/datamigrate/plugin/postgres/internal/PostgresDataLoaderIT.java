package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.load.LoadEvent;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import ai.datamigrate.spi.load.TableVerification;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads rows into a real PostgreSQL: DATAMIGRATE_PG_HOST, _PORT, _USER, _DATABASE (and _PASSWORD unless the server
 * trusts the user). Skipped when they are unset, except under CI=true, where they must be set.
 */
class PostgresDataLoaderIT {

    private static final SourceLocation AT = new SourceLocation("shop.sql", 1, 1);
    private static final UUID GUID = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    private static final String TRICKY = "tab\there\nnewline\r\nback\\slash \\N é 日本 😀";

    @TempDir
    Path rejectDir;

    private String url;
    private String user;
    private String password;
    private String schema;

    @BeforeEach
    void connect() throws SQLException {
        url = TestPostgres.url("loading into PostgreSQL must be tested in CI").orElseGet(() -> {
            Assumptions.abort("DATAMIGRATE_PG_HOST not set: skipping the PostgreSQL load tests "
                    + "(set DATAMIGRATE_PG_HOST, _PORT, _USER, _PASSWORD, _DATABASE to run them)");
            return null;
        });
        user = TestPostgres.user();
        password = TestPostgres.password();
        schema = "it_load_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void dropSchemas() throws SQLException {
        if (url == null) {
            return;
        }
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
            s.execute("drop schema if exists " + schema + "_sales cascade");
        }
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    private PostgresDataLoader loader(long maxRejects) {
        return new PostgresDataLoader(new PostgresTargetDialect(), user, password, new TestPluginContext(), rejectDir,
                maxRejects);
    }

    private static Column column(String name, DataType type) {
        return new Column(name, type, true, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), AT);
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
        public boolean concurrentReads() {
            return true;
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
            column("Ratio", DataType.of("float")),
            column("Code", DataType.withLength("nchar", 3)));

    private static List<List<Object>> thingRows(Object badBorn) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(1L, "Chai", TRICKY, "$18.00", 1L, "0x00FF10", GUID.toString().toUpperCase(Locale.ROOT),
                "1996-07-04 00:00:00.000", "19960704", 0.1, "ab"));
        rows.add(row(2L, null, null, null, null, null, null, null, null, null, null));
        rows.add(row(3L, "N'' stays", "", new BigDecimal("1234567.8912"), Boolean.FALSE, new byte[]{1, 2, 3}, GUID,
                "July 4 1996", LocalDate.of(2000, 2, 29), -1.5e300, "xyz"));
        rows.add(row(4L, "Bad", "x", "1.00", "0", "0x", null, badBorn, null, null, null));
        rows.add(row(5L, "Late", "line1\nline2", "-0.0001", "1", "0xDEADBEEF", null,
                LocalDateTime.of(2024, 12, 31, 23, 59, 59, 997_000_000), "12/31/2024", 1e10, null));
        return rows;
    }

    private static final List<String> THING_COLUMNS = THINGS.columns().stream().map(Column::name).toList();

    @Test
    void loadsEveryKindOfValueAndVerifiesIt() throws Exception {
        Table orders = table("sales", "Orders", column("OrderID", DataType.of("int")),
                column("Amount", DataType.withPrecision("decimal", 10, 2)));
        MemoryRows rows = new MemoryRows()
                .table("dbo", "Things", THING_COLUMNS, thingRows("1996-07-05T12:30:00"))
                // a column list in another order than the table, and without Amount
                .table("sales", "orders", List.of("OrderID"), List.of(row(10L), row(11L)));

        LoadResult result = loader(0).load(new LoadRequest(database(THINGS, orders), url, schema, List.of(), false,
                false, Optional.of(rows)));

        assertEquals(List.of(), errorsAndWarnings(result));
        assertEquals(List.of(new LoadedTable(THINGS.name(), schema, "Things", 11, 5),
                new LoadedTable(orders.name(), schema + "_sales", "Orders", 2, 2)), result.tables());
        assertEquals(2, result.diagnostics().stream().filter(d -> d.code().equals("PG-LOAD-VERIFIED")).count());
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select * from " + schema + ".\"Things\" order by \"Id\"")) {
            assertTrue(r.next());
            assertEquals(TRICKY, r.getString("Note"), "tabs, newlines, backslashes and unicode arrive unchanged");
            assertEquals(new BigDecimal("18.0000"), r.getBigDecimal("Price"));
            assertTrue(r.getBoolean("Active"));
            assertArrayEquals(new byte[]{0, (byte) 0xff, 0x10}, r.getBytes("Picture"));
            assertEquals(GUID, r.getObject("Guid"));
            assertEquals(LocalDateTime.of(1996, 7, 4, 0, 0), r.getObject("Born", LocalDateTime.class));
            assertEquals(LocalDate.of(1996, 7, 4), r.getObject("Day", LocalDate.class));
            assertEquals(0.1, r.getDouble("Ratio"));
            assertTrue(r.next());
            for (int i = 2; i <= 11; i++) {
                assertNull(r.getObject(i), "column " + i + " of the all-NULL row");
            }
            assertTrue(r.next());
            assertEquals("N'' stays", r.getString("Name"));
            assertEquals("", r.getString("Note"), "an empty string is not NULL");
            assertEquals(LocalDateTime.of(1996, 7, 4, 0, 0), r.getObject("Born", LocalDateTime.class));
            assertTrue(r.next());
            assertEquals(LocalDateTime.of(1996, 7, 5, 12, 30), r.getObject("Born", LocalDateTime.class));
            assertArrayEquals(new byte[0], r.getBytes("Picture"));
            assertTrue(r.next());
            assertEquals(LocalDateTime.of(2024, 12, 31, 23, 59, 59, 997_000_000), r.getObject("Born",
                    LocalDateTime.class));
            assertFalse(r.next());
        }
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), count(\"Amount\") from " + schema + "_sales.\"Orders\"")) {
            r.next();
            assertEquals(2, r.getLong(1));
            assertEquals(0, r.getLong(2));
        }
        try (var files = Files.list(rejectDir)) {
            assertEquals(0, files.count(), "no rejects, no reject file");
        }
    }

    @Test
    void rowsThatCannotBeConvertedGoToTheRejectFileWithinTheThreshold() throws Exception {
        MemoryRows rows = new MemoryRows().table("dbo", "Things", THING_COLUMNS, thingRows("not a date"));

        LoadResult result = loader(1).load(new LoadRequest(database(THINGS), url, schema, List.of(), false, false,
                Optional.of(rows)));

        assertEquals(4, result.tables().get(0).rows());
        Diagnostic warning = errorsAndWarnings(result).get(0);
        assertEquals("PG-LOAD-REJECTED-ROWS", warning.code(), warning.format());
        Path file = rejectDir.resolve(schema + ".Things.rejects.tsv");
        assertTrue(warning.message().contains(file.toString()), warning.message());
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("data.sql:4:1\tcolumn Born: cannot convert 'not a date' to timestamp(3)"),
                lines.get(1));
        assertTrue(lines.get(1).endsWith("\t4\tBad\tx\t1.00\t0\t0x\t\\N\tnot a date\t\\N\t\\N\t\\N"), lines.get(1));
        assertEquals(4, count(schema + ".\"Things\""));
    }

    @Test
    void aTablePastTheThresholdIsRolledBackAndTheOthersStillLoad() throws Exception {
        Table other = table("dbo", "Other", column("A", DataType.of("int")));
        MemoryRows good = new MemoryRows().table("dbo", "Things", THING_COLUMNS, thingRows("1996-07-05"));
        loader(0).load(new LoadRequest(database(THINGS), url, schema, List.of(), false, false, Optional.of(good)));
        assertEquals(5, count(schema + ".\"Things\""));

        MemoryRows bad = new MemoryRows().table("dbo", "Things", THING_COLUMNS, thingRows("not a date"))
                .table("dbo", "Other", List.of("A"), List.of(row(1L), row(2L)));
        LoadResult result = loader(0).load(new LoadRequest(database(THINGS, other), url, schema, List.of(), true,
                false, Optional.of(bad)));

        assertEquals(List.of(new LoadedTable(other.name(), schema, "Other", 1, 2)), result.tables());
        List<Diagnostic> errors = errorsAndWarnings(result);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(Severity.ERROR, errors.get(0).severity());
        assertEquals(Optional.of("dbo.Things"), errors.get(0).object());
        assertTrue(errors.get(0).message().contains("more than the 0 allowed"), errors.get(0).message());
        assertEquals(5, count(schema + ".\"Things\""), "the replaced table is back as it was, not half loaded");
        assertEquals(2, count(schema + ".\"Other\""));
    }

    @Test
    void aValuePostgresRefusesFailsTheTableNotTheRun() throws Exception {
        Table xml = table("dbo", "Docs", column("Body", DataType.of("xml")));
        MemoryRows rows = new MemoryRows().table("dbo", "Docs", List.of("Body"), List.of(row("<a>ok</a>"),
                row("<not xml")));
        LoadResult result = loader(0).load(new LoadRequest(database(xml), url, schema, List.of(), false, false,
                Optional.of(rows)));
        assertEquals(List.of(), result.tables());
        assertEquals("PG-LOAD-TABLE-FAILED", errorsAndWarnings(result).get(0).code());
        assertTrue(errorsAndWarnings(result).get(0).message().contains("COPY into " + schema + ".Docs failed"),
                errorsAndWarnings(result).get(0).message());
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select to_regclass('" + schema + ".\"Docs\"') is null")) {
            r.next();
            assertTrue(r.getBoolean(1), "the failed table was rolled back with its create");
        }
    }

    @Test
    void verificationNamesTheColumnThatDiffersWithTheHashInSqlAndPulledBack() throws Exception {
        Table t = table("dbo", "T", column("N", DataType.of("int")), column("S", DataType.withMaxLength("nvarchar")));
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("create table " + schema + ".\"T\" (\"N\" integer, \"S\" text)");
            s.execute("insert into " + schema + ".\"T\" values (1, 'a'), (2, 'b')");
            assertTrue(TableVerifier.serverHashes(c), "PostgreSQL's hashtextextended is PgHash on this server");
            List<ColumnConverter> converters = List.of(ColumnConverter.forType("integer"),
                    ColumnConverter.forType("text"));
            ColumnStats n = new ColumnStats(ColumnConverter.Kind.INTEGER);
            n.add("1");
            n.add("2");
            ColumnStats text = new ColumnStats(ColumnConverter.Kind.TEXT);
            text.add("a");
            text.add("B");
            for (boolean inSql : List.of(true, false)) {
                c.setAutoCommit(false);
                TableVerification verification = TableVerifier.verify(c, new PostgresTargetDialect(), schema, t,
                        converters, 2, 2, List.of(n, text), inSql);
                c.rollback();
                assertEquals(1, verification.differences().size(), verification.differences().toString());
                assertTrue(verification.differences().get(0).startsWith("column S: value hash "),
                        verification.differences().get(0));
                assertTrue(verification.columns().get(0).matches(), "column N agrees");
                assertEquals(verification.columns().get(0).source().hash(),
                        verification.columns().get(0).target().hash());

                TableVerification rowCount = TableVerifier.verify(c, new PostgresTargetDialect(), schema, t,
                        converters, 3, 3, List.of(n, text), inSql);
                c.rollback();
                assertEquals("row count 3 (source) vs 3 (copied) vs 2 (target)", rowCount.differences().get(0));
            }
        }
    }

    @Test
    void timesOffsetsAndOtherNumericTypesSurviveTheRoundTrip() throws Exception {
        Table times = table("dbo", "Times",
                column("Offset", DataType.of("datetimeoffset")),
                column("At", DataType.of("time")),
                column("Precise", DataType.of("datetime2")),
                column("Small", DataType.of("smalldatetime")),
                column("R", DataType.of("real")),
                column("D", DataType.withPrecision("decimal", 38, 10)),
                column("Big", DataType.of("bigint")),
                column("Tiny", DataType.of("tinyint")),
                column("Doc", DataType.of("xml")),
                column("Stamp", DataType.of("rowversion")));
        MemoryRows rows = new MemoryRows().table("dbo", "Times", times.columns().stream().map(Column::name).toList(),
                List.of(row("2024-03-01 10:00:00.1234567 +05:30", "23:59:59.9999994", "2024-03-01 10:00:00.1234567",
                                "2024-03-01 10:00:29", 3.4028235e38, "-12345678901234567890.0123456789",
                                Long.MIN_VALUE, 255L, "<a x=\"1\">ü</a>", "0x00000000000007D1"),
                        row(null, "00:00", "19000101", "Jan 1 2000 11:59PM", -0.5f, "0", 0L, 0L, "", "0x00"),
                        row(null, null, null, null, null, null, null, null, null, null)));

        LoadResult result = loader(0).load(new LoadRequest(database(times), url, schema, List.of(), false, false,
                Optional.of(rows)));

        assertEquals(List.of(), errorsAndWarnings(result).stream().filter(d -> d.severity() == Severity.ERROR)
                .toList());
        assertEquals(3, result.tables().get(0).rows());
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select \"Offset\" at time zone 'UTC', \"At\"::text, \"Precise\"::text"
                     + " from " + schema + ".\"Times\" where \"Offset\" is not null")) {
            assertTrue(r.next());
            assertEquals(LocalDateTime.of(2024, 3, 1, 4, 30, 0, 123457000), r.getObject(1, LocalDateTime.class));
            assertEquals("23:59:59.999999", r.getString(2));
            assertEquals("2024-03-01 10:00:00.123457", r.getString(3));
        }
    }

    @Test
    void binaryAndTextCopyStoreTheSameValues() throws Exception {
        // the same columns and rows twice: with an xml column the table goes in COPY text format, without it binary
        List<Column> columns = List.of(
                column("Offset", DataType.of("datetimeoffset")),
                column("At", DataType.of("time")),
                column("Precise", DataType.of("datetime2")),
                column("Old", DataType.of("datetime")),
                column("Day", DataType.of("date")),
                column("R", DataType.of("real")),
                column("F", DataType.of("float")),
                column("D", DataType.withPrecision("decimal", 38, 10)),
                column("Cash", DataType.of("money")),
                column("Big", DataType.of("bigint")),
                column("Tiny", DataType.of("tinyint")),
                column("I", DataType.of("int")),
                column("Flag", DataType.of("bit")),
                column("Guid", DataType.of("uniqueidentifier")),
                column("Bin", DataType.withMaxLength("varbinary")),
                column("Code", DataType.withLength("nchar", 4)),
                column("Name", DataType.withLength("nvarchar", 40)),
                column("Note", DataType.withMaxLength("nvarchar")));
        List<Column> withXml = new ArrayList<>(columns);
        withXml.add(column("Doc", DataType.of("xml")));
        Table text = table("dbo", "AsText", withXml.toArray(Column[]::new));
        Table binary = table("dbo", "AsBinary", columns.toArray(Column[]::new));
        List<List<Object>> data = new ArrayList<>(List.of(
                row("2024-03-01 10:00:00.1234567 +05:30", "23:59:59.9999994", "2024-03-01 10:00:00.1234567",
                        "1753-01-01 00:00:00.003", "0001-01-01", 3.4028235e38, -1.5e300,
                        "-12345678901234567890.0123456789", "$-922337203685477.5808", Long.MIN_VALUE, 255L,
                        2147483647L, 1L, GUID, new byte[]{0, 1, (byte) 0xff}, "ab", TRICKY, "line1\nline2\\"),
                row("1900-01-01 00:00:00 -14:00", "00:00", "9999-12-31 23:59:59.999999", "9999-12-31 23:59:59.997",
                        "9999-12-31", -0.5f, 0.1, "0.0000000001", "0", 0L, 0L, -2147483648L, 0L,
                        GUID.toString().toUpperCase(Locale.ROOT), new byte[0], "", "", ""),
                row(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null),
                row("2000-02-29 12:00:00 +00:00", "12:34:56.5", "2000-02-29", "Feb 29 2000 1:02PM", "20000229",
                        1.0e-45f, 4.9e-324, "10000", "0.0001", 9223372036854775807L, 1L, 0L, "true",
                        "{6F9619FF-8B86-D011-B42D-00C04FC964FF}", "0x0123", "x", "日本", "😀")));
        List<List<Object>> textData = new ArrayList<>();
        for (List<Object> r : data) {
            List<Object> withDoc = new ArrayList<>(r);
            withDoc.add(r.get(0) == null ? null : "<a>ü</a>");
            textData.add(withDoc);
        }
        MemoryRows rows = new MemoryRows()
                .table("dbo", "AsText", withXml.stream().map(Column::name).toList(), textData)
                .table("dbo", "AsBinary", columns.stream().map(Column::name).toList(), data);

        LoadResult result = loader(0).load(new LoadRequest(database(text, binary), url, schema, List.of(), false,
                false, Optional.of(rows)));

        try (var files = Files.list(rejectDir)) {
            assertEquals(List.of(), files.map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList(), "no rejects");
        }
        assertEquals(List.of(), errorsAndWarnings(result).stream().filter(d -> d.severity() == Severity.ERROR)
                .toList());
        assertEquals(2, result.verifications().size());
        assertTrue(result.verifications().stream().allMatch(TableVerification::passed));
        String list = String.join(", ", columns.stream().map(c -> "\"" + c.name() + "\"::text").toList());
        List<String> asText = new ArrayList<>();
        List<String> asBinary = new ArrayList<>();
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("set timezone = 'UTC'");
            for (var target : List.of(Map.entry("AsText", asText), Map.entry("AsBinary", asBinary))) {
                try (ResultSet r = s.executeQuery("select " + list + " from " + schema + ".\"" + target.getKey()
                        + "\" order by \"I\" nulls last")) {
                    while (r.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= columns.size(); i++) {
                            line.append(r.getString(i)).append('|');
                        }
                        target.getValue().add(line.toString());
                    }
                }
            }
        }
        assertEquals(4, asBinary.size());
        assertEquals(asText, asBinary);
        // ordered by I: the first row given is the third
        assertTrue(asBinary.get(2).startsWith("2024-03-01 04:30:00.123457+00|23:59:59.999999|"
                + "2024-03-01 10:00:00.123457|1753-01-01 00:00:00.003|0001-01-01|3.4028235e+38|-1.5e+300|"
                + "-12345678901234567890.0123456789|-922337203685477.5808|"), asBinary.get(2));
    }

    @Test
    void parallelJobsReportInTableOrderAndResumeSkipsWhatWasVerified() throws Exception {
        List<Table> tables = new ArrayList<>();
        MemoryRows rows = new MemoryRows();
        for (int t = 0; t < 5; t++) {
            tables.add(table("dbo", "P" + t, column("A", DataType.of("int")), column("B", DataType.of("datetime"))));
            List<List<Object>> data = new ArrayList<>();
            // the first table is the biggest: it finishes last
            for (int r = 0; r < (t == 0 ? 120_000 : 10 + t); r++) {
                data.add(row((long) r, "2024-01-0" + (1 + r % 9) + " 10:00:00.123"));
            }
            rows.table("dbo", "P" + t, List.of("A", "B"), data);
        }
        List<LoadEvent> events = java.util.Collections.synchronizedList(new ArrayList<>());
        LoadResult result = loader(0).load(new LoadRequest(database(tables.toArray(Table[]::new)), url, schema,
                List.of(), false, false, Optional.of(rows), 3, false, events::add));

        assertEquals(List.of(), errorsAndWarnings(result));
        assertEquals(List.of("P0", "P1", "P2", "P3", "P4"), result.tables().stream().map(LoadedTable::targetTable)
                .toList(), "the result lists tables in the request's order, not in the order they finished");
        assertEquals(120_000, result.tables().get(0).rows());
        assertEquals(5, result.verifications().size());
        assertTrue(result.verifications().stream().allMatch(TableVerification::passed));
        assertTrue(events.stream().anyMatch(e -> e instanceof LoadEvent.Rows r && r.rows() == 100_000),
                "progress events: " + events.size());
        assertEquals(5, events.stream().filter(e -> e instanceof LoadEvent.Finished f && f.loaded()).count());
        assertEquals(List.of("P0", "P1", "P2", "P3", "P4"), stateTables());

        // P2 vanishes (as if a run had been killed while loading it): --resume loads it alone
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("drop table " + schema + ".\"P2\"");
        }
        events.clear();
        LoadResult resumed = loader(0).load(new LoadRequest(database(tables.toArray(Table[]::new)), url, schema,
                List.of(), false, false, Optional.of(rows), 2, true, events::add));
        assertEquals(List.of(), errorsAndWarnings(resumed));
        assertEquals(List.of(true, true, false, true, true), resumed.tables().stream().map(LoadedTable::resumed)
                .toList());
        assertEquals(1, resumed.verifications().size());
        assertEquals(schema + ".P2", resumed.verifications().get(0).target());
        assertEquals(1, events.stream().filter(e -> e instanceof LoadEvent.Started).count());
        assertEquals(12, count(schema + ".\"P2\""));
    }

    private List<String> stateTables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select target_table from " + schema + ".datamigrate_load_state"
                     + " order by target_table")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    private long count(String table) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static List<Diagnostic> errorsAndWarnings(LoadResult result) {
        return result.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList();
    }
}
