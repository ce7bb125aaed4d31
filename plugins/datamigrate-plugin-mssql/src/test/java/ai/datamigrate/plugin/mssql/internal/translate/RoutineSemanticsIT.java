package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.datamigrate.spi.output.ModelIncremental;
import ai.datamigrate.spi.output.ModelParameter;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.translate.TranslationResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Procedures and inline functions that became models, executed on a real PostgreSQL over the rows SQL Server would
 * read, with their parameters set as a caller would set them (or left to their defaults), compared with the rows
 * the T-SQL returns or leaves in the table it writes. Rows are compared as sorted lists.
 */
class RoutineSemanticsIT {

    private static final String SCRIPT = """
            CREATE TABLE dbo.Sales (Id int NOT NULL PRIMARY KEY, Region varchar(10) NOT NULL, Yr int NOT NULL,
                Amount int NULL, SoldAt datetime NOT NULL)
            GO
            CREATE TABLE dbo.RegionTotals (Region varchar(10) NOT NULL PRIMARY KEY, Total int NULL, Quarter int NULL)
            GO
            CREATE TABLE dbo.Latest (Region varchar(10) NOT NULL PRIMARY KEY, MaxAmount int NULL, Sales int NOT NULL)
            GO
            -- a default, an optional filter, a guard that RAISERRORs and RETURNs
            CREATE PROCEDURE dbo.ByRegion @Region varchar(10) = 'East', @MinAmount int = NULL
            AS
            SET NOCOUNT ON
            IF @Region IS NULL
            BEGIN
                RAISERROR('@Region is required', 16, 1)
                RETURN
            END
            SELECT Id FROM dbo.Sales WHERE Region = @Region AND (@MinAmount IS NULL OR Amount >= @MinAmount)
            GO
            -- a parameter normalised before the query (as Northwind's SalesByCategory does)
            CREATE PROCEDURE dbo.ByYear @Yr int = 0
            AS
            IF @Yr NOT IN (2023, 2024)
                SELECT @Yr = 2024
            SELECT Id FROM dbo.Sales WHERE Yr = @Yr
            GO
            -- a datetime default in SQL Server's unseparated format, compared with datetime values
            CREATE PROCEDURE dbo.SoldSince @Since datetime = '20240301'
            AS
            SELECT Id FROM dbo.Sales WHERE SoldAt >= @Since
            GO
            -- a decimal parameter: the value is a decimal(5,1), not text, in the comparison
            CREATE PROCEDURE dbo.Below @Limit decimal(5,1) = 2.5
            AS
            SELECT Id FROM dbo.Sales WHERE Id < @Limit
            GO
            CREATE FUNCTION dbo.InRegion (@Region varchar(10))
            RETURNS TABLE
            AS
            RETURN SELECT Id, Amount FROM dbo.Sales WHERE Region = @Region
            GO
            -- calls of the inline function with constants, joined, and applied to a column (LATERAL)
            CREATE VIEW dbo.WestSales AS SELECT w.Id, w.Amount FROM dbo.InRegion('West') AS w WHERE w.Amount > 0
            GO
            CREATE VIEW dbo.EastTotal AS SELECT COUNT(*) AS n, SUM(e.Amount) AS total FROM InRegion(N'East') e
            GO
            CREATE VIEW dbo.WestYears AS
            SELECT s.Yr, w.Amount FROM dbo.Sales s JOIN dbo.InRegion('We' + 'st') w ON w.Id = s.Id
            GO
            CREATE VIEW dbo.RegionsApplied AS
            SELECT r.Region, x.Id FROM (SELECT DISTINCT Region FROM dbo.Sales) AS r CROSS APPLY dbo.InRegion(r.Region) x
            GO
            -- TRUNCATE + INSERT: the table holds the SELECT's rows, converted to its column types (int columns
            -- truncate decimals: 30 / 4.0 = 7.5 is stored as 7)
            CREATE PROCEDURE dbo.RefreshTotals
            AS
            SET NOCOUNT ON
            BEGIN TRAN
            TRUNCATE TABLE dbo.RegionTotals
            INSERT INTO dbo.RegionTotals (Region, Total, Quarter)
            SELECT Region, SUM(Amount), SUM(Amount) / 4.0 FROM dbo.Sales GROUP BY Region
            COMMIT
            GO
            CREATE PROCEDURE dbo.UpsertLatest
            AS
            MERGE dbo.Latest AS t
            USING (SELECT Region, MAX(Amount) AS MaxAmount, COUNT(*) AS n FROM dbo.Sales GROUP BY Region) AS s
            ON t.Region = s.Region
            WHEN MATCHED THEN UPDATE SET t.MaxAmount = s.MaxAmount, t.Sales = s.n
            WHEN NOT MATCHED BY TARGET THEN INSERT (Region, MaxAmount, Sales) VALUES (s.Region, s.MaxAmount, s.n);
            GO
            CREATE PROCEDURE dbo.SyncLatest
            AS
            MERGE INTO dbo.Latest AS t
            USING (SELECT Region, MAX(Amount) AS MaxAmount, COUNT(*) AS n FROM dbo.Sales WHERE Yr = 2024
                   GROUP BY Region) AS s
            ON t.Region = s.Region
            WHEN MATCHED THEN UPDATE SET MaxAmount = s.MaxAmount, Sales = s.n
            WHEN NOT MATCHED THEN INSERT VALUES (s.Region, s.MaxAmount, s.n)
            WHEN NOT MATCHED BY SOURCE THEN DELETE;
            GO
            """;

    private static final String[] ROWS = {
        "CREATE TABLE it_routines.\"Sales\" (\"Id\" integer, \"Region\" varchar(10), \"Yr\" integer,"
            + " \"Amount\" integer, \"SoldAt\" timestamp(3))",
        "INSERT INTO it_routines.\"Sales\" VALUES (1, 'East', 2023, 10, '2023-05-01'), (2, 'East', 2024, 20,"
            + " '2024-03-01'), (3, 'West', 2023, 30, '2023-12-31 23:59:59'), (4, 'West', 2024, 30, '2024-02-29'),"
            + " (5, 'North', 2024, 5, '2024-06-01'), (6, 'East', 2024, NULL, '2024-03-01 00:00:01')",
    };

    /**
     * Object, the values set for its parameters (absent: the default), the rows SQL Server returns for them
     * (columns joined by |, NULL as null).
     */
    private static final Object[][] CASES = {
        {"ByRegion", Map.of(), List.of("1", "2", "6")},
        {"ByRegion", Map.of("MinAmount", "15"), List.of("2")},
        {"ByRegion", Map.of("Region", "West", "MinAmount", "30"), List.of("3", "4")},
        {"ByYear", Map.of(), List.of("2", "4", "5", "6")}, // 0 is not 2023 or 2024: 2024
        {"ByYear", Map.of("Yr", "2023"), List.of("1", "3")},
        {"ByYear", Map.of("Yr", "1999"), List.of("2", "4", "5", "6")},
        {"SoldSince", Map.of(), List.of("2", "5", "6")},
        {"SoldSince", Map.of("Since", "2023-12-31 23:59:59"), List.of("2", "3", "4", "5", "6")},
        {"Below", Map.of(), List.of("1", "2")},
        {"Below", Map.of("Limit", "3.9"), List.of("1", "2", "3")},
        {"InRegion", Map.of("Region", "West"), List.of("3|30", "4|30")},
        {"InRegion", Map.of(), List.of()}, // Region = NULL is unknown: no rows, as in SQL Server
        {"WestSales", Map.of(), List.of("3|30", "4|30")},
        {"EastTotal", Map.of(), List.of("3|30")}, // COUNT(*) counts the NULL amount, SUM ignores it
        {"WestYears", Map.of(), List.of("2023|30", "2024|30")},
        {"RegionsApplied", Map.of(), List.of("East|1", "East|2", "East|6", "North|5", "West|3", "West|4")},
        {"RefreshTotals", Map.of(), List.of("East|30|7", "North|5|1", "West|60|15")},
        {"UpsertLatest", Map.of(), List.of("East|20|3", "North|5|1", "West|30|2")},
        {"SyncLatest", Map.of(), List.of("East|20|2", "North|5|1", "West|30|1")},
    };

    @TempDir
    Path dir;

    @Test
    void routinesReturnWhatSqlServerReturns() throws SQLException {
        TranslationResult result = Translations.translate(dir, SCRIPT);
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.code().startsWith("MSSQL-UNTRANSLATED"))
                .map(d -> d.format()).toList());
        TargetDialect dialect = Translations.postgres();
        List<String> wrong = new ArrayList<>();
        try (Connection c = Translations.connectToPostgres(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_routines CASCADE");
            s.execute("CREATE SCHEMA it_routines");
            for (String sql : ROWS) {
                s.execute(sql);
            }
            for (Object[] test : CASES) {
                TranslatedModel m = model(result, (String) test[0]);
                @SuppressWarnings("unchecked")
                Map<String, String> values = (Map<String, String>) test[1];
                String sql = bind(m, values, dialect);
                List<String> rows;
                try {
                    rows = rows(s, sql);
                } catch (SQLException e) {
                    wrong.add(test[0] + " " + values + " failed: " + e.getMessage() + "\n    " + sql);
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<String> want = new ArrayList<>((List<String>) test[2]);
                rows.sort(null);
                want.sort(null);
                if (!want.equals(rows)) {
                    wrong.add(test[0] + " " + values + "\n    = " + rows + "\n    SQL Server: " + want + "\n    " + sql);
                }
            }
            s.execute("DROP SCHEMA it_routines CASCADE");
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * An incremental run as dbt does it with a unique key (delete the held rows whose key comes again, insert the
     * model's rows) leaves the table as the MERGE leaves it: matched rows updated, new ones inserted, the others
     * kept (documented MERGE semantics without WHEN NOT MATCHED BY SOURCE).
     */
    @Test
    void anIncrementalRunLeavesTheTableAsTheMergeDoes() throws SQLException {
        TranslationResult result = Translations.translate(dir, SCRIPT);
        TranslatedModel upsert = model(result, "UpsertLatest");
        assertEquals("incremental", upsert.materialization());
        ModelIncremental incremental = upsert.incremental().orElseThrow();
        assertEquals(List.of("Region"), incremental.uniqueKey());
        assertEquals(Optional.empty(), incremental.watermark());
        assertEquals("table", model(result, "SyncLatest").materialization(), "BY SOURCE DELETE: the whole table");
        assertEquals("table", model(result, "RefreshTotals").materialization());
        TargetDialect dialect = Translations.postgres();
        try (Connection c = Translations.connectToPostgres(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_merge CASCADE");
            s.execute("CREATE SCHEMA it_merge");
            s.execute(ROWS[0].replace("it_routines", "it_merge"));
            s.execute(ROWS[1].replace("it_routines", "it_merge"));
            s.execute("CREATE TABLE it_merge.held (\"Region\" varchar(10) PRIMARY KEY, \"MaxAmount\" integer,"
                    + " \"Sales\" integer)");
            // what the table held before the MERGE ran
            s.execute("INSERT INTO it_merge.held VALUES ('East', 1, 1), ('South', 7, 7)");
            String sql = bind(upsert, Map.of(), dialect).replace("it_routines.", "it_merge.");
            s.execute("CREATE TEMPORARY TABLE batch AS " + sql);
            s.execute("DELETE FROM it_merge.held WHERE \"Region\" IN (SELECT \"Region\" FROM batch)");
            s.execute("INSERT INTO it_merge.held SELECT * FROM batch");
            assertEquals(List.of("East|20|3", "North|5|1", "South|7|7", "West|30|2"),
                    rows(s, "SELECT * FROM it_merge.held ORDER BY 1"));
            s.execute("DROP SCHEMA it_merge CASCADE");
        }
    }

    /** AdventureWorks DW's scalar functions, as instawdbdw.sql defines them. */
    private static final String FUNCTIONS = """
            CREATE FUNCTION [dbo].[udfBuildISO8601Date] (@year int, @month int, @day int)
            RETURNS datetime
            AS
            BEGIN
                RETURN cast(convert(varchar, @year) + '-' + [dbo].[udfTwoDigitZeroFill](@month)
                    + '-' + [dbo].[udfTwoDigitZeroFill](@day) + 'T00:00:00'
                    as datetime);
            END;
            GO
            CREATE FUNCTION [dbo].[udfMinimumDate] (@x DATETIME, @y DATETIME) RETURNS DATETIME
            AS
            BEGIN
                DECLARE @z DATETIME
                IF @x <= @y
                    SET @z = @x
                ELSE
                    SET @z = @y
                RETURN(@z)
            END;
            GO
            CREATE FUNCTION [dbo].[udfTwoDigitZeroFill] (@number int)
            RETURNS char(2)
            AS
            BEGIN
                DECLARE @result char(2);
                IF @number > 9
                    SET @result = convert(char(2), @number);
                ELSE
                    SET @result = convert(char(2), '0' + convert(varchar, @number));
                RETURN @result;
            END;
            GO
            """;

    /**
     * Each macro's expression with the arguments of a call in place of the parameters, as dbt renders a call, gives
     * what the function gives in SQL Server: the zero fill and the ISO date its comments document, and for
     * udfMinimumDate the ELSE branch when the comparison is unknown (a NULL argument).
     */
    @Test
    void scalarFunctionMacrosReturnWhatSqlServerReturns() throws SQLException {
        TranslationResult result = Translations.translate(dir, FUNCTIONS);
        Object[][] calls = {
            {"udfTwoDigitZeroFill", List.of("5"), "05"},
            {"udfTwoDigitZeroFill", List.of("42"), "42"},
            {"udfTwoDigitZeroFill", List.of("'0'"), "00"}, // '0' converts to the int 0
            {"udfTwoDigitZeroFill", List.of("NULL"), null}, // NULL > 9 is unknown: '0' + NULL is NULL
            {"udfBuildISO8601Date", List.of("2024", "2", "29"), "2024-02-29 00:00:00"},
            {"udfBuildISO8601Date", List.of("1999", "12", "31"), "1999-12-31 00:00:00"},
            {"udfMinimumDate", List.of("'2024-01-02'", "'2023-12-31 23:59:59'"), "2023-12-31 23:59:59"},
            {"udfMinimumDate", List.of("'2020-01-01'", "'2023-12-31'"), "2020-01-01 00:00:00"},
            {"udfMinimumDate", List.of("NULL", "'2023-12-31'"), "2023-12-31 00:00:00"},
            {"udfMinimumDate", List.of("'2023-12-31'", "NULL"), null},
        };
        List<String> wrong = new ArrayList<>();
        try (Connection c = Translations.connectToPostgres(); Statement s = c.createStatement()) {
            for (Object[] call : calls) {
                TranslatedModel m = model(result, (String) call[0]);
                assertEquals("macro", m.materialization());
                @SuppressWarnings("unchecked")
                List<String> arguments = (List<String>) call[1];
                String expression = m.expression().orElseThrow();
                for (int i = 0; i < arguments.size(); i++) {
                    expression = expression.replace(m.parameters().get(i).placeholder(), "(" + arguments.get(i)
                            + ")");
                }
                String got;
                try (ResultSet rs = s.executeQuery("SELECT " + expression)) {
                    rs.next();
                    got = rs.getString(1);
                }
                if (!java.util.Objects.equals(call[2], got)) {
                    wrong.add(call[0] + arguments.toString() + " = " + got + ", SQL Server: " + call[2] + "\n    "
                            + expression);
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static TranslatedModel model(TranslationResult result, String name) {
        return result.models().stream().filter(m -> m.object().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no model: " + result.diagnostics()));
    }

    /** The relations as the test's tables, each parameter as the caller's value (a string literal) or its default. */
    private static String bind(TranslatedModel m, Map<String, String> values, TargetDialect dialect) {
        String sql = m.sql();
        for (ModelReference r : m.references()) {
            sql = sql.replace(r.placeholder(), "it_routines." + dialect.quoteIdentifier(r.target().name()));
        }
        for (ModelParameter p : m.parameters()) {
            String value = values.containsKey(p.name()) ? "'" + values.get(p.name()).replace("'", "''") + "'"
                    : p.defaultLiteral();
            sql = sql.replace(p.placeholder(), value);
        }
        return sql;
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> cols = new ArrayList<>();
                for (int k = 1; k <= n; k++) {
                    cols.add(String.valueOf(rs.getString(k)));
                }
                rows.add(String.join("|", cols));
            }
        }
        return rows;
    }
}
