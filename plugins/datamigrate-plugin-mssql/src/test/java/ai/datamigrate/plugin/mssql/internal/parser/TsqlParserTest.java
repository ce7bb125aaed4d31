package ai.datamigrate.plugin.mssql.internal.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.GroupingElement;
import ai.datamigrate.plugin.mssql.internal.ast.InsertSource;
import ai.datamigrate.plugin.mssql.internal.ast.MergeAction;
import ai.datamigrate.plugin.mssql.internal.ast.Part;
import ai.datamigrate.plugin.mssql.internal.ast.QueryBody;
import ai.datamigrate.plugin.mssql.internal.ast.SelectItem;
import ai.datamigrate.plugin.mssql.internal.ast.SelectItem.AliasStyle;
import ai.datamigrate.plugin.mssql.internal.ast.Statement;
import ai.datamigrate.plugin.mssql.internal.ast.TableSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TsqlParserTest {

    static List<Statement> parse(String sql) {
        ParseResult result = TsqlParser.parse(sql, "test.sql");
        assertEquals(List.of(), result.diagnostics(), () -> "diagnostics for: " + sql);
        assertEquals(0, result.unparsed());
        return result.statements();
    }

    static Statement one(String sql) {
        List<Statement> statements = parse(sql);
        assertEquals(1, statements.size(), () -> "statements of " + sql + ": " + statements);
        return statements.get(0);
    }

    static QueryBody.Select select(String sql) {
        Statement.Select s = assertInstanceOf(Statement.Select.class, one(sql));
        return assertInstanceOf(QueryBody.Select.class, s.query().body());
    }

    static Expr expr(String sql) {
        SelectItem.Column c = assertInstanceOf(SelectItem.Column.class, select("SELECT " + sql).items().get(0));
        return c.expr();
    }

    @Test
    void precedenceOfArithmeticComparisonAndLogic() {
        Expr e = expr("a + b * c = 7 OR NOT x = 1 AND y <> 2");
        Expr.Binary or = assertInstanceOf(Expr.Binary.class, e);
        assertEquals("OR", or.operator());
        Expr.Binary eq = assertInstanceOf(Expr.Binary.class, or.left());
        assertEquals("=", eq.operator());
        Expr.Binary plus = assertInstanceOf(Expr.Binary.class, eq.left());
        assertEquals("+", plus.operator());
        assertEquals("*", assertInstanceOf(Expr.Binary.class, plus.right()).operator());
        Expr.Binary and = assertInstanceOf(Expr.Binary.class, or.right());
        assertEquals("AND", and.operator());
        assertEquals("NOT", assertInstanceOf(Expr.Unary.class, and.left()).operator());
    }

    @Test
    void bitwiseAndTsqlComparisons() {
        assertEquals("&", ((Expr.Binary) expr("flags & 4")).operator());
        assertEquals("~", ((Expr.Unary) expr("~flags")).operator());
        assertEquals("!<", ((Expr.Binary) select("SELECT 1 WHERE a !< b").where().orElseThrow()).operator());
        assertEquals("!=", ((Expr.Binary) select("SELECT 1 WHERE a != b").where().orElseThrow()).operator());
    }

    @Test
    void literals() {
        assertEquals(Expr.LiteralKind.NATIONAL_STRING, ((Expr.Literal) expr("N'it''s'")).kind());
        assertEquals(Expr.LiteralKind.BINARY, ((Expr.Literal) expr("0x1F")).kind());
        assertEquals(Expr.LiteralKind.MONEY, ((Expr.Literal) expr("$12.50")).kind());
        assertEquals("$12.50", ((Expr.Literal) expr("$12.50")).text());
    }

    @Test
    void predicates() {
        Expr.Like like = assertInstanceOf(Expr.Like.class,
                select("SELECT 1 WHERE a NOT LIKE '%x!%' ESCAPE '!'").where().orElseThrow());
        assertTrue(like.not());
        assertTrue(like.escape().isPresent());
        assertInstanceOf(Expr.InQuery.class, select("SELECT 1 WHERE a IN (SELECT b FROM t)").where().orElseThrow());
        assertEquals(3, ((Expr.InList) select("SELECT 1 WHERE a IN (1, 2, 3)").where().orElseThrow()).values().size());
        Expr.Between between = (Expr.Between) select("SELECT 1 WHERE a BETWEEN 1 AND 2 AND b = 1").where()
                .map(w -> ((Expr.Binary) w).left()).orElseThrow();
        assertEquals("1", ((Expr.Literal) between.low()).text());
        assertTrue(((Expr.IsNull) select("SELECT 1 WHERE a IS NOT NULL").where().orElseThrow()).not());
        assertInstanceOf(Expr.Exists.class, select("SELECT 1 WHERE EXISTS (SELECT * FROM t)").where().orElseThrow());
    }

    @Test
    void castConvertCaseAndFunctions() {
        Expr.Cast convert = assertInstanceOf(Expr.Cast.class, expr("CONVERT(money, x, 1)"));
        assertEquals("money", convert.type().name().last());
        assertTrue(convert.extra().isPresent());
        Expr.Cast cast = assertInstanceOf(Expr.Cast.class, expr("CAST(x AS decimal(9, 3))"));
        assertEquals(List.of("9", "3"), cast.type().arguments());
        assertEquals("varchar", ((Expr.Cast) expr("TRY_CONVERT(varchar(max), x)")).type().name().last());
        Expr.Case simple = assertInstanceOf(Expr.Case.class, expr("CASE x WHEN 1 THEN 'a' ELSE 'b' END"));
        assertTrue(simple.operand().isPresent());
        Expr.Case searched = assertInstanceOf(Expr.Case.class, expr("CASE WHEN x > 1 THEN 'a' END"));
        assertTrue(searched.operand().isEmpty());
        Expr.FunctionCall count = assertInstanceOf(Expr.FunctionCall.class, expr("COUNT(*)"));
        assertInstanceOf(Expr.Star.class, count.arguments().get(0));
        assertEquals(Optional.of("DISTINCT"), ((Expr.FunctionCall) expr("COUNT(DISTINCT x)")).quantifier());
        assertEquals(3, ((Expr.FunctionCall) expr("IIF(a > 1, 'x', 'y')")).arguments().size());
        assertEquals("LEFT", ((Expr.FunctionCall) expr("LEFT(name, 2)")).name().last());
        assertTrue(((Expr.FunctionCall) expr("CURRENT_TIMESTAMP")).niladic());
        assertInstanceOf(Expr.Collate.class, expr("name COLLATE Latin1_General_CI_AS"));
        assertInstanceOf(Expr.NextValueFor.class, expr("NEXT VALUE FOR dbo.Seq"));
        assertInstanceOf(Expr.Subquery.class, expr("(SELECT MAX(x) FROM t)"));
        assertInstanceOf(Expr.MethodCall.class, expr("@data.value('(/a)[1]', 'sysname')"));
        assertEquals(4, ((Expr.ColumnRef) expr("srv.db.dbo.t")).name().parts().size());
    }

    @Test
    void windowFunctions() {
        Expr.FunctionCall f = assertInstanceOf(Expr.FunctionCall.class, expr(
                "SUM(x) OVER (PARTITION BY a, b ORDER BY c DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"));
        Part.Over over = f.over().orElseThrow();
        assertEquals(2, over.partitionBy().size());
        assertEquals(Optional.of("DESC"), over.orderBy().get(0).direction());
        assertEquals("ROWS", over.frame().orElseThrow().units());
        assertEquals("CURRENT ROW", over.frame().orElseThrow().end().orElseThrow().kind());
    }

    @Test
    void selectListAliases() {
        List<SelectItem> items = select("SELECT a = x, y AS b, z c, 'd' = w, v AS 'e', t.*, 1").items();
        assertEquals(AliasStyle.EQUALS, ((SelectItem.Column) items.get(0)).style());
        assertEquals(Optional.of("a"), ((SelectItem.Column) items.get(0)).alias());
        assertEquals("x", ((Expr.ColumnRef) ((SelectItem.Column) items.get(0)).expr()).name().last());
        assertEquals(AliasStyle.AS, ((SelectItem.Column) items.get(1)).style());
        assertEquals(AliasStyle.BARE, ((SelectItem.Column) items.get(2)).style());
        assertEquals(AliasStyle.EQUALS_STRING, ((SelectItem.Column) items.get(3)).style());
        assertEquals(AliasStyle.AS_STRING, ((SelectItem.Column) items.get(4)).style());
        assertInstanceOf(Expr.Star.class, ((SelectItem.Column) items.get(5)).expr());
        SelectItem.Assignment assignment = assertInstanceOf(SelectItem.Assignment.class,
                select("SELECT @total += x FROM t").items().get(0));
        assertEquals("+=", assignment.operator());
    }

    @Test
    void topDistinctIntoAndClauses() {
        QueryBody.Select s = select("SELECT DISTINCT TOP (10) PERCENT WITH TIES a INTO #t FROM x "
                + "WHERE a > 1 GROUP BY a HAVING COUNT(*) > 1");
        assertEquals(Optional.of("DISTINCT"), s.quantifier());
        assertTrue(s.top().orElseThrow().percent());
        assertTrue(s.top().orElseThrow().withTies());
        assertEquals("#t", s.into().orElseThrow().last());
        assertTrue(s.having().isPresent());
        Part.GroupBy rollup = select("select a, b from t group by a, b with rollup").groupBy().orElseThrow();
        assertEquals(Optional.of("ROLLUP"), rollup.with());
        Part.GroupBy sets = select("SELECT a FROM t GROUP BY GROUPING SETS ((a, b), a, ()), CUBE (c)")
                .groupBy().orElseThrow();
        GroupingElement.Operator gs = (GroupingElement.Operator) sets.items().get(0);
        assertEquals("GROUPING SETS", gs.kind());
        assertEquals(3, gs.items().size());
        assertEquals("CUBE", ((GroupingElement.Operator) sets.items().get(1)).kind());
    }

    @Test
    void joinsOfAllKinds() {
        QueryBody.Select s = select("SELECT * FROM a INNER JOIN b ON a.id = b.id LEFT OUTER JOIN c ON c.id = b.id "
                + "CROSS JOIN d CROSS APPLY dbo.f(a.id) AS f OUTER APPLY (SELECT 1 AS one) o, e WITH (NOLOCK), g (nolock)");
        assertEquals(3, s.from().size());
        TableSource.Join outer = assertInstanceOf(TableSource.Join.class, s.from().get(0));
        assertEquals("OUTER APPLY", outer.kind());
        assertInstanceOf(TableSource.Derived.class, outer.right());
        TableSource.Join cross = (TableSource.Join) outer.left();
        assertEquals("CROSS APPLY", cross.kind());
        assertInstanceOf(TableSource.Function.class, cross.right());
        TableSource.Named e = (TableSource.Named) s.from().get(1);
        assertTrue(e.withKeyword());
        assertEquals(List.of("NOLOCK"), e.hints().orElseThrow().texts());
        TableSource.Named g = (TableSource.Named) s.from().get(2);
        assertTrue(!g.withKeyword() && g.hints().isPresent());
    }

    @Test
    void nestedAndParenthesisedJoins() {
        TableSource.Join j = (TableSource.Join) select("SELECT * FROM a JOIN b JOIN c ON b.x = c.x ON a.y = b.y")
                .from().get(0);
        assertInstanceOf(TableSource.Join.class, j.right());
        TableSource.Join p = (TableSource.Join) select("SELECT * FROM (a JOIN b ON a.x = b.x) LEFT JOIN c ON 1 = 1")
                .from().get(0);
        assertInstanceOf(TableSource.Parenthesized.class, p.left());
    }

    @Test
    void pivotUnpivotAndValues() {
        TableSource.Pivot pivot = assertInstanceOf(TableSource.Pivot.class, select(
                "SELECT * FROM (SELECT y, q, v FROM s) src PIVOT (SUM(v) FOR q IN ([1], [2], [3])) AS p").from().get(0));
        assertEquals(List.of("1", "2", "3"), pivot.values());
        assertInstanceOf(TableSource.Unpivot.class, select(
                "SELECT * FROM p UNPIVOT (v FOR q IN (a, b)) AS u").from().get(0));
        TableSource.Values values = assertInstanceOf(TableSource.Values.class, select(
                "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s)").from().get(0));
        assertEquals(2, values.rows().size());
        assertEquals(List.of("n", "s"), values.columns());
    }

    @Test
    void setOperatorsCtesOrderOffsetForXmlOption() {
        Statement.Select s = (Statement.Select) one("WITH r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r "
                + "WHERE n < 10) SELECT n FROM r UNION SELECT 0 EXCEPT SELECT 5 ORDER BY n OFFSET 2 ROWS "
                + "FETCH NEXT 3 ROWS ONLY OPTION (MAXRECURSION 100)");
        assertEquals("r", s.query().ctes().get(0).name());
        assertEquals("EXCEPT", ((QueryBody.SetOperation) s.query().body()).operator());
        assertTrue(s.query().offset().orElseThrow().fetch().isPresent());
        assertEquals(List.of("MAXRECURSION", "100"), s.query().option().orElseThrow().texts());
        Statement.Select x = (Statement.Select) one("SELECT a, (SELECT b FROM t FOR XML PATH(''), TYPE) FROM u "
                + "FOR JSON AUTO");
        assertEquals(List.of("JSON", "AUTO"), x.query().forClause().orElseThrow().texts());
    }

    @Test
    void proceduralStatements() {
        List<Statement> statements = parse("""
                DECLARE @a int = 1, @b nvarchar(10)
                DECLARE @t TABLE (id int PRIMARY KEY, name varchar(20) NULL)
                DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT id FROM t
                SET @a += 2
                SET NOCOUNT ON
                IF @a > 1 BEGIN PRINT 'x'; END ELSE PRINT 'y'
                WHILE @a < 10 BEGIN SET @a = @a + 1 IF @a = 5 BREAK ELSE CONTINUE END
                BEGIN TRY SELECT 1/0 END TRY BEGIN CATCH THROW; END CATCH
                OPEN c
                FETCH NEXT FROM c INTO @a
                CLOSE c
                DEALLOCATE c
                again: GOTO again
                BEGIN TRAN
                COMMIT TRANSACTION
                ROLLBACK
                SAVE TRAN sp1
                WAITFOR DELAY '00:00:01'
                RAISERROR ('bad %d', 16, 1, @a) WITH NOWAIT
                THROW 50001, 'no', 1
                CREATE TABLE #t (id int NOT NULL, total AS id * 2)
                DROP TABLE IF EXISTS #t
                TRUNCATE TABLE dbo.x
                RETURN @a
                """);
        List<Class<?>> kinds = statements.stream().<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(Statement.Declare.class, Statement.DeclareTable.class, Statement.DeclareCursor.class,
                Statement.SetVariable.class, Statement.SetOption.class, Statement.If.class, Statement.While.class,
                Statement.TryCatch.class, Statement.CursorCommand.class, Statement.Fetch.class,
                Statement.CursorCommand.class, Statement.CursorCommand.class, Statement.Label.class,
                Statement.Goto.class, Statement.Transaction.class, Statement.Transaction.class,
                Statement.Transaction.class, Statement.Transaction.class, Statement.Waitfor.class,
                Statement.Raiserror.class, Statement.Throw.class, Statement.CreateTable.class, Statement.Drop.class,
                Statement.Truncate.class, Statement.Return.class), kinds);
        assertEquals(2, ((Statement.Declare) statements.get(0)).variables().size());
        assertTrue(((Statement.If) statements.get(5)).otherwise().isPresent());
        assertEquals(List.of("@a"), ((Statement.Fetch) statements.get(9)).into());
    }

    @Test
    void dataModification() {
        Statement.Insert insert = (Statement.Insert) one("INSERT dbo.t (a, b) VALUES (1, 2), (3, 4)");
        assertEquals(2, ((InsertSource.Values) insert.source()).rows().size());
        assertInstanceOf(InsertSource.FromQuery.class,
                ((Statement.Insert) one("INSERT INTO #t SELECT * FROM x")).source());
        assertInstanceOf(InsertSource.FromExecute.class,
                ((Statement.Insert) one("INSERT INTO @t EXEC dbo.p 1")).source());
        Statement.Update update = (Statement.Update) one(
                "UPDATE o SET o.total = l.sum, @n = @n + 1 OUTPUT inserted.id INTO @ids FROM dbo.Orders o "
                        + "JOIN x l ON l.id = o.id WHERE o.id > 0");
        assertEquals(2, update.sets().size());
        assertEquals(1, update.from().size());
        assertTrue(update.output().orElseThrow().into().isPresent());
        Statement.Delete delete = (Statement.Delete) one("DELETE FROM t FROM t JOIN u ON t.id = u.id WHERE u.x = 1");
        assertEquals(1, delete.from().size());
        assertInstanceOf(Statement.Delete.class, one("DELETE t WHERE id = 1"));
        Statement.Merge merge = (Statement.Merge) one("""
                MERGE INTO dbo.target AS t USING (SELECT id, v FROM src) AS s ON t.id = s.id
                WHEN MATCHED AND t.v <> s.v THEN UPDATE SET t.v = s.v
                WHEN NOT MATCHED BY TARGET THEN INSERT (id, v) VALUES (s.id, s.v)
                WHEN NOT MATCHED BY SOURCE THEN DELETE
                OUTPUT $action, inserted.id;
                """);
        assertEquals(3, merge.clauses().size());
        assertInstanceOf(MergeAction.Insert.class, merge.clauses().get(1).action());
        assertTrue(merge.output().isPresent());
    }

    @Test
    void execute() {
        Statement.Execute exec = (Statement.Execute) one("EXEC @rc = dbo.p @a = 1, @b = @x OUTPUT, DEFAULT");
        assertEquals(Optional.of("@rc"), exec.returnVariable());
        assertEquals(3, exec.arguments().size());
        assertTrue(exec.arguments().get(1).output());
        assertInstanceOf(Statement.ExecuteString.class, one("EXECUTE ('SELECT ' + @cols + ' FROM t')"));
        Statement.Execute sql = (Statement.Execute) one("EXEC sp_executesql @sql, N'@id int', @id = 5");
        assertEquals("sp_executesql", sql.procedure().orElseThrow().last());
    }

    @Test
    void unknownStatementIsReportedAndParsingResumes() {
        ParseResult result = TsqlParser.parse("SELECT 1;\nFROBNICATE the thing\nSELECT 2", "x.sql");
        assertEquals(3, result.statements().size());
        assertInstanceOf(Statement.Unparsed.class, result.statements().get(1));
        assertEquals(1, result.unparsed());
        assertEquals("MSSQL-UNPARSED-STATEMENT", result.diagnostics().get(0).code());
        assertEquals("x.sql:2:1", result.diagnostics().get(0).location().toString());
        assertTrue(result.diagnostics().get(0).message().contains("FROBNICATE the thing"),
                result.diagnostics().get(0).message());
    }

    @Test
    void everyNodeHasAPosition() {
        Statement.Select s = (Statement.Select) parse("\n  SELECT a FROM t").get(0);
        assertEquals(2, s.pos().line());
        assertEquals(3, s.pos().column());
        assertEquals(3, s.pos().offset());
        QueryBody.Select body = (QueryBody.Select) s.query().body();
        assertEquals(10, body.items().get(0).pos().column());
        assertEquals(17, body.from().get(0).pos().column());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT o.* FROM [Order Details] od INNER JOIN Orders o ON od.OrderID = o.OrderID",
        "SELECT DATEADD(day, -1, GETDATE()), DATEPART(yy, x), ISNULL(a, 0) FROM t",
        "SELECT STRING_AGG(name, ',') WITHIN GROUP (ORDER BY name) FROM t",
        "SELECT * FROM OPENJSON(@j) WITH (id int '$.id', name nvarchar(50) '$.name') AS j",
        "SELECT * FROM dbo.History FOR SYSTEM_TIME AS OF '2020-01-01' h",
        "IF UPDATE(job_id) PRINT 'changed'",
        "SELECT x FROM t WHERE a > ALL (SELECT b FROM u)",
        "INSERT t DEFAULT VALUES",
        "SELECT 1 AS [x]; WITH c AS (SELECT 1 AS n) DELETE FROM t WHERE id IN (SELECT n FROM c)",
        "SELECT ROW_NUMBER() OVER (ORDER BY x) AS rn, LAG(x, 1) OVER (PARTITION BY y ORDER BY x) FROM t",
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM t) THEN 1 ELSE 0 END",
        "UPDATE STATISTICS dbo.t",
        "SET TRANSACTION ISOLATION LEVEL READ COMMITTED",
        "EXEC ('SELECT 1') AT LinkedServer",
        "SELECT * FROM ((SELECT 1 AS a) UNION (SELECT 2)) x",
        "SELECT a FROM t ORDER BY 1 DESC, b"
    })
    void parsesWithoutDiagnostics(String sql) {
        assertTrue(!parse(sql).isEmpty());
    }
}
