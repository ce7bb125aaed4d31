package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.Statement;
import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.source.SourceReadResult;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of module header hands the parser exactly its body. */
class ModuleBodiesTest {

    private static final String SCRIPT = """
            CREATE TABLE dbo.Orders (id int, total money)
            GO
            CREATE FUNCTION dbo.Big (@min money) RETURNS TABLE WITH SCHEMABINDING AS
            RETURN (SELECT id FROM dbo.Orders WHERE total > @min)
            GO
            CREATE FUNCTION dbo.Listed () RETURNS @r TABLE (id int PRIMARY KEY, note nvarchar(20) NULL)
            WITH EXECUTE AS CALLER
            AS
            BEGIN
                INSERT @r (id) SELECT id FROM dbo.Orders
                RETURN
            END
            GO
            CREATE FUNCTION dbo.Twice (@x int) RETURNS int WITH RETURNS NULL ON NULL INPUT
            BEGIN
                RETURN @x * 2
            END
            GO
            CREATE OR ALTER VIEW dbo.Totals (id, doubled) WITH SCHEMABINDING AS
            SELECT id, dbo.Twice(id) FROM dbo.Orders
            WITH CHECK OPTION
            GO
            CREATE TRIGGER dbo.OrdersAudit ON dbo.Orders AFTER INSERT, UPDATE NOT FOR REPLICATION AS
            IF UPDATE(total) UPDATE o SET total = i.total FROM dbo.Orders o JOIN inserted i ON i.id = o.id
            GO
            CREATE PROCEDURE dbo.Refresh @id int = NULL OUTPUT WITH RECOMPILE, EXECUTE AS OWNER AS
            SET NOCOUNT ON;
            SELECT * FROM dbo.Big(0) b CROSS APPLY dbo.Listed() l
            GO
            """;

    @Test
    void everyHeaderLeavesAParsableBody() {
        ScriptReader reader = new ScriptReader("m.sql", SCRIPT, Lexer.tokenize(SCRIPT), Map.of());
        SourceReadResult result = reader.read("m");
        Map<String, ModuleBody> bodies = reader.bodies().stream()
                .collect(Collectors.toMap(b -> b.name().name(), b -> b));
        assertEquals(List.of(), result.diagnostics().stream()
                .filter(d -> d.code().equals("MSSQL-UNPARSED-STATEMENT")).toList());
        Statement.Return inline = assertInstanceOf(Statement.Return.class, bodies.get("Big").statements().get(0));
        assertInstanceOf(Expr.Subquery.class, inline.value().orElseThrow());
        Statement.Block listed = assertInstanceOf(Statement.Block.class, bodies.get("Listed").statements().get(0));
        assertEquals(2, listed.statements().size());
        assertInstanceOf(Statement.Block.class, bodies.get("Twice").statements().get(0));
        // WITH CHECK OPTION ends the view; it is kept as the words it is
        assertInstanceOf(Statement.Select.class, bodies.get("Totals").statements().get(0));
        assertInstanceOf(Statement.If.class, bodies.get("OrdersAudit").statements().get(0));
        assertEquals(2, bodies.get("Refresh").statements().size());

        Database db = result.database();
        var functions = db.schema("dbo").orElseThrow().functions();
        assertEquals(List.of(FunctionKind.INLINE_TABLE_VALUED, FunctionKind.MULTI_STATEMENT_TABLE_VALUED,
                FunctionKind.SCALAR), functions.stream().map(f -> f.functionKind()).toList());
        assertEquals(List.of("WRITE dbo.Orders", "READ dbo.Orders"), db.dependenciesOf(
                new ObjectName("dbo", "OrdersAudit")).stream().map(d -> d.access() + " " + d.to()).toList());
        assertEquals(List.of("CALL dbo.Big", "CALL dbo.Listed"), db.dependenciesOf(new ObjectName("dbo", "Refresh"))
                .stream().map(d -> d.access() + " " + d.to()).toList());
        assertEquals(List.of("CALL dbo.Twice", "READ dbo.Orders"), db.dependenciesOf(new ObjectName("dbo", "Totals"))
                .stream().map(d -> d.access() + " " + d.to()).toList());
    }
}
