package ai.datamigrate.plugin.mssql.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScriptRowsTest {

    /** Rows per table, counted while pulling, never holding more than a batch. */
    private static Map<String, Integer> counts(ScriptRows rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        while (rows.hasNext()) {
            RowBatch batch = rows.next();
            counts.merge(batch.table().toString(), batch.rows().size(), Integer::sum);
        }
        return counts;
    }

    private static List<Row> rowsOf(List<RowBatch> batches, String table) {
        List<Row> rows = new ArrayList<>();
        batches.stream().filter(b -> b.table().toString().equalsIgnoreCase(table)).forEach(b -> rows.addAll(b.rows()));
        return rows;
    }

    @Test
    void legacyShopRowsPerTable() {
        Map<String, Integer> counts = counts(ScriptRows.read(TestFiles.legacyShop(), Map.of()));
        assertEquals(Map.of("dbo.Customers", 3, "dbo.Product Categories", 2, "dbo.Products", 3, "sales.Orders", 2,
                "sales.Order Lines", 3), counts);
        assertEquals(List.of("dbo.Customers", "dbo.Product Categories", "dbo.Products", "sales.Orders",
                "sales.Order Lines"), List.copyOf(counts.keySet()));
    }

    @Test
    void legacyShopValuesAreTyped() {
        ScriptRows reader = ScriptRows.read(TestFiles.legacyShop(), Map.of());
        List<RowBatch> batches = reader.toList();
        RowBatch customers = batches.get(0);
        assertEquals(new ObjectName("dbo", "Customers"), customers.table());
        assertTrue(customers.identityInsert());
        assertEquals(List.of("CustomerID", "CompanyName", "ContactName", "Email", "Phone", "Country", "CreatedAt"),
                customers.columns());
        Row third = customers.rows().get(2);
        assertEquals(3L, third.value(0));
        assertEquals("Bólido Comidas preparadas", third.value(1));
        assertNull(third.value(2));
        assertEquals("2020-07-21T08:05:00", third.value(6));
        assertTrue(third.isClean());
        assertTrue(third.location().file().endsWith("legacy_shop.sql"));

        List<Row> products = rowsOf(batches, "dbo.Products");
        assertEquals(new BigDecimal("18.0000"), products.get(0).value(3));
        assertEquals(new BigDecimal("10.00"), products.get(1).value(3)); // $10.00
        assertEquals("Chef Anton's Gumbo Mix", products.get(2).value(1));
        assertNull(products.get(2).value(4));
        assertEquals(new BigDecimal("0.500"), products.get(0).value(4));

        RowBatch categories = batches.stream().filter(b -> b.table().name().equals("Product Categories"))
                .findFirst().orElseThrow();
        assertFalse(categories.identityInsert());
        assertEquals("Soft drinks, coffees, teas", categories.rows().get(0).value(2));
        assertEquals(new BigDecimal("0.25"), rowsOf(batches, "sales.Order Lines").get(0).value(5));
        assertEquals(List.of(), reader.diagnostics());
    }

    @Test
    void ssdtPostDeploymentScriptWithTheProjectsVariables() {
        Path project = TestFiles.ssdtLegacyShop();
        var layout = ai.datamigrate.plugin.mssql.internal.project.SourceLayout.of(project, project.toString());
        assertEquals(1, layout.dataScripts().size());
        ScriptRows rows = ScriptRows.read(layout.dataScripts().get(0), layout.variables());
        assertEquals(Map.of("dbo.Customers", 3, "dbo.Product Categories", 2, "dbo.Products", 3, "sales.Orders", 2,
                "sales.Order Lines", 3), counts(rows));
        assertEquals(List.of(), rows.diagnostics()); // $(Environment) has the project's default value
    }

    @Test
    void literalsOfEveryKind() {
        ScriptRows rows = ScriptRows.of("t.sql", """
                INSERT INTO dbo.T (a, b, c, d, e, f, g, h, i, j, k)
                VALUES (N'x''y', -42, 1.5e3, 0xCAFE, $12.50, NULL, CAST('2020-01-02' AS datetime),
                        CONVERT(money, '7.25'), CONVERT(varchar(10), 12), (3), CAST(0x0A AS varbinary(8))),
                       ('z', +7, -0.5, 0x1, -$3, 99999999999999999999, CONVERT(datetime, '11/03/90', 1),
                        CAST(NULL AS int), CAST('5' AS bit), 'Q', CAST(N'  9 ' AS int))
                """);
        List<RowBatch> batches = rows.toList();
        assertEquals(1, batches.size());
        List<Row> r = batches.get(0).rows();
        assertEquals(2, r.size());
        assertEquals(List.of("x'y", -42L, new BigDecimal("1.5e3"), "bytes", new BigDecimal("12.50"), "null",
                "2020-01-02", new BigDecimal("7.25"), "12", 3L, "bytes"), shown(r.get(0)));
        assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE}, (byte[]) r.get(0).value(3));
        assertArrayEquals(new byte[] {1}, (byte[]) r.get(1).value(3));
        assertEquals(new BigDecimal("-3"), r.get(1).value(4));
        assertEquals(new BigDecimal("99999999999999999999"), r.get(1).value(5));
        assertEquals("11/03/90", r.get(1).value(6));
        assertNull(r.get(1).value(7));
        assertEquals(1L, r.get(1).value(8));
        assertEquals(9L, r.get(1).value(10));
        assertTrue(r.get(0).isClean() && r.get(1).isClean(), r.toString());
    }

    private static List<Object> shown(Row row) {
        List<Object> shown = new ArrayList<>();
        for (Object v : row.values()) {
            shown.add(v == null ? "null" : v instanceof byte[] ? "bytes" : v);
        }
        return shown;
    }

    @Test
    void expressionsBecomeUnevaluatedWithADiagnosticPerRow() {
        List<RowBatch> batches = ScriptRows.of("t.sql", """
                INSERT t (a, b) VALUES (GETDATE(), 1), (2, @v + 1), (3, DEFAULT)
                INSERT t (a, b) VALUES (1)
                """).toList();
        List<Row> rows = batches.get(0).rows();
        assertEquals(4, rows.size());
        assertEquals(new Unevaluated("GETDATE()"), rows.get(0).value(0));
        assertEquals(1L, rows.get(0).value(1));
        assertEquals(new Unevaluated("@v + 1"), rows.get(1).value(1));
        assertEquals(new Unevaluated("DEFAULT"), rows.get(2).value(1));
        Diagnostic d = rows.get(1).diagnostics().get(0);
        assertEquals(ScriptRows.UNEVALUATED, d.code());
        assertEquals(1, d.location().line());
        assertEquals(Optional.of("dbo.t"), d.object());
        assertEquals(ScriptRows.ROW_SHAPE, rows.get(3).diagnostics().get(0).code());
        assertEquals(2, rows.get(3).location().line());
    }

    @Test
    void skipsModuleBodiesNonLiteralInsertsAndTemporaryTables() {
        ScriptRows rows = ScriptRows.of("t.sql", """
                CREATE PROCEDURE p AS
                INSERT INTO dbo.Log VALUES (1)
                SET IDENTITY_INSERT dbo.Log ON
                INSERT INTO dbo.Log VALUES (2)
                GO
                GRANT INSERT ON dbo.Log TO public
                INSERT #tmp VALUES (1)
                INSERT dbo.Log SELECT * FROM dbo.Other
                IF NOT EXISTS (SELECT 1 FROM dbo.Log) INSERT dbo.Log (id) VALUES (3)
                """);
        List<RowBatch> batches = rows.toList();
        assertEquals(1, batches.size());
        assertEquals(List.of("id"), batches.get(0).columns());
        assertFalse(batches.get(0).identityInsert()); // the SET was inside the procedure
        assertEquals(3L, batches.get(0).rows().get(0).value(0));
        assertEquals(List.of(ScriptRows.NOT_LITERAL), rows.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void quotedIdentifierOffCarriesAcrossPiecesAndBatchesAreBounded() {
        StringBuilder sql = new StringBuilder("SET QUOTED_IDENTIFIER OFF\nGO\n");
        for (int i = 0; i < 2500; i++) {
            sql.append("insert authors values(\"a").append(i).append("\", ").append(i).append(")\n");
        }
        ScriptRows rows = ScriptRows.of(sql.toString(), ai.datamigrate.plugin.mssql.internal.script.LineMap
                .identity("q.sql"), 1000);
        List<Integer> sizes = new ArrayList<>();
        Row last = null;
        while (rows.hasNext()) {
            RowBatch b = rows.next();
            sizes.add(b.rows().size());
            last = b.rows().get(b.rows().size() - 1);
        }
        assertEquals(List.of(1000, 1000, 500), sizes);
        assertEquals("a2499", last.value(0));
        assertEquals(2502, last.location().line());
    }

    @Test
    void northwindRowCountsMatchTheScript() throws Exception {
        Optional<Path> script = TestFiles.corpus("northwind/instnwnd.sql");
        assumeTrue(script.isPresent(), "shared corpora not present");
        Map<String, Integer> counts = counts(ScriptRows.read(script.get(), Map.of()));
        // Counted in the script: every INSERT of Northwind is one row.
        String text = java.nio.file.Files.readString(script.get());
        assertEquals(count(text, "INSERT \"Order Details\""), counts.get("dbo.Order Details"));
        assertEquals(2155, counts.get("dbo.Order Details"));
        assertEquals(830, counts.get("dbo.Orders"));
        assertEquals(91, counts.get("dbo.Customers"));
        // 13 tables, of which CustomerCustomerDemo and CustomerDemographics have no rows.
        assertEquals(11, counts.size(), counts.toString());
        assertEquals(lowerCount(text, "\ninsert"), counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void northwindValuesAndBinaryPictures() {
        Optional<Path> script = TestFiles.corpus("northwind/instnwnd.sql");
        assumeTrue(script.isPresent(), "shared corpora not present");
        ScriptRows reader = ScriptRows.read(script.get(), Map.of());
        int unclean = 0;
        Object firstPicture = null;
        Row firstOrderDetail = null;
        while (reader.hasNext()) {
            RowBatch b = reader.next();
            for (Row r : b.rows()) {
                unclean += r.isClean() ? 0 : 1;
            }
            if (b.table().name().equals("Categories") && firstPicture == null) {
                firstPicture = b.rows().get(0).value(b.columns().indexOf("Picture"));
            }
            if (b.table().name().equals("Order Details") && firstOrderDetail == null) {
                firstOrderDetail = b.rows().get(0);
            }
        }
        assertEquals(0, unclean);
        assertTrue(firstPicture instanceof byte[] bytes && bytes.length > 10_000);
        assertEquals(List.of(10248L, 11L, 14L, 12L, 0L), firstOrderDetail.values()); // VALUES(10248,11,14,12,0)
    }

    @Test
    void pubsHasRowsForAllElevenTables() {
        Optional<Path> script = TestFiles.corpus("pubs/instpubs.sql");
        assumeTrue(script.isPresent(), "shared corpora not present");
        Map<String, Integer> counts = new LinkedHashMap<>();
        ScriptRows reader = ScriptRows.read(script.get(), Map.of());
        while (reader.hasNext()) {
            RowBatch b = reader.next();
            counts.merge(b.table().name().toLowerCase(Locale.ROOT), b.rows().size(), Integer::sum);
        }
        assertEquals(List.of("authors", "discounts", "employee", "jobs", "pub_info", "publishers", "roysched",
                "sales", "stores", "titleauthor", "titles"), counts.keySet().stream().sorted().toList());
        assertEquals(23, counts.get("authors"));
        assertEquals(43, counts.get("employee"));
        assertEquals(86, counts.get("roysched"));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static int lowerCount(String text, String needle) {
        return count(text.toLowerCase(Locale.ROOT), needle);
    }
}
