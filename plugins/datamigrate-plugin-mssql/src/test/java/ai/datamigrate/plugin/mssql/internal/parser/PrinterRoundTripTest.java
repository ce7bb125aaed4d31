package ai.datamigrate.plugin.mssql.internal.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Constructs the corpora do not have, printed and parsed again. */
class PrinterRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT a = x, y AS b, z c, 'd' = w, v AS 'e', t.*, - -1, ~f, [Order Details].[Unit Price] FROM [select] s",
        "SELECT DISTINCT TOP (10) PERCENT WITH TIES a INTO #t FROM x WHERE a NOT LIKE 'a%' ESCAPE '!' "
                + "GROUP BY ALL a WITH CUBE HAVING COUNT(DISTINCT b) > 1 ORDER BY a DESC OFFSET 1 ROWS",
        "WITH r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n FROM r "
                + "EXCEPT (SELECT 3 ORDER BY 1 OFFSET 0 ROWS) OPTION (MAXRECURSION 100)",
        "SELECT * FROM a JOIN b JOIN c ON b.x = c.x ON a.y = b.y LEFT HASH JOIN (d CROSS JOIN e) ON 1 = 1 "
                + "CROSS APPLY dbo.f(a.id) f OUTER APPLY (SELECT TOP 1 * FROM g) o, h WITH (NOLOCK), i (nolock)",
        "SELECT * FROM (SELECT y, q, v FROM s) src PIVOT (SUM(v) FOR q IN ([1], [2])) AS p "
                + "UNPIVOT (v FOR q IN (a, b)) u, (VALUES (1, 'a'), (2, N'b')) AS v (n, s)",
        "SELECT CASE x WHEN 1 THEN CAST(y AS decimal(9, 2)) ELSE CONVERT(varchar(max), z, 120) END, "
                + "SUM(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), "
                + "NEXT VALUE FOR dbo.s, @x.value('(/a)[1]', 'int'), n COLLATE Latin1_General_CI_AS, "
                + "GETDATE(), CURRENT_TIMESTAMP, LEFT(n, 2), (SELECT 1), $1.50, 0xFF, 1e3, .5 "
                + "WHERE a IN (1, 2) AND b NOT IN (SELECT c FROM d) OR EXISTS (SELECT 1) "
                + "AND e BETWEEN 1 AND 2 AND f IS NOT NULL AND g > ALL (SELECT h FROM i)",
        "SELECT a FROM t GROUP BY GROUPING SETS ((a, b), a, ()), ROLLUP (c, (d, e)) FOR XML PATH(''), TYPE",
        """
        DECLARE @a int = 1, @b nvarchar(10); DECLARE @t TABLE (id int PRIMARY KEY, n AS id * 2)
        DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT id FROM t FOR READ ONLY
        SET @a += 2 SET NOCOUNT ON
        IF @a > 1 BEGIN PRINT 'x' END ELSE IF @a < 0 PRINT 'y' ELSE PRINT 'z'
        WHILE @a < 10 BEGIN SET @a = @a + 1 IF @a = 5 BREAK ELSE CONTINUE END
        BEGIN TRY SELECT 1 / 0 END TRY BEGIN CATCH THROW; END CATCH
        OPEN c FETCH NEXT FROM c INTO @a CLOSE c DEALLOCATE c
        l1: GOTO l1
        BEGIN TRAN t1 COMMIT TRAN ROLLBACK WORK SAVE TRANSACTION s1
        WAITFOR DELAY '00:00:01' RAISERROR ('bad %d', 16, 1, @a) WITH NOWAIT THROW 50001, 'no', 1
        CREATE TABLE #t (id int NOT NULL IDENTITY(1, 1), CONSTRAINT pk PRIMARY KEY (id))
        DROP TABLE IF EXISTS #t, #u TRUNCATE TABLE dbo.x RETURN
        """,
        """
        INSERT dbo.t (a, b) OUTPUT inserted.a INTO @log (a) VALUES (1, DEFAULT), (3, 4)
        INSERT INTO #t EXEC dbo.p 1, @x OUTPUT
        INSERT TOP (5) t DEFAULT VALUES
        ;WITH c AS (SELECT 1 AS n) UPDATE TOP (1) o SET o.total = c.n, @n += 1 FROM dbo.Orders o JOIN c ON 1 = 1
        UPDATE t SET a = 1 WHERE CURRENT OF c
        DELETE t FROM t JOIN u ON t.id = u.id WHERE u.x = 1 OPTION (RECOMPILE)
        MERGE INTO dbo.target AS t USING src AS s ON t.id = s.id
        WHEN MATCHED AND t.v <> s.v THEN UPDATE SET t.v = s.v
        WHEN NOT MATCHED BY TARGET THEN INSERT (id, v) VALUES (s.id, s.v)
        WHEN NOT MATCHED BY SOURCE THEN DELETE OUTPUT $action, deleted.*;
        EXEC @rc = dbo.p @a = 1, @b = @x OUT, DEFAULT WITH RECOMPILE
        EXECUTE ('SELECT ' + @c) EXEC sp_executesql @sql, N'@id int', @id = 5
        """
    })
    void printThenParseGivesTheSameTree(String sql) {
        ParseResult first = TsqlParser.parse(sql, "a.sql");
        assertEquals(List.of(), first.diagnostics());
        String printed = TsqlPrinter.print(first.statements());
        ParseResult second = TsqlParser.parse(printed, "b.sql");
        assertEquals(List.of(), second.diagnostics(), printed);
        assertEquals(Optional.empty(), TreeAssert.difference(first.statements(), second.statements()), printed);
    }
}
