package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Dependency;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.source.SourceReadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependenciesTest {

    @TempDir
    Path dir;

    private static List<String> of(Database db, String schema, String name) {
        return db.dependenciesOf(new ObjectName(schema, name)).stream()
                .map(d -> d.access() + " " + d.to() + " " + d.toKind()).toList();
    }

    @Test
    void legacyShopViewAndProcedure() {
        Database db = TestFiles.read(TestFiles.legacyShop()).database();
        assertEquals(List.of("READ sales.Orders table", "READ sales.Order Lines table"),
                of(db, "sales", "order totals"));
        assertEquals(List.of("READ sales.Orders table"), of(db, "dbo", "CustomerOrderCount"));
        Dependency first = db.dependenciesOf(new ObjectName("sales", "Order Totals")).get(0);
        assertEquals(91, first.location().line()); // FROM [sales].[Orders] o
        assertEquals(6, first.location().column());
    }

    @Test
    void northwindViewsReadTablesAndViews() {
        Optional<Path> path = TestFiles.corpus("northwind/instnwnd.sql");
        Assumptions.assumeTrue(path.isPresent(), "corpus northwind not present");
        Database db = TestFiles.read(path.get()).database();
        assertEquals(List.of("READ dbo.Product Sales for 1997 view"), of(db, "dbo", "Category Sales for 1997"));
        assertEquals(List.of("READ dbo.Categories table", "READ dbo.Products table", "READ dbo.Orders table",
                "READ dbo.Order Details Extended view"), of(db, "dbo", "Sales by Category"));
        // the subquery of "Products Above Average Price" reads Products a second time
        assertEquals(2, of(db, "dbo", "Products Above Average Price").size());
        assertTrue(db.dependencies().stream().allMatch(Dependency::resolved));
        List<Dependency> all = db.dependencies();
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).location().compareTo(all.get(i).location()) <= 0, "source order");
        }
    }

    @Test
    void aliasesCtesTempTablesVariablesAndUnresolvedNames() {
        SourceReadResult result = TestFiles.read(dir, "deps.sql", """
                CREATE TABLE dbo.Orders (id int, total money)
                GO
                CREATE TABLE sales.Lines (id int, amount money)
                GO
                CREATE FUNCTION dbo.Tax (@x money) RETURNS money AS BEGIN RETURN @x * 0.2 END
                GO
                CREATE PROCEDURE dbo.Audit AS SELECT 1
                GO
                CREATE PROCEDURE dbo.Recalc AS
                BEGIN
                    DECLARE @t TABLE (id int)
                    CREATE TABLE #work (id int)
                    ;WITH totals AS (SELECT id, SUM(amount) AS s FROM SALES.lines GROUP BY id)
                    UPDATE o SET o.total = dbo.tax(t.s) FROM orders o JOIN totals t ON t.id = o.id
                    INSERT INTO #work SELECT id FROM @t
                    DELETE FROM dbo.Missing WHERE id IN (SELECT id FROM #work)
                    EXEC dbo.Audit
                    EXEC sp_executesql N'SELECT 1'
                    SELECT * FROM OtherDb.dbo.Remote
                    SELECT x.c.value('(/a)[1]', 'int'), UPPER(LEFT(@s, 1)) FROM sys.objects x
                END
                GO
                """);
        Database db = result.database();
        assertEquals(List.of("READ sales.Lines table", "WRITE dbo.Orders table", "CALL dbo.Tax function",
                "READ dbo.Orders table", "WRITE dbo.Missing unresolved", "CALL dbo.Audit procedure",
                "READ OtherDb.dbo.Remote unresolved", "READ sys.objects unresolved"), of(db, "dbo", "Recalc"));
        List<Diagnostic> unresolved = result.diagnostics().stream()
                .filter(d -> d.code().equals("MSSQL-UNRESOLVED-REFERENCE")).toList();
        assertEquals(3, unresolved.size()); // dbo.Missing, OtherDb.dbo.Remote, sys.objects; not x.c.value()
        assertEquals(Severity.WARNING, unresolved.get(0).severity());
        assertTrue(unresolved.get(0).message().contains("dbo.Missing"), unresolved.get(0).message());
        assertEquals(Optional.of("dbo.Recalc"), unresolved.get(0).object());
        assertEquals(Severity.INFO, unresolved.get(1).severity());
        assertEquals(Severity.INFO, unresolved.get(2).severity());
        assertTrue(result.diagnostics().stream().anyMatch(d -> d.code().equals("MSSQL-DYNAMIC-SQL")));
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.code().equals("MSSQL-UNPARSED-STATEMENT")),
                () -> result.diagnostics().toString());
    }

    @Test
    void objectsMayBeUsedBeforeTheyAreDefined() {
        Database db = TestFiles.read(dir, "order.sql", """
                CREATE VIEW dbo.v AS SELECT * FROM dbo.t
                GO
                CREATE TABLE dbo.T (id int)
                GO
                """).database();
        assertEquals(List.of("READ dbo.T table"), of(db, "dbo", "v"));
    }
}
