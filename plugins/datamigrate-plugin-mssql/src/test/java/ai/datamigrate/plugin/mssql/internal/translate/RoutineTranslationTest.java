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

    /** AdventureWorks DW's udfTwoDigitZeroFill and udfBuildISO8601Date, which calls it. */
    private static final String AW_FUNCTIONS = """
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
            CREATE FUNCTION [dbo].[udfBuildISO8601Date] (@year int, @month int, @day int)
            RETURNS datetime
            AS
            BEGIN
                RETURN cast(convert(varchar, @year) + '-' + [dbo].[udfTwoDigitZeroFill](@month)
                    + '-' + [dbo].[udfTwoDigitZeroFill](@day) + 'T00:00:00'
                    as datetime);
            END;
            GO
            """;

    @Test
    void aStraightLineScalarFunctionIsAMacroWhoseParametersAreItsArguments() {
        TranslationResult r = translate(AW_FUNCTIONS);
        TranslatedModel fill = r.models().stream().filter(m -> m.object().name().equals("udfTwoDigitZeroFill"))
                .findFirst().orElseThrow(() -> new AssertionError(r.diagnostics()));
        assertEquals("macro", fill.materialization());
        assertEquals("function", fill.kind());
        assertEquals(List.of(new ModelParameter("__dm_var_1__", "number", "int", "integer", Optional.empty(), true)),
                fill.parameters());
        String expression = fill.expression().orElseThrow();
        assertEquals("CASE WHEN CAST(__dm_var_1__ AS INTEGER) > 9 THEN CAST(CAST(__dm_var_1__ AS INTEGER) AS"
                + " CHAR(2)) ELSE CAST('0' || CAST(CAST(__dm_var_1__ AS INTEGER) AS VARCHAR(30)) AS CHAR(2)) END",
                expression);
        assertEquals("SELECT " + expression + " AS \"udfTwoDigitZeroFill\"", fill.sql());
        assertEquals(List.of("udfTwoDigitZeroFill"), fill.columns().stream().map(c -> c.name()).toList());
        assertEquals(Optional.of("char(2)"), fill.columns().get(0).dataType());
        assertEquals(List.of(), fill.references());
        // a parameter without a default is an argument every call passes: no warning about it
        assertEquals(List.of(), r.diagnostics().stream().filter(d -> d.severity() != ai.datamigrate.spi.diagnostic
                .Severity.INFO).map(Diagnostic::format).toList());
        TranslatedModel build = r.models().stream().filter(m -> m.object().name().equals("udfBuildISO8601Date"))
                .findFirst().orElseThrow();
        assertEquals(3, build.parameters().size());
        assertTrue(build.expression().orElseThrow().startsWith("CAST(CAST(CAST(__dm_var_1__ AS INTEGER) AS"
                + " VARCHAR(30)) || '-' || "), build.expression().get());
        assertTrue(build.expression().get().contains("CAST(__dm_var_3__ AS INTEGER) > 9"), "the inner function is"
                + " inlined into the outer one's expression");
    }

    @Test
    void aScalarFunctionThatReadsATableOrLoopsIsNotAMacro() {
        assertTrue(untranslated(translate("""
                CREATE FUNCTION dbo.Total (@Country nvarchar(15)) RETURNS money AS
                BEGIN
                    RETURN (SELECT SUM(Freight) FROM dbo.Orders WHERE Country = @Country)
                END
                GO
                """)).message().contains("a macro that reads a relation would hide it from dbt's lineage"));
        assertTrue(untranslated(translate("""
                CREATE FUNCTION dbo.Fact (@n int) RETURNS int AS
                BEGIN
                    DECLARE @r int = 1
                    WHILE @n > 1
                    BEGIN
                        SET @r = @r * @n
                        SET @n = @n - 1
                    END
                    RETURN @r
                END
                GO
                """)).message().contains("WHILE"));
    }

    @Test
    void withParametersLeftForReviewAScalarFunctionIsStillAMacro() {
        TranslationResult r = Translations.translate(dir, TABLES + AW_FUNCTIONS, "review");
        assertEquals(List.of("udfBuildISO8601Date", "udfTwoDigitZeroFill"), r.models().stream()
                .map(m -> m.object().name()).sorted().toList());
    }

    private static final String IN_COUNTRY = """
            CREATE FUNCTION dbo.InCountry (@Country nvarchar(15), @Shipped bit)
            RETURNS TABLE
            AS
            RETURN SELECT OrderID, Freight FROM dbo.Orders WHERE Country = @Country AND Shipped = @Shipped
            GO
            """;

    @Test
    void anInlineFunctionCalledWithConstantsIsItsQueryWithThoseArguments() {
        TranslationResult r = translate(IN_COUNTRY + """
                CREATE VIEW dbo.ShippedToFrance AS SELECT f.OrderID FROM dbo.InCountry(N'France', 1) AS f
                GO
                """);
        TranslatedModel view = r.models().stream().filter(m -> m.object().name().equals("ShippedToFrance"))
                .findFirst().orElseThrow(() -> new AssertionError(r.diagnostics()));
        assertEquals("SELECT f.\"OrderID\"\nFROM (SELECT \"Orders\".\"OrderID\", \"Orders\".\"Freight\"\n"
                + "FROM __dm_rel_1__ AS \"Orders\"\nWHERE \"Orders\".\"Country\" = CAST('France' AS VARCHAR(15))"
                + " AND \"Orders\".\"Shipped\" = CAST(1 AS BOOLEAN)) AS f", view.sql());
        assertEquals(List.of(), view.parameters(), "no vars: the arguments are in the SQL");
        assertEquals("dbo.Orders", view.references().get(0).target().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.code().equals(QueryConverter.INLINED_TABLE_FUNCTION)
                && d.object().equals(Optional.of("dbo.ShippedToFrance"))), r.diagnostics().toString());
        // the function keeps its own model, whose parameters are vars
        assertEquals(2, r.models().stream().filter(m -> m.object().name().equals("InCountry")).findFirst()
                .orElseThrow().parameters().size());
    }

    @Test
    void anInlineFunctionCallThatCannotBeExpandedSaysWhy() {
        TranslationResult few = translate(IN_COUNTRY + """
                CREATE VIEW dbo.V AS SELECT f.OrderID FROM dbo.InCountry(N'France') AS f
                GO
                """);
        assertTrue(few.diagnostics().stream().anyMatch(d -> d.code().equals(Untranslated.CONSTRUCT) && d.message()
                .contains("dbo.InCountry called with 1 arguments for 2 parameters")), few.diagnostics()::toString);
        TranslationResult byDefault = translate(IN_COUNTRY + """
                CREATE VIEW dbo.V AS SELECT f.OrderID FROM dbo.InCountry(N'France', DEFAULT) AS f
                GO
                """);
        assertTrue(byDefault.diagnostics().stream().anyMatch(d -> d.code().equals(Untranslated.CONSTRUCT)
                && d.message().contains("DEFAULT as an argument of dbo.InCountry")), byDefault.diagnostics()::toString);
    }

    @Test
    void aPartialReloadIsLeftForReviewWithWhyDeleteAndInsertDiffers() {
        Diagnostic d = untranslated(translate("""
                CREATE PROCEDURE dbo.ReloadCountry @Country nvarchar(15) = N'France' AS
                DELETE FROM dbo.Totals WHERE Country = @Country
                INSERT INTO dbo.Totals (Country, Freight, Orders)
                SELECT Country, SUM(Freight), COUNT(*) FROM dbo.Orders WHERE Country = @Country GROUP BY Country
                GO
                """));
        assertTrue(d.message().contains("a partial reload (DELETE FROM dbo.Totals WHERE Country = @Country, then"
                + " INSERT): an incremental model with incremental_strategy 'delete+insert' deletes the held rows"
                + " whose unique_key the new rows have"), d.message());
    }

    @Test
    void anInlineFunctionsUnqualifiedNamesAreThoseOfItsSchemaWhereverItIsCalled() {
        TranslationResult r = translate("""
                CREATE SCHEMA sales
                GO
                CREATE TABLE sales.Orders (OrderID int NOT NULL PRIMARY KEY, Region varchar(10) NULL)
                GO
                CREATE FUNCTION sales.InRegion (@Region varchar(10)) RETURNS TABLE AS
                RETURN SELECT OrderID FROM Orders WHERE Region = @Region
                GO
                CREATE VIEW dbo.East AS SELECT e.OrderID FROM sales.InRegion('East') e
                GO
                CREATE VIEW dbo.Listed AS SELECT l.OrderID FROM dbo.Listing() l
                GO
                """);
        TranslatedModel east = r.models().stream().filter(m -> m.object().name().equals("East")).findFirst()
                .orElseThrow(() -> new AssertionError(r.diagnostics()));
        assertEquals("sales.Orders", east.references().get(0).target().toString(), "not dbo.Orders");
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.object().equals(Optional.of("dbo.Listed"))
                && d.message().contains("table-valued function dbo.Listing (only built-in ones and inline functions"
                + " of the catalog")), r.diagnostics()::toString);
    }
}
