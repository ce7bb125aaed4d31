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
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BulkInsertRowSourceTest {

    private static final class Collecting implements RowConsumer {
        final List<List<String>> columns = new ArrayList<>();
        final List<List<Object>> rows = new ArrayList<>();
        final List<String> rejects = new ArrayList<>();
        final List<SourceLocation> locations = new ArrayList<>();

        @Override
        public void columns(List<String> names) {
            columns.add(names);
        }

        @Override
        public boolean row(List<Object> values, SourceLocation location) {
            rows.add(values);
            locations.add(location);
            return true;
        }

        @Override
        public void reject(SourceLocation location, String reason, String text) {
            rejects.add(reason);
        }
    }

    private static RowSource source(Path script, Map<String, String> variables) {
        return new MssqlSourceReaderFactory().create(Map.of(), new TestPluginContext())
                .rows(SourceInput.of(script)).orElseThrow();
    }

    private static Collecting read(RowSource source, String schema, String table) {
        Collecting c = new Collecting();
        source.read(new ObjectName(schema, table), c);
        return c;
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static final String TABLES = """
            CREATE TABLE [dbo].[DimAccount](
                [AccountKey] [int] IDENTITY(1,1) NOT NULL,
                [ParentAccountKey] [int] NULL,
                [AccountDescription] [nvarchar](50) NULL,
                [AccountType] [nvarchar](50) NULL DEFAULT ('Assets'),
                [Label] AS ([AccountDescription] + N'!')
            ) ON [PRIMARY];
            GO
            """;

    @Test
    void aPipeSeparatedFileWithAHeaderRowStreamsItsRows(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("DimAccount.csv"), """
                AccountKey|ParentAccountKey|AccountDescription|AccountType
                1||Balance Sheet|
                2|1|Assets|Assets
                3|2|Caf\u00e9 \u20ac|
                """, Charset.forName("windows-1252"));
        Path script = Files.writeString(dir.resolve("install.sql"), TABLES + """
                :setvar SqlSamplesSourceDataPath "C:\\Samples\\AdventureWorksDW\\"
                PRINT 'Loading [dbo].[DimAccount]';
                BULK INSERT [dbo].[DimAccount] FROM '$(SqlSamplesSourceDataPath)DimAccount.csv'
                WITH (
                    CHECK_CONSTRAINTS,
                    CODEPAGE = 'ACP',
                    DATAFILETYPE = 'char',
                    FIELDTERMINATOR = '|',
                    ROWTERMINATOR = '\\n',
                    FIRSTROW = 2,
                    KEEPIDENTITY,
                    TABLOCK
                );
                GO
                """);
        RowSource source = source(script, Map.of());
        assertEquals(List.of(new ObjectName("dbo", "DimAccount")), source.tables());
        Collecting account = read(source, "dbo", "DimAccount");
        assertEquals(List.of(List.of("AccountKey", "ParentAccountKey", "AccountDescription", "AccountType")),
                account.columns, "the computed column has no field; KEEPIDENTITY keeps the identity");
        assertEquals(List.of(
                row("1", null, "Balance Sheet", "Assets"),
                row("2", "1", "Assets", "Assets"),
                row("3", "2", "Caf\u00e9 \u20ac", "Assets")), account.rows,
                "an empty field is NULL, or the column's default without KEEPNULLS; ACP is windows-1252");
        assertTrue(account.rejects.isEmpty(), account.rejects.toString());
        assertEquals(2, account.locations.get(0).line(), "the location is the row of the data file");
    }

    @Test
    void withoutKeepIdentityTheIdentityFieldIsSkippedAndKeepNullsKeepsNulls(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("acc.txt"), "7\t\tX\t\n8\t7\tY\tZ", StandardCharsets.US_ASCII);
        Path script = Files.writeString(dir.resolve("install.sql"), TABLES
                + "BULK INSERT dbo.DimAccount FROM 'acc.txt' WITH (KEEPNULLS)\nGO\n");
        Collecting account = read(source(script, Map.of()), "dbo", "DimAccount");
        assertEquals(List.of(List.of("ParentAccountKey", "AccountDescription", "AccountType")), account.columns);
        assertEquals(List.of(row(null, "X", null), row("7", "Y", "Z")), account.rows,
                "tab and line feed by default; a last row without terminator still counts");
    }

    @Test
    void aWidecharFileIsUtf16LittleEndian(@TempDir Path dir) throws IOException {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] text = "1,0,\u00c5ngstr\u00f6m \u65e5\u672c,Liabilities\r\n2,1,Two,\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] all = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, all, 0, 2);
        System.arraycopy(text, 0, all, 2, text.length);
        Files.write(dir.resolve("wide.dat"), all);
        Path script = Files.writeString(dir.resolve("install.sql"), TABLES + """
                BULK INSERT [dbo].[DimAccount] FROM '$(DataPath)wide.dat'
                WITH (DATAFILETYPE = 'widechar', FIELDTERMINATOR = ',', ROWTERMINATOR = '\\r\\n', KEEPIDENTITY);
                GO
                """);
        Collecting account = read(source(script, Map.of()), "dbo", "DimAccount");
        assertEquals(List.of(row("1", "0", "\u00c5ngstr\u00f6m \u65e5\u672c", "Liabilities"),
                row("2", "1", "Two", "Assets")), account.rows,
                "an undefined SQLCMD variable in the path stands for the script's folder");
        assertTrue(account.rejects.isEmpty(), account.rejects.toString());
    }

    @Test
    void crlfLinesWithTheNewlineTerminatorAndAHexTerminator(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("crlf.csv"), "1|0|A|B\r\n2|1|C|D\r\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("lf.csv"), "3|0|E|F\n4|1|G\r|H\n", StandardCharsets.UTF_8);
        Path script = Files.writeString(dir.resolve("install.sql"), TABLES + """
                BULK INSERT [dbo].[DimAccount] FROM 'crlf.csv'
                WITH (CODEPAGE = '65001', FIELDTERMINATOR = '|', ROWTERMINATOR = '\\n', KEEPIDENTITY);
                BULK INSERT [dbo].[DimAccount] FROM 'lf.csv'
                WITH (CODEPAGE = 'RAW', FIELDTERMINATOR = '0x7c', ROWTERMINATOR = '0x0a', KEEPIDENTITY);
                GO
                """);
        Collecting account = read(source(script, Map.of()), "dbo", "DimAccount");
        assertEquals(List.of(row("1", "0", "A", "B"), row("2", "1", "C", "D"), row("3", "0", "E", "F"),
                row("4", "1", "G\r", "H")), account.rows, "'\\n' takes CRLF too; 0x0a is a line feed only");
        assertEquals(2, account.columns.size(), "each statement announces its columns");
    }

    @Test
    void aMissingFileIsReportedOnceAndYieldsNoRows(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("install.sql"), TABLES + """
                BULK INSERT [dbo].[DimAccount] FROM 'C:\\Samples\\nowhere.csv' WITH (FIELDTERMINATOR = '|');
                GO
                """);
        RowSource source = source(script, Map.of());
        assertEquals(List.of(new ObjectName("dbo", "DimAccount")), source.tables());
        Collecting account = read(source, "dbo", "DimAccount");
        assertTrue(account.rows.isEmpty());
        assertEquals(1, account.rejects.size(), account.rejects.toString());
        assertTrue(account.rejects.get(0).startsWith("BULK INSERT file not found: C:\\Samples\\nowhere.csv"),
                account.rejects.get(0));
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedAndAConsumerCanStop(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.csv"), "1|0|A\n2|1|C|D\n3|1|E|F\n", StandardCharsets.UTF_8);
        Path script = Files.writeString(dir.resolve("install.sql"), TABLES
                + "BULK INSERT DimAccount FROM 'bad.csv' WITH (FIELDTERMINATOR = '|', KEEPIDENTITY)\nGO\n");
        List<List<Object>> seen = new ArrayList<>();
        Collecting c = new Collecting();
        source(script, Map.of()).read(new ObjectName("dbo", "DimAccount"), new RowConsumer() {
            @Override
            public void columns(List<String> names) {
            }

            @Override
            public boolean row(List<Object> values, SourceLocation location) {
                seen.add(values);
                return false;
            }

            @Override
            public void reject(SourceLocation location, String reason, String text) {
                c.rejects.add(reason + " @" + location.line());
            }
        });
        assertEquals(List.of(row("2", "1", "C", "D")), seen);
        assertEquals(1, c.rejects.size());
        assertTrue(c.rejects.get(0).contains("3 fields for the 4 columns") && c.rejects.get(0).endsWith("@1"),
                c.rejects.get(0));
    }

    @Test
    void bulkInsertsInsideAProcedureAreNotLoadTimeData(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("install.sql"), TABLES + """
                CREATE PROCEDURE dbo.Reload AS
                    BULK INSERT dbo.DimAccount FROM 'x.csv';
                GO
                """);
        assertEquals(List.of(), source(script, Map.of()).tables());
    }

    @Test
    void theAdventureWorksDwScriptLoadsItsTablesFromCsvFiles() {
        Optional<Path> script = TestFiles.corpus("adventureworks-dw/instawdbdw.sql");
        Assumptions.assumeTrue(script.isPresent(), "the shared corpora are not next to the repository");
        Assumptions.assumeFalse(Files.exists(script.get().resolveSibling("DimAccount.csv")), "the CSVs are present");
        List<BulkInsertStatement> statements = BulkInsertStatement.read(script.get(), Map.of());
        assertEquals(29, statements.size(), statements.toString());
        RowSource source = source(script.get(), Map.of());
        List<String> tables = source.tables().stream().map(ObjectName::toString).toList();
        for (String t : List.of("dbo.DimAccount", "dbo.DimCustomer", "dbo.FactInternetSales", "dbo.sysdiagrams",
                "dbo.ProspectiveBuyer", "dbo.NewFactCurrencyRate")) {
            assertTrue(tables.contains(t), t + " in " + tables);
        }
        BulkInsertStatement account = statements.get(0);
        assertEquals("C:\\Samples\\AdventureWorksDW\\DimAccount.csv", account.path(), "the script's :setvar");
        assertEquals("65001", account.option("CODEPAGE").orElseThrow());
        assertTrue(account.flag("KEEPIDENTITY"));
        assertEquals(script.get().toAbsolutePath().getParent().resolve("DimAccount.csv").normalize(),
                BulkInsertRows.candidates(account).get(BulkInsertRows.candidates(account).size() - 1),
                "a path that does not exist here falls back to the script's folder");
        Collecting rows = read(source, "dbo", "DimAccount");
        assertTrue(rows.rows.isEmpty());
        assertEquals(1, rows.rejects.size(), rows.rejects.toString());
        assertTrue(rows.rejects.get(0).startsWith("BULK INSERT file not found: C:\\Samples\\AdventureWorksDW\\"
                + "DimAccount.csv"), rows.rejects.get(0));
    }
}
