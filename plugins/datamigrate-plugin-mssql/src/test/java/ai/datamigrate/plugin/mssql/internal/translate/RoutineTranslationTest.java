package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.ModelIncremental;
import ai.datamigrate.spi.output.ModelParameter;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.translate.TranslationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which procedures and inline functions become models, with what parameters, and why the others do not. */
class RoutineTranslationTest {

    private static final String TABLES = """
            CREATE TABLE dbo.Orders (OrderID int NOT NULL PRIMARY KEY, Country nvarchar(15) NULL,
                OrderDate datetime NULL, Freight money NULL, Shipped bit NOT NULL)
            GO
            CREATE TABLE dbo.Totals (Country nvarchar(15) NOT NULL PRIMARY KEY, Freight money NULL, Orders int NOT NULL)
            GO
            """;

    @TempDir
    Path dir;

    private TranslationResult translate(String routines) {
        return Translations.translate(dir, TABLES + routines);
    }

    private static TranslatedModel only(TranslationResult r) {
        assertEquals(1, r.models().size(), () -> "not translated: " + r.diagnostics());
        return r.models().get(0);
    }

    private static Diagnostic untranslated(TranslationResult r) {
        assertEquals(List.of(), r.models().stream().map(m -> m.object().toString()).toList());
        return r.diagnostics().stream().filter(d -> d.code().equals(Untranslated.CONSTRUCT)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + Untranslated.CONSTRUCT + " in " + r.diagnostics()));
    }

    @Test
    void defaultsAreTheVarsDefaultsAsTextTheTreeCastsToTheParametersTypes() {
        TranslatedModel m = only(translate("""
                CREATE PROCEDURE dbo.P @Country nvarchar(15) = N'O''Hara', @Since datetime = '7/4/1996',
                    @Min money = -$1.50, @Flag bit = 1, @Unused int = NULL
                AS
                SELECT OrderID FROM dbo.Orders
                WHERE Country = @Country AND OrderDate >= @Since AND Freight > @Min AND Shipped = @Flag
                GO
                """));
        assertEquals(List.of(
                new ModelParameter("__dm_var_1__", "Country", "nvarchar(15)", "varchar(15)", Optional.of("O'Hara"),
                        false),
                new ModelParameter("__dm_var_2__", "Since", "datetime", "timestamp(3)",
                        Optional.of("1996-07-04 00:00:00"), false),
                new ModelParameter("__dm_var_3__", "Min", "money", "numeric(19,4)", Optional.of("-1.50"), false),
                new ModelParameter("__dm_var_4__", "Flag", "bit", "boolean", Optional.of("1"), false)),
                m.parameters(), "an unused parameter is left out");
        assertTrue(m.sql().contains("\"Orders\".\"Country\" = CAST(__dm_var_1__ AS VARCHAR(15))"), m.sql());
        assertTrue(m.sql().contains("\"Orders\".\"Shipped\" = CAST(__dm_var_4__ AS BOOLEAN)"), m.sql());
        assertEquals("'O''Hara'", m.parameters().get(0).defaultLiteral());
        assertEquals("view", m.materialization());
    }

    @Test
    void aGuardIsDroppedWithANoteAndAParameterWithoutDefaultWarns() {
        TranslationResult r = translate("""
                CREATE PROCEDURE dbo.P @Country nvarchar(15)
                AS
                SET NOCOUNT ON
                IF @Country IS NULL OR @Country = ''
                BEGIN
                    RAISERROR('Country is required', 16, 1)
                    RETURN
                END
                SELECT OrderID FROM dbo.Orders WHERE Country = @Country
                GO
                """);
        TranslatedModel m = only(r);
        assertEquals(Optional.empty(), m.parameters().get(0).defaultValue());
        assertTrue(m.parameters().get(0).required());
        assertEquals("NULL", m.parameters().get(0).defaultLiteral());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals(MssqlTranslator.GUARD_DROPPED)
                && d.location().line() == 9), r.diagnostics().toString()); // the IF
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals(MssqlTranslator.NO_DEFAULT)
                && d.message().contains("@Country (nvarchar(15))")), r.diagnostics().toString());
    }

    @Test
    void truncateAndInsertIsATableModelWithTheTablesColumnsAndTypes() {
        TranslatedModel m = only(translate("""
                CREATE PROCEDURE dbo.Load AS
                TRUNCATE TABLE dbo.Totals
                INSERT INTO dbo.Totals SELECT Country, SUM(Freight), COUNT_BIG(*) FROM dbo.Orders GROUP BY Country
                GO
                """));
        assertEquals("table", m.materialization());
        assertEquals(List.of("Country", "Freight", "Orders"), m.columns().stream().map(c -> c.name()).toList());
        // COUNT_BIG is a bigint; the column is an int: converted as the INSERT converts it
        assertTrue(m.sql().startsWith("SELECT src.\"Country\", src.\"Freight\", CAST(src.\"Orders\" AS INTEGER)"
                + " AS \"Orders\"\nFROM (SELECT"), m.sql());
        assertEquals("dbo.Totals", m.meta().get("writes"));
    }

    @Test
    void aMergeIsIncrementalOnItsOnColumns() {
        TranslatedModel m = only(translate("""
                CREATE PROCEDURE dbo.Upsert AS
                MERGE dbo.Totals AS t
                USING (SELECT Country, SUM(Freight) AS f, COUNT(*) AS n FROM dbo.Orders GROUP BY Country) AS s
                ON (t.Country = s.Country)
                WHEN MATCHED THEN UPDATE SET Freight = s.f, t.Orders = s.n
                WHEN NOT MATCHED THEN INSERT (Country, Freight, Orders) VALUES (s.Country, s.f, s.n);
                GO
                """));
        assertEquals("incremental", m.materialization());
        assertEquals(Optional.of(new ModelIncremental(List.of("Country"), Optional.empty(), m.incremental()
                .orElseThrow().note())), m.incremental());
        assertEquals(List.of("Country", "Freight", "Orders"), m.columns().stream().map(c -> c.name()).toList());
    }

    @Test
    void aMergeReadingPastTheTargetsHighestValueHasThatColumnAsWatermark() {
        TranslatedModel m = only(translate("""
                CREATE TABLE dbo.Recent (OrderID int NOT NULL PRIMARY KEY, OrderDate datetime NULL)
                GO
                CREATE PROCEDURE dbo.LoadRecent AS
                MERGE dbo.Recent AS t
                USING (SELECT o.OrderID, o.OrderDate FROM dbo.Orders o
                       WHERE o.Shipped = 1
                         AND o.OrderDate > (SELECT ISNULL(MAX(r.OrderDate), '19000101') FROM dbo.Recent r)) AS s
                ON t.OrderID = s.OrderID
                WHEN MATCHED THEN UPDATE SET t.OrderDate = s.OrderDate
                WHEN NOT MATCHED THEN INSERT (OrderID, OrderDate) VALUES (s.OrderID, s.OrderDate);
                GO
                """));
        assertEquals(Optional.of("OrderDate"), m.incremental().orElseThrow().watermark());
        // the filter on the target's own rows is left to dbt's incremental run; the other condition stays
        assertTrue(m.sql().contains("WHERE o.\"Shipped\" = TRUE) AS s"), m.sql());
        assertEquals(1, m.references().size(), "the model does not read the table it fills: " + m.references());
    }

    @Test
    void aMergeThatKeepsAColumnOnUpdateStaysForReview() {
        Diagnostic d = untranslated(translate("""
                CREATE PROCEDURE dbo.Upsert AS
                MERGE dbo.Totals AS t
                USING (SELECT Country, SUM(Freight) AS f, COUNT(*) AS n FROM dbo.Orders GROUP BY Country) AS s
                ON t.Country = s.Country
                WHEN MATCHED THEN UPDATE SET t.Freight = s.f
                WHEN NOT MATCHED THEN INSERT (Country, Freight, Orders) VALUES (s.Country, s.f, s.n);
                GO
                """));
        assertTrue(d.message().contains("WHEN MATCHED keeps [Orders] as they were"), d.message());
    }

    @Test
    void aConditionalMergeAndOneMatchingOnSomethingElseStayForReview() {
        assertTrue(untranslated(translate("""
                CREATE PROCEDURE dbo.Upsert AS
                MERGE dbo.Totals AS t USING dbo.Totals AS s ON t.Country = s.Country
                WHEN MATCHED AND s.Orders > 0 THEN UPDATE SET t.Freight = s.Freight, t.Orders = s.Orders
                WHEN NOT MATCHED THEN INSERT VALUES (s.Country, s.Freight, s.Orders);
                GO
                """)).message().contains("a conditional WHEN MATCHED AND"));
        assertTrue(untranslated(translate("""
                CREATE PROCEDURE dbo.Upsert AS
                MERGE dbo.Totals AS t USING dbo.Totals AS s ON t.Country = UPPER(s.Country)
                WHEN MATCHED THEN UPDATE SET t.Freight = s.Freight, t.Orders = s.Orders
                WHEN NOT MATCHED THEN INSERT VALUES (s.Country, s.Freight, s.Orders);
                GO
                """)).message().contains("key column Country is matched on UPPER(s.Country) but inserted as"
                        + " s.Country"));
    }

    @Test
    void loopsCursorsDynamicSqlAndTemporaryTablesStayForReviewWithWhatTheyHave() {
        assertTrue(untranslated(translate("""
                CREATE PROCEDURE dbo.Loop AS
                DECLARE @id int
                DECLARE c CURSOR FOR SELECT OrderID FROM dbo.Orders
                OPEN c
                FETCH NEXT FROM c INTO @id
                WHILE @@FETCH_STATUS = 0
                BEGIN
                    EXEC ('UPDATE dbo.Orders SET Shipped = 1 WHERE OrderID = ' + @id)
                    FETCH NEXT FROM c INTO @id
                END
                GO
                """)).message().endsWith("it has a cursor, a WHILE loop, dynamic SQL"));
        assertTrue(untranslated(translate("""
                CREATE PROCEDURE dbo.Pipeline AS
                CREATE TABLE #t (Country nvarchar(15))
                INSERT INTO #t SELECT Country FROM dbo.Orders
                SELECT Country FROM #t
                GO
                """)).message().contains("it has a temporary table"));
        assertTrue(untranslated(translate("""
                CREATE PROCEDURE dbo.Out @n int OUTPUT AS
                SELECT @n = COUNT(*) FROM dbo.Orders
                GO
                """)).message().contains("OUTPUT parameter @n"));
    }
}
