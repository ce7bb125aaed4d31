package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.datamigrate.cli.internal.CliRunner.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datamigrate load} against a real PostgreSQL (DATAMIGRATE_PG_*; skipped without, failing under CI=true):
 * parallel jobs on Microsoft's sample databases with verification computed in SQL, a target that alters a value,
 * and a load killed with SIGKILL in the middle of a big table and then resumed.
 */
class LoadIT {

    @TempDir
    Path dir;

    private String url;
    private String schema;

    @BeforeEach
    void connect() {
        String host = System.getenv("DATAMIGRATE_PG_HOST");
        if (host == null || host.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("DATAMIGRATE_PG_HOST is not set but CI=true: load must be tested against PostgreSQL in CI");
            }
            Assumptions.abort("DATAMIGRATE_PG_HOST not set: skipping the load tests");
        }
        url = "jdbc:postgresql://" + host + ":" + Optional.ofNullable(System.getenv("DATAMIGRATE_PG_PORT"))
                .orElse("5432") + "/" + Optional.ofNullable(System.getenv("DATAMIGRATE_PG_DATABASE")).orElse("postgres");
        schema = "it_cli_" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void drop() throws SQLException {
        if (url != null) {
            try (Connection c = jdbc(); Statement s = c.createStatement()) {
                s.execute("drop event trigger if exists " + schema + "_tamper");
                s.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private Connection jdbc() throws SQLException {
        return DriverManager.getConnection(url, Optional.ofNullable(System.getenv("DATAMIGRATE_PG_USER"))
                .orElse("postgres"), Optional.ofNullable(System.getenv("DATAMIGRATE_PG_PASSWORD")).orElse(""));
    }

    private Run load(Path script, String... more) {
        List<String> args = new ArrayList<>(List.of("load", script.toString(), "--target-url", url, "--schema", schema,
                "--reject-dir", dir.resolve("rejects").toString(), "--report-dir", dir.toString()));
        args.addAll(List.of(more));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void northwindAndPubsLoadWithParallelJobsAndBothSidesAgreeColumnByColumn() throws Exception {
        for (String corpus : List.of("northwind/instnwnd.sql", "pubs/instpubs.sql")) {
            Path script = CliRunner.corpus(corpus);
            Assumptions.assumeTrue(Files.exists(script), script + " not present in this checkout");
            Run run = load(script, "--jobs", "4", "--replace");
            assertEquals(ExitCode.OK, run.exitCode(), run.err());

            JsonNode report = new ObjectMapper().readTree(dir.resolve("load-report.json").toFile());
            int tables = corpus.startsWith("northwind") ? 13 : 11;
            assertEquals(tables, report.path("summary").path("verified").asInt(), report.toPrettyString());
            assertEquals(corpus.startsWith("northwind") ? 3308 : 255, report.path("summary").path("rows").asLong());
            int columns = 0;
            for (JsonNode table : report.path("tables")) {
                JsonNode verification = table.path("verification");
                assertTrue(verification.path("passed").asBoolean(), table.toPrettyString());
                for (JsonNode column : verification.path("columns")) {
                    assertEquals(column.path("source"), column.path("target"), table.path("target") + " "
                            + column.path("column"));
                    if (column.path("source").path("non_null").asLong() > 0) {
                        assertFalse(column.path("source").path("hash").asText().equals("0000000000000000"));
                    }
                    columns++;
                }
            }
            assertTrue(columns > 50, "columns verified: " + columns);
            // the per-table lines come in the script's table order whatever order the four jobs finished in
            List<String> loaded = run.err().lines().filter(l -> l.startsWith("loaded ") && l.endsWith("(verified)"))
                    .toList();
            assertEquals(tables, loaded.size(), run.err());
            List<String> inOrder = new ArrayList<>();
            report.path("tables").forEach(t -> inOrder.add(t.path("target").asText()));
            for (int i = 0; i < tables; i++) {
                assertTrue(loaded.get(i).endsWith(" into " + inOrder.get(i) + " (verified)"), loaded + " vs " + inOrder);
            }
            assertTrue(Files.readString(dir.resolve("load-report.md")).contains("| " + inOrder.get(0) + " |"));
        }
    }

    @Test
    void adventureWorksDwLoadsItsBulkInsertFilesFromTheSqlcmdDataPath() throws Exception {
        Path script = CliRunner.corpus("adventureworks-dw/instawdbdw.sql");
        Assumptions.assumeTrue(Files.exists(script), script + " not present in this checkout");
        // Microsoft's script as it ships; its data files are not in ../shared, so the test writes three of them in
        // the shape of the real ones: UTF-8, '|' between fields, identity values kept (KEEPIDENTITY)
        Path data = Files.createDirectories(dir.resolve("AdventureWorksDW data"));
        Files.writeString(data.resolve("DimCurrency.csv"), "1|AFA|Afghani\n2|DZD|Algerian Dinar\n"
                + "36|EUR|EURO\n100|XOF|CFA Franc BCEAO\n105|VEB|Bolívar\n");
        Files.writeString(data.resolve("DimAccount.csv"), "1||1||Balance Sheet|||||Currency\n"
                + "2|1|10|1|Assets|Assets|+||Currency|\n"
                + "97|96|9|96|Statistical Accounts|Statistical|~|[Account].[Accounts].[Headcount]|Units|\n");
        Files.writeString(data.resolve("FactCurrencyRate.csv"), "3|20101229|1|1.00040008|2010-12-29 00:00:00\n"
                + "36|20101229|0.7561|0.7552|2010-12-29 00:00:00\n105|20140128|4.2918|4.30069|\n");

        Run run = load(script, "--var", "SqlSamplesSourceDataPath=" + data + "/", "--tables",
                "dbo.DimCurrency,dbo.DimAccount,dbo.FactCurrencyRate");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        for (String line : List.of("loaded 5 rows into " + schema + ".DimCurrency (verified)",
                "loaded 3 rows into " + schema + ".DimAccount (verified)",
                "loaded 3 rows into " + schema + ".FactCurrencyRate (verified)")) {
            assertTrue(run.err().contains(line), run.err());
        }
        JsonNode report = new ObjectMapper().readTree(dir.resolve("load-report.json").toFile());
        assertEquals(3, report.path("summary").path("verified").asInt(), report.toPrettyString());
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select string_agg(\"CurrencyKey\" || '=' || \"CurrencyAlternateKey\" || '/'"
                    + " || \"CurrencyName\", ', ' order by \"CurrencyKey\") from " + schema + ".\"DimCurrency\"")) {
                r.next();
                assertEquals("1=AFA/Afghani, 2=DZD/Algerian Dinar, 36=EUR/EURO, 100=XOF/CFA Franc BCEAO, "
                        + "105=VEB/Bolívar", r.getString(1), "KEEPIDENTITY keeps the file's keys; UTF-8 decoded");
            }
            try (ResultSet r = s.executeQuery("select count(\"ParentAccountKey\"), count(\"CustomMembers\"),"
                    + " max(\"CustomMembers\") from " + schema + ".\"DimAccount\"")) {
                r.next();
                assertEquals(2, r.getLong(1), "an empty field is NULL");
                assertEquals(1, r.getLong(2));
                assertEquals("[Account].[Accounts].[Headcount]", r.getString(3));
            }
            try (ResultSet r = s.executeQuery("select sum(\"EndOfDayRate\"), count(\"Date\"), min(\"Date\")::text from "
                    + schema + ".\"FactCurrencyRate\"")) {
                r.next();
                assertEquals(1.00040008 + 0.7552 + 4.30069, r.getDouble(1), 1e-9);
                assertEquals(2, r.getLong(2));
                assertEquals("2010-12-29 00:00:00", r.getString(3));
            }
        }
    }

    @Test
    void bulkInsertCodePagesFirstRowWidecharAndHexTerminatorsLoadVerified() throws Exception {
        // AdventureWorks-DW style, with what the other SQL Server samples and exports use: a Windows code page
        // (ACP is 1252: é and € are single bytes), a header row skipped with FIRSTROW, CRLF lines, a UTF-16 file
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.write(data.resolve("DimProduct.csv"), ("ProductKey|EnglishProductName|ListPrice|StartDate|Active\r\n"
                + "1|Café crème|3.50|2011-07-01 00:00:00.000|1\r\n"
                + "2|Euro sign €|1234.5678|2012-01-31 13:45:00.997|0\r\n"
                + "3|||2013-12-31 23:59:59.000|\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Files.write(data.resolve("DimPromotion.txt"), ("\uFEFF10\tNo Discount\t0.00\n11\tVolume 日本\t0.02\n")
                .getBytes(StandardCharsets.UTF_16LE));
        Files.writeString(data.resolve("FactNotes.csv"), "1;first\n2;sécond\n");
        Path script = dir.resolve("dw.sql");
        Files.writeString(script, """
                :setvar SqlSamplesSourceDataPath "C:\\Samples\\AdventureWorksDW\\"
                CREATE TABLE [dbo].[DimProduct](
                    [ProductKey] [int] IDENTITY(1,1) NOT NULL, [EnglishProductName] [nvarchar](50) NULL,
                    [ListPrice] [money] NULL, [StartDate] [datetime] NULL, [Active] [bit] NULL)
                GO
                CREATE TABLE [dbo].[DimPromotion]([PromotionKey] [int] NOT NULL,
                    [EnglishPromotionName] [nvarchar](255) NULL, [DiscountPct] [float] NULL)
                GO
                CREATE TABLE [dbo].[FactNotes]([NoteKey] [smallint] NOT NULL, [Note] [varchar](20) NULL)
                GO
                BULK INSERT [dbo].[DimProduct] FROM '$(SqlSamplesSourceDataPath)DimProduct.csv'
                WITH (CHECK_CONSTRAINTS, CODEPAGE = 'ACP', DATAFILETYPE = 'char', FIELDTERMINATOR = '|',
                      ROWTERMINATOR = '\\n', FIRSTROW = 2, KEEPIDENTITY, TABLOCK);
                GO
                BULK INSERT [dbo].[DimPromotion] FROM '$(SqlSamplesSourceDataPath)DimPromotion.txt'
                WITH (DATAFILETYPE = 'widechar', FIELDTERMINATOR = '\\t', ROWTERMINATOR = '0x0a');
                GO
                BULK INSERT [dbo].[FactNotes] FROM '$(SqlSamplesSourceDataPath)FactNotes.csv'
                WITH (CODEPAGE = '65001', FIELDTERMINATOR = ';', ROWTERMINATOR = '0x0a');
                GO
                """);

        Run run = load(script, "--var", "SqlSamplesSourceDataPath=" + data + "/");

        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(run.err().contains("loaded 3 rows into " + schema + ".DimProduct (verified)"), run.err());
        assertTrue(run.err().contains("loaded 2 rows into " + schema + ".DimPromotion (verified)"), run.err());
        assertTrue(run.err().contains("loaded 2 rows into " + schema + ".FactNotes (verified)"), run.err());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("load-report.json").toFile());
        assertEquals(3, report.path("summary").path("verified").asInt(), report.toPrettyString());
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("select string_agg(concat_ws('/', \"ProductKey\", \"EnglishProductName\","
                    + " \"ListPrice\", \"StartDate\", \"Active\"), ', ' order by \"ProductKey\") from " + schema
                    + ".\"DimProduct\"")) {
                r.next();
                assertEquals("1/Café crème/3.5000/2011-07-01 00:00:00/t, "
                        + "2/Euro sign €/1234.5678/2012-01-31 13:45:00.997/f, 3/2013-12-31 23:59:59",
                        r.getString(1), "the header row skipped, 1252 decoded, empty fields NULL");
            }
            try (ResultSet r = s.executeQuery("select string_agg(\"PromotionKey\" || '/' || \"EnglishPromotionName\""
                    + " || '/' || \"DiscountPct\", ', ' order by 1) from " + schema + ".\"DimPromotion\"")) {
                r.next();
                assertEquals("10/No Discount/0, 11/Volume 日本/0.02", r.getString(1), "UTF-16LE, its BOM dropped");
            }
            try (ResultSet r = s.executeQuery("select string_agg(\"Note\", ',' order by \"NoteKey\") from " + schema
                    + ".\"FactNotes\"")) {
                r.next();
                assertEquals("first,sécond", r.getString(1));
            }
        }
    }

    @Test
    void aTargetThatAltersOneValueFailsVerificationNamingTableAndColumn() throws Exception {
        Path script = CliRunner.corpus("northwind/instnwnd.sql");
        Assumptions.assumeTrue(Files.exists(script), script + " not present in this checkout");
        // the target side tampers: a trigger, attached as the load creates the table, changes one price
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            s.execute("create function " + schema + ".tamper_row() returns trigger language plpgsql as $$ begin "
                    + "if new.\"OrderID\" = 10248 and new.\"ProductID\" = 11 then "
                    + "new.\"UnitPrice\" := new.\"UnitPrice\" + 0.01; end if; return new; end $$");
            s.execute("create function " + schema + ".attach_tamper() returns event_trigger language plpgsql as $$ "
                    + "begin if to_regclass('" + schema + ".\"Order Details\"') is not null and not exists ("
                    + "select 1 from pg_trigger where tgname = 'tamper') then execute 'create trigger tamper before "
                    + "insert on " + schema + ".\"Order Details\" for each row execute function " + schema
                    + ".tamper_row()'; end if; end $$");
            s.execute("create event trigger " + schema + "_tamper on ddl_command_end when tag in ('CREATE TABLE') "
                    + "execute function " + schema + ".attach_tamper()");
        }
        Run run = load(script, "--jobs", "2");

        assertEquals(ExitCode.NEEDS_REVIEW, run.exitCode(), run.err());
        assertTrue(run.err().contains("verification of " + schema + ".Order Details failed: column UnitPrice: sum "),
                run.err());
        assertTrue(run.err().contains("column UnitPrice: value hash "), run.err());
        assertFalse(run.err().contains("column Quantity"), "only the altered column differs: " + run.err());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("load-report.json").toFile());
        JsonNode failed = null;
        for (JsonNode table : report.path("tables")) {
            if (table.path("status").asText().equals("failed")) {
                failed = table;
            }
        }
        assertEquals(schema + ".Order Details", failed.path("target").asText(), report.toPrettyString());
        assertEquals(12, report.path("summary").path("verified").asInt());
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select to_regclass('" + schema + ".\"Order Details\"')")) {
            r.next();
            assertNull(r.getString(1), "the table that failed verification was rolled back");
        }
    }

    @Test
    void aLoadKilledInTheMiddleLeavesNoHalfTableAndResumeCompletesIt() throws Exception {
        int bigRows = 1_000_000;
        Path script = bigScript(bigRows);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "ai.datamigrate.cli.Main", "load",
                script.toString(), "--target-url", url, "--schema", schema, "--reject-dir",
                dir.resolve("rejects").toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long copied = 0;
        int backend = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            while (copied < 100_000) {
                assertTrue(child.isAlive(), "the load ended before it could be killed: "
                        + Files.readString(dir.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "COPY into Big never got going");
                try (ResultSet r = s.executeQuery("select p.pid, p.tuples_processed from pg_stat_progress_copy p "
                        + "join pg_stat_activity a using (pid) where a.query like 'copy \"" + schema
                        + "\".\"Big\"%'")) {
                    if (r.next()) {
                        backend = r.getInt(1);
                        copied = r.getLong(2);
                    }
                }
                Thread.sleep(20);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback from the client
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            for (int i = 0; i < 500 && alive(s, backend); i++) {
                Thread.sleep(20); // the server notices the closed socket and aborts the transaction
            }
            assertFalse(alive(s, backend));
            try (ResultSet r = s.executeQuery("select to_regclass('" + schema + ".\"Big\"'), (select "
                    + "string_agg(target_table, ',' order by target_table) from " + schema
                    + ".datamigrate_load_state), (select count(*) from " + schema + ".\"Small\")")) {
                r.next();
                assertNull(r.getString(1), "no half table: the killed table's transaction was rolled back, "
                        + copied + " rows had been copied");
                assertEquals("Small", r.getString(2), "only the table that finished is recorded as loaded");
                assertEquals(3, r.getLong(3));
            }
        }

        Run resumed = load(script, "--resume");

        assertEquals(ExitCode.OK, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("skipped " + schema + ".Small: loaded and verified by an earlier run (3 rows)"),
                resumed.err());
        assertTrue(resumed.err().contains("loaded " + bigRows + " rows into " + schema + ".Big (verified)"),
                resumed.err());
        JsonNode report = new ObjectMapper().readTree(dir.resolve("load-report.json").toFile());
        assertEquals(1, report.path("summary").path("resumed").asInt());
        assertEquals(1, report.path("summary").path("verified").asInt());
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*), count(distinct \"Id\") from " + schema + ".\"Big\"")) {
            r.next();
            assertEquals(bigRows, r.getLong(1));
            assertEquals(bigRows, r.getLong(2));
        }
    }

    private static boolean alive(Statement s, int pid) throws SQLException {
        try (ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where pid = " + pid)) {
            r.next();
            return r.getLong(1) > 0;
        }
    }

    /** A script with a small table of INSERTs, then a big table whose rows come from a CSV file by BULK INSERT. */
    private Path bigScript(int rows) throws Exception {
        Path csv = dir.resolve("big.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= rows; i++) {
                out.write(i + ",name " + i + "," + (i % 100_000) + "." + (i % 100) / 10 + (i % 10) + ",2024-"
                        + (1 + i % 12 < 10 ? "0" : "") + (1 + i % 12) + "-1" + (i % 9) + " 10:00:0" + (i % 10) + "\n");
            }
        }
        Path script = dir.resolve("big.sql");
        Files.writeString(script, """
                CREATE TABLE dbo.Small (Id int NOT NULL PRIMARY KEY, Name nvarchar(20) NULL)
                GO
                INSERT INTO dbo.Small (Id, Name) VALUES (1, N'one'), (2, N'two'), (3, NULL)
                GO
                CREATE TABLE dbo.Big (Id int NOT NULL PRIMARY KEY, Name nvarchar(40) NOT NULL,
                    Amount decimal(12,2) NOT NULL, Created datetime NOT NULL)
                GO
                BULK INSERT dbo.Big FROM 'big.csv' WITH (FIELDTERMINATOR = ',', ROWTERMINATOR = '\\n', CODEPAGE = '65001')
                GO
                """);
        return script;
    }
}
