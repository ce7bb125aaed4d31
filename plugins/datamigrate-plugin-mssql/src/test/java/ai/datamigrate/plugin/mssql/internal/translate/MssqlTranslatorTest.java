package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.ModelColumn;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.translate.TranslationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MssqlTranslatorTest {

    private static final String TABLES = """
            CREATE TABLE dbo.Orders (OrderID int NOT NULL, CustomerID nchar(5) NULL, OrderDate datetime NULL,
                Freight money NULL, ShipName nvarchar(40) NULL, Shipped bit NOT NULL, Qty smallint NULL,
                Price decimal(10,2) NULL, Ratio float NULL, Code varchar(10) NULL)
            GO
            CREATE TABLE dbo.Customers (CustomerID nchar(5) NOT NULL, CompanyName nvarchar(40) NOT NULL)
            GO
            """;

    @TempDir
    Path dir;

    @Test
    void legacyShopOrderTotals() {
        TranslationResult r = Translations.translate(TestFiles.read(TestFiles.legacyShop()));
        TranslatedModel m = r.models().stream().filter(x -> x.object().equals(new ObjectName("sales",
                "Order Totals"))).findFirst().orElseThrow();
        assertEquals("""
                SELECT o."OrderID", o."CustomerID", SUM(CAST(CAST(l."Quantity" * l."UnitPrice" AS REAL) \
                * (CAST(1 AS REAL) - l."Discount") AS DOUBLE PRECISION)) AS "Total"
                FROM __dm_rel_1__ AS o
                INNER JOIN __dm_rel_2__ AS l ON l."OrderID" = o."OrderID"
                GROUP BY o."OrderID", o."CustomerID\"""", m.sql());
        assertEquals(List.of(new ModelReference("__dm_rel_1__", new ObjectName("sales", "Orders")),
                new ModelReference("__dm_rel_2__", new ObjectName("sales", "Order Lines"))), m.references());
        assertEquals(List.of(col("OrderID", "integer"), col("CustomerID", "integer"), col("Total", "double precision")),
                m.columns());
        assertEquals("view", m.kind());
        assertEquals("view", m.materialization());
        assertEquals("rule", m.origin());
    }

    private static ModelColumn col(String name, String type) {
        return new ModelColumn(name, Optional.of(type), Optional.empty());
    }

    private String view(String select) {
        TranslationResult r = Translations.translate(dir, TABLES + "CREATE VIEW dbo.V AS\n" + select + "\nGO\n");
        assertEquals(1, r.models().size(), () -> "not translated: " + r.diagnostics());
        return r.models().get(0).sql();
    }

    private Diagnostic untranslated(String select) {
        TranslationResult r = Translations.translate(dir, TABLES + "CREATE VIEW dbo.V AS\n" + select + "\nGO\n");
        assertEquals(List.of(), r.models());
        return r.diagnostics().stream().filter(d -> d.code().startsWith("MSSQL-UNTRANSLATED")).findFirst()
                .orElseThrow();
    }

    private String expr(String tsql) {
        String sql = view("SELECT " + tsql + " AS x FROM dbo.Orders o");
        return sql.substring("SELECT ".length(), sql.indexOf(" AS x\nFROM"));
    }

    @Test
    void clauses() {
        assertEquals("SELECT o.\"OrderID\" AS id, c.\"CompanyName\"\nFROM __dm_rel_1__ AS o\n"
                + "LEFT JOIN __dm_rel_2__ AS c ON c.\"CustomerID\" = o.\"CustomerID\"\nWHERE o.\"Shipped\" = TRUE",
                view("SELECT id = o.OrderID, c.CompanyName FROM Orders o LEFT JOIN Customers c "
                        + "ON c.CustomerID = o.CustomerID WHERE o.Shipped = 1 ORDER BY 1"));
        assertEquals("SELECT \"Orders\".\"OrderID\"\nFROM __dm_rel_1__ AS \"Orders\"\n"
                + "ORDER BY \"Orders\".\"OrderDate\" DESC NULLS LAST\nFETCH NEXT 5 ROWS ONLY",
                view("SELECT TOP 5 OrderID FROM Orders ORDER BY OrderDate DESC"));
        assertTrue(view("SELECT o.OrderID FROM Orders o WHERE o.CustomerID IN (SELECT CustomerID FROM Customers) "
                + "AND EXISTS (SELECT 1 FROM Customers c WHERE c.CustomerID = o.CustomerID)")
                .contains("WHERE o.\"CustomerID\" IN (SELECT \"Customers\".\"CustomerID\"\nFROM __dm_rel_2__ AS "
                        + "\"Customers\") AND EXISTS (SELECT 1\nFROM __dm_rel_2__ AS c"));
        assertTrue(view("WITH t AS (SELECT OrderID FROM Orders) SELECT t.OrderID FROM t")
                .startsWith("WITH t AS (SELECT \"Orders\".\"OrderID\"\nFROM __dm_rel_1__ AS \"Orders\")"));
        assertTrue(view("SELECT o.OrderID, x.n FROM Orders o OUTER APPLY (SELECT COUNT(*) AS n FROM Customers c "
                + "WHERE c.CustomerID = o.CustomerID) x").contains("LEFT JOIN LATERAL (SELECT"));
        assertTrue(view("SELECT OrderDate FROM Orders WHERE OrderDate >= '7/4/1996'")
                .endsWith("WHERE \"Orders\".\"OrderDate\" >= TIMESTAMP '1996-07-04 00:00:00'"));
    }

    @Test
    void recursiveCtesBecomeWithRecursive() {
        String sql = view("WITH n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5) SELECT i FROM n");
        assertEquals("WITH RECURSIVE n (i) AS (SELECT 1\nUNION ALL\nSELECT n.i + 1\nFROM n\nWHERE n.i < 5) "
                + "SELECT n.i\nFROM n", sql);
    }

    @Test
    void aViewsColumnListNamesItsColumns() {
        TranslationResult r = Translations.translate(dir, TABLES
                + "CREATE VIEW dbo.W (a, b) AS SELECT OrderID, Qty AS q FROM Orders\nGO\n");
        assertEquals("SELECT \"Orders\".\"OrderID\" AS a, \"Orders\".\"Qty\" AS b\nFROM __dm_rel_1__ AS \"Orders\"",
                r.models().get(0).sql());
        assertEquals(List.of("a", "b"), r.models().get(0).columns().stream().map(ModelColumn::name).toList());
    }

    @Test
    void stringsAndIntegers() {
        assertEquals("RPAD(o.\"CustomerID\", 5) || '-' || o.\"ShipName\"", expr("o.CustomerID + '-' + o.ShipName"));
        assertEquals("o.\"OrderID\" / 2", expr("o.OrderID / 2"));
        assertEquals("LENGTH(RTRIM(o.\"ShipName\"))", expr("LEN(o.ShipName)"));
        assertEquals("STRPOS(o.\"ShipName\", 'a')", expr("CHARINDEX('a', o.ShipName)"));
        assertEquals("COALESCE(o.\"Qty\", 0)", expr("ISNULL(o.Qty, 0)").replace("CAST(0 AS SMALLINT)", "0"));
        assertEquals("CASE WHEN o.\"Qty\" > 1 THEN 'a' ELSE 'b' END", expr("IIF(o.Qty > 1, 'a', 'b')"));
        assertEquals("CASE o.\"Qty\" WHEN 1 THEN 'a' WHEN 2 THEN 'b' END", expr("CHOOSE(o.Qty, 'a', 'b')"));
        assertEquals("CASE WHEN 3 < 0 THEN NULL ELSE REPEAT(o.\"Code\", 3) END", expr("REPLICATE(o.Code, 3)"));
        assertEquals("CAST(TRUNC(AVG(o.\"Qty\")) AS SMALLINT)", expr("AVG(o.Qty)")); // AVG(int) is an int
    }

    @Test
    void dates() {
        assertEquals("CAST(DATE_PART('year', o.\"OrderDate\") AS INTEGER)", expr("YEAR(o.OrderDate)"));
        assertEquals("CAST(DATE_PART('quarter', o.\"OrderDate\") AS INTEGER)", expr("DATEPART(qq, o.OrderDate)"));
        assertEquals("CAST(DATE_PART('dow', o.\"OrderDate\") + 1 AS INTEGER)", expr("DATEPART(dw, o.OrderDate)"));
        assertEquals("CAST(CAST(o.\"OrderDate\" AS DATE) - CAST(LOCALTIMESTAMP AS DATE) AS INTEGER)",
                expr("DATEDIFF(day, GETDATE(), o.OrderDate)"));
        assertEquals("CAST(o.\"OrderDate\" + 2 * CAST('1 month' AS INTERVAL) AS TIMESTAMP(3))",
                expr("DATEADD(mm, 2, o.OrderDate)"));
        assertEquals("CAST(TO_CHAR(o.\"OrderDate\", 'YYYYMMDD') AS VARCHAR(8))",
                expr("CONVERT(varchar(8), o.OrderDate, 112)"));
        assertEquals("GEN_RANDOM_UUID()", expr("NEWID()"));
    }

    @Test
    void reportsWhatItCannotTranslate() {
        Diagnostic d = untranslated("SELECT SOUNDEX(ShipName) AS s FROM Orders");
        assertEquals("MSSQL-UNTRANSLATED-FUNCTION", d.code());
        assertEquals(Optional.of("dbo.V"), d.object());
        assertEquals(8, d.location().line());
        assertTrue(d.message().contains("SOUNDEX"), d.message());
        assertEquals("MSSQL-UNTRANSLATED", untranslated("SELECT DISTINCT TOP 1 WITH TIES OrderID FROM Orders ORDER BY OrderID + 1")
                .code());
        assertEquals("MSSQL-UNTRANSLATED-FUNCTION", untranslated("SELECT CONVERT(varchar, OrderDate, 7) AS s "
                + "FROM Orders").code());
    }

    /** Conversions and patterns that depend on settings, cultures or matching rules are reported, with the reason. */
    @Test
    void reportsConversionsAndPatternsItCannotTranslateExactly() {
        List<String[]> cases = List.of(
                new String[] {"SELECT TRY_CAST(Code AS date) AS d FROM Orders", "SET DATEFORMAT"},
                new String[] {"SELECT PARSE('345,98' AS money USING 'de-DE') AS m FROM Orders", "culture"},
                new String[] {"SELECT PARSE(Code AS int) AS m FROM Orders", "computed value"},
                new String[] {"SELECT TRY_CONVERT(date, Code, 103) AS d FROM Orders", "style"},
                new String[] {"SELECT REGEXP_REPLACE(Code, '[0-9]+', 'x') AS r FROM Orders", "leftmost"},
                new String[] {"SELECT REGEXP_COUNT(Code, '\\bx') AS r FROM Orders", "escape \\b"},
                new String[] {"SELECT REGEXP_SUBSTR(Code, Code) AS r FROM Orders", "computed pattern"},
                new String[] {"SELECT IIF(REGEXP_LIKE(Code, '(?i)a'), 1, 0) AS r FROM Orders", "(? groups"},
                new String[] {"SELECT IIF(REGEXP_LIKE(Code, '[[:alpha:]]'), 1, 0) AS r FROM Orders", "POSIX"});
        for (String[] c : cases) {
            Diagnostic d = untranslated(c[0]);
            assertEquals("MSSQL-UNTRANSLATED-FUNCTION", d.code(), c[0]);
            assertTrue(d.message().contains(c[1]), c[0] + ": " + d.message());
            assertEquals(8, d.location().line(), c[0]);
        }
    }

    /** TOP ... WITH TIES keeps the rows ranked at most n, over the select list's own expressions. */
    @Test
    void topWithTiesRanksTheRows() {
        assertEquals("""
                SELECT __dm_top."OrderID", __dm_top.q
                FROM (SELECT "Orders"."OrderID", "Orders"."Qty" AS q, ROW_NUMBER() OVER (ORDER BY "Orders"."Qty" \
                DESC NULLS LAST) AS __dm_row, RANK() OVER (ORDER BY "Orders"."Qty" DESC NULLS LAST) AS __dm_rank
                FROM __dm_rel_1__ AS "Orders") AS __dm_top
                WHERE __dm_top.__dm_rank <= 5
                ORDER BY __dm_top.__dm_row""", view("SELECT TOP 5 WITH TIES OrderID, Qty AS q FROM Orders ORDER BY q DESC"));
    }

    @Test
    void pivotAndUnpivotRender() {
        assertEquals("""
                SELECT p."CustomerID", p."1", p."2"
                FROM (SELECT s."CustomerID", CAST(SUM(CASE WHEN s."OrderID" = 1 THEN s."Qty" END) AS INTEGER) AS "1", \
                CAST(SUM(CASE WHEN s."OrderID" = 2 THEN s."Qty" END) AS INTEGER) AS "2"
                FROM (SELECT "Orders"."CustomerID", "Orders"."Qty", "Orders"."OrderID"
                FROM __dm_rel_1__ AS "Orders") AS s
                GROUP BY s."CustomerID") AS p""", view("SELECT * FROM (SELECT CustomerID, Qty, OrderID FROM Orders) s "
                + "PIVOT (SUM(Qty) FOR OrderID IN ([1], [2])) AS p"));
        assertEquals("""
                SELECT u."OrderID", u.k, u.v
                FROM (SELECT o."OrderID", __dm_unpivot.k, __dm_unpivot.v
                FROM (SELECT "Orders"."OrderID", "Orders"."Price"
                FROM __dm_rel_1__ AS "Orders") AS o
                CROSS JOIN LATERAL (VALUES ('Price', o."Price")) AS __dm_unpivot (k, v)
                WHERE __dm_unpivot.v IS NOT NULL) AS u""", view("SELECT u.OrderID, u.k, u.v FROM "
                + "(SELECT OrderID, Price FROM Orders) AS o UNPIVOT (v FOR k IN (Price)) AS u"));
    }

    /** Clause forms outside the translated ones are reported with a code, the object and the line of the view. */
    @Test
    void reportsClauseFormsItDoesNotTranslate() {
        List<String[]> cases = List.of(
                new String[] {"SELECT (SELECT Code FROM Orders FOR XML PATH('row')) AS x", "PATH('')"},
                new String[] {"SELECT (SELECT Code AS c FROM Orders FOR XML PATH('')) AS x", "named column"},
                new String[] {"SELECT (SELECT Code FROM Orders FOR JSON AUTO) AS x", "FOR JSON"},
                new String[] {"SELECT TOP 10 PERCENT OrderID, OrderID AS orderid FROM Orders ORDER BY 1",
                    "unique names"},
                new String[] {"SELECT TOP (1 + 1) WITH TIES OrderID FROM Orders ORDER BY 1", "computed count"},
                new String[] {"SELECT * FROM Orders o JOIN Customers c ON c.CustomerID = o.CustomerID "
                    + "PIVOT (SUM(Qty) FOR Code IN ([a])) AS p", "over a join"},
                new String[] {"SELECT * FROM Orders UNPIVOT (v FOR k IN (Qty, Price)) AS u", "different types"},
                new String[] {"SELECT * FROM STRING_SPLIT('a,b', ',', 1) AS s", "enable_ordinal"},
                new String[] {"SELECT * FROM OPENJSON('[]') AS j", "OPENJSON"});
        for (String[] c : cases) {
            Diagnostic d = untranslated(c[0]);
            assertTrue(d.code().startsWith("MSSQL-UNTRANSLATED"), c[0] + ": " + d.code());
            assertTrue(d.message().contains(c[1]), c[0] + ": " + d.message());
            assertEquals(8, d.location().line(), c[0]);
            assertTrue(d.location().column() > 0, c[0]);
        }
    }

    /** The FOR XML PATH('') idiom: string_agg over the subquery's rows in its order, XML-escaped. */
    @Test
    void forXmlPathConcatenationBecomesAnOrderedStringAgg() {
        assertEquals("""
                SUBSTR(NULLIF((SELECT STRING_AGG(REPLACE(REPLACE(REPLACE(REPLACE(__dm_xml.__dm_v0, '&', '&amp;'), \
                '<', '&lt;'), '>', '&gt;'), CHR(13), '&#x0D;'), '' ORDER BY __dm_xml.__dm_o0 NULLS FIRST)
                FROM (SELECT ', ' || c."CompanyName" AS __dm_v0, c."CompanyName" AS __dm_o0
                FROM __dm_rel_1__ AS c
                WHERE c."CustomerID" = o."CustomerID") AS __dm_xml), ''), 3)\
                """, expr("STUFF((SELECT ', ' + c.CompanyName FROM Customers c "
                + "WHERE c.CustomerID = o.CustomerID ORDER BY c.CompanyName FOR XML PATH('')), 1, 2, '')"));
    }
}
