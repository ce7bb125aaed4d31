package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.MssqlSourceReaderFactory;
import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.testkit.TestPluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlcmdTest {

    @TempDir
    Path dir;

    private SourceReadResult read(Path file, Map<String, String> variables) {
        return new MssqlSourceReaderFactory().create(Map.of(), new TestPluginContext())
                .read(new SourceInput(file.toString(), Optional.of(file), variables));
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<Diagnostic> withCode(SourceReadResult result, String code) {
        return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    @Test
    void variablesAreReplacedEverywhereAndTheUserWins() throws IOException {
        Path main = write("main.sql", """
                :setvar Schema "sales"
                :setvar Db "Shop"
                CREATE TABLE $(Schema).Orders (id int, note varchar(20) DEFAULT ('$(Db)'))
                GO
                CREATE VIEW [$(Schema)].v AS SELECT id FROM $(Schema).Orders
                GO
                """);
        Database db = read(main, Map.of()).database();
        assertEquals("('Shop')", "(" + db.table(new ObjectName("sales", "Orders")).orElseThrow().column("note")
                .orElseThrow().defaultExpression().orElseThrow() + ")");
        assertEquals(List.of(new ObjectName("sales", "Orders")), db.dependenciesOf(new ObjectName("sales", "v"))
                .stream().map(d -> d.to()).toList());
        Database overridden = read(main, Map.of("Schema", "crm")).database();
        assertTrue(overridden.table(new ObjectName("crm", "Orders")).isPresent());
    }

    @Test
    void includesAreReadInPlaceWithTheirOwnLocations() throws IOException {
        write("tables/orders.sql", """
                CREATE TABLE dbo.Orders (id int)
                GO
                CREATE VIEW dbo.BadView AS SELECT FROM WHERE
                GO
                """);
        Path main = write("main.sql", """
                PRINT 'start'
                GO
                :r tables/orders.sql
                CREATE VIEW dbo.v AS SELECT id FROM dbo.Orders
                GO
                """);
        SourceReadResult result = read(main, Map.of());
        Database db = result.database();
        assertTrue(db.table(new ObjectName("dbo", "Orders")).isPresent());
        var orders = db.table(new ObjectName("dbo", "Orders")).orElseThrow().location();
        assertTrue(orders.file().endsWith("orders.sql"), orders.file());
        assertEquals(1, orders.line());
        View v = db.schema("dbo").orElseThrow().views().stream().filter(x -> x.name().name().equals("v"))
                .findFirst().orElseThrow();
        assertEquals(main.toString(), v.location().file());
        assertEquals(4, v.location().line(), "lines after an include keep their own numbers");
        Diagnostic unparsed = withCode(result, "MSSQL-UNPARSED-STATEMENT").get(0);
        assertTrue(unparsed.location().file().endsWith("orders.sql"));
        assertEquals(3, unparsed.location().line());
        assertEquals(Optional.of("dbo.BadView"), unparsed.object());
    }

    @Test
    void missingIncludesAndCyclesAreReported() throws IOException {
        write("a.sql", ":r b.sql\nCREATE TABLE a (x int)\n");
        write("b.sql", ":r a.sql\nCREATE TABLE b (x int)\n");
        Path main = write("main.sql", ":r a.sql\n:r nowhere.sql\nCREATE TABLE m (x int)\n");
        SourceReadResult result = read(main, Map.of());
        assertEquals(3, result.database().tables().count());
        assertEquals(1, withCode(result, "MSSQL-SQLCMD-INCLUDE-CYCLE").size());
        Diagnostic missing = withCode(result, "MSSQL-SQLCMD-INCLUDE-MISSING").get(0);
        assertEquals(2, missing.location().line());
        assertTrue(missing.message().contains("nowhere.sql"), missing.message());
    }

    @Test
    void undefinedVariablesAreReportedOnceAndCommandsInCommentsAreText() throws IOException {
        Path main = write("main.sql", """
                /*
                :r never.sql
                */
                CREATE TABLE $(Missing).t (a int)
                CREATE TABLE $(Missing).u (a int)
                """);
        SourceReadResult result = read(main, Map.of());
        assertEquals(1, withCode(result, "MSSQL-SQLCMD-UNDEFINED-VARIABLE").size());
        assertEquals(List.of(), withCode(result, "MSSQL-SQLCMD-INCLUDE-MISSING"));
    }

    @Test
    void quotedIdentifierOffMakesDoubleQuotesStringsInBodies() {
        String sql = """
                SET QUOTED_IDENTIFIER OFF
                GO
                CREATE VIEW v1 AS SELECT a FROM t WHERE a = "x"
                GO
                SET QUOTED_IDENTIFIER ON
                GO
                CREATE VIEW v2 AS SELECT a FROM t WHERE a = "x"
                GO
                """;
        ScriptReader reader = new ScriptReader("q.sql", sql, Lexer.tokenize(sql), Map.of());
        reader.read("q");
        List<Expr> compared = reader.bodies().stream().map(b -> {
            var select = (ai.datamigrate.plugin.mssql.internal.ast.Statement.Select) b.statements().get(0);
            var body = (ai.datamigrate.plugin.mssql.internal.ast.QueryBody.Select) select.query().body();
            return ((Expr.Binary) body.where().orElseThrow()).right();
        }).toList();
        assertEquals(Expr.LiteralKind.STRING, ((Expr.Literal) compared.get(0)).kind());
        assertEquals("x", ((Expr.ColumnRef) compared.get(1)).name().last());
    }
}
