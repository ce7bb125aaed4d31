package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clauses (TOP ... WITH TIES / PERCENT, PIVOT, UNPIVOT, FOR XML PATH(''), ROLLUP, CUBE, GROUPING) executed on a real
 * PostgreSQL over the same rows SQL Server would read, compared with the rows SQL Server returns (the documented
 * semantics, cited on each case). Rows are compared in order where the query orders them, as a sorted list otherwise.
 */
class ClauseSemanticsIT {

    private static final String TABLES = """
            CREATE TABLE dbo.Sales (Id int NOT NULL, Region varchar(10) NOT NULL, Yr int NOT NULL, Amount int NULL)
            GO
            CREATE TABLE dbo.Tags (PostId int NOT NULL, Tag varchar(10) NULL)
            GO
            CREATE TABLE dbo.Wide (Id int NOT NULL, Q1 int NULL, Q2 int NULL, Q3 int NULL)
            GO
            """;

    private static final String[] ROWS = {
        "CREATE TABLE it_clauses.\"Sales\" (\"Id\" integer, \"Region\" varchar(10), \"Yr\" integer, \"Amount\" integer)",
        "INSERT INTO it_clauses.\"Sales\" VALUES (1, 'East', 2023, 10), (2, 'East', 2024, 20), (3, 'West', 2023, 30),"
            + " (4, 'West', 2024, 30), (5, 'North', 2024, 5), (6, 'East', 2024, NULL)",
        "CREATE TABLE it_clauses.\"Tags\" (\"PostId\" integer, \"Tag\" varchar(10))",
        "INSERT INTO it_clauses.\"Tags\" VALUES (1, 'b'), (1, 'a'), (1, 'c&d'), (2, 'x'), (2, NULL), (3, NULL)",
        "CREATE TABLE it_clauses.\"Wide\" (\"Id\" integer, \"Q1\" integer, \"Q2\" integer, \"Q3\" integer)",
        "INSERT INTO it_clauses.\"Wide\" VALUES (1, 10, NULL, 30), (2, NULL, NULL, NULL)",
    };

    /** View body, whether the rows are ordered, the rows SQL Server returns (columns joined by |, NULL as null). */
    private static final Object[][] CASES = {
        // FOR XML PATH('') concatenation with STUFF: the documented idiom, ORDER BY kept, & escaped as XML text
        {"SELECT p.PostId, STUFF((SELECT ',' + t.Tag FROM dbo.Tags t WHERE t.PostId = p.PostId ORDER BY t.Tag "
            + "FOR XML PATH('')), 1, 1, '') AS Tags FROM (SELECT DISTINCT PostId FROM dbo.Tags) p", false,
            List.of("1|a,b,c&amp;d", "2|x", "3|null")},
        // with TYPE and .value(): the text is not escaped
        {"SELECT STUFF((SELECT ';' + t.Tag FROM dbo.Tags t WHERE t.PostId = 1 ORDER BY t.Tag DESC "
            + "FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)'), 1, 1, '') AS Tags", false, List.of("c&d;b;a")},
        // TOP n WITH TIES: the first n rows and every row tied with the n-th (documented)
        {"SELECT TOP 2 WITH TIES Id, Amount FROM dbo.Sales ORDER BY Amount DESC", true,
            List.of("3|30", "4|30")},
        {"SELECT TOP (3) WITH TIES Id, Amount AS a FROM dbo.Sales ORDER BY a DESC", false,
            List.of("3|30", "4|30", "2|20")},
        {"SELECT TOP 1 WITH TIES Region, SUM(Amount) AS Total FROM dbo.Sales GROUP BY Region ORDER BY 2 DESC", true,
            List.of("West|60")},
        // NULL sorts first ascending in SQL Server, so it is the top row and ties with nothing
        {"SELECT TOP 1 WITH TIES Id FROM dbo.Sales ORDER BY Amount", true, List.of("6")},
        // TOP n PERCENT: fractional row counts round up (documented): 6 rows * 50% = 3, * 10% = 0.6 -> 1
        {"SELECT TOP 50 PERCENT Id FROM dbo.Sales ORDER BY Id", true, List.of("1", "2", "3")},
        {"SELECT TOP (10) PERCENT Id FROM dbo.Sales ORDER BY Id DESC", true, List.of("6")},
        {"SELECT TOP 34 PERCENT Id FROM dbo.Sales ORDER BY Id", true, List.of("1", "2", "3")}, // 2.04 -> 3
        {"SELECT TOP 20 PERCENT WITH TIES Id, Amount FROM dbo.Sales ORDER BY Amount DESC", false,
            List.of("3|30", "4|30")}, // 1.2 -> 2 rows, no more ties
        {"SELECT TOP 17 PERCENT WITH TIES Id, Amount FROM dbo.Sales WHERE Amount IS NOT NULL ORDER BY Amount DESC",
            false, List.of("3|30", "4|30")}, // 5 rows * 17% = 0.85 -> 1 row, and its tie
        {"SELECT COUNT(*) AS n FROM (SELECT TOP 50 PERCENT * FROM dbo.Sales) s", false, List.of("3")},
        // DISTINCT before TOP: 4 distinct amounts (30, 20, 10, 5) and NULL
        {"SELECT DISTINCT TOP 2 WITH TIES Amount FROM dbo.Sales ORDER BY Amount DESC", true, List.of("30", "20")},
        {"SELECT DISTINCT TOP 40 PERCENT Region FROM dbo.Sales ORDER BY 1", true, List.of("East", "North")},
        // PIVOT: grouped by the other source columns, one column per value; no match gives NULL (documented)
        {"SELECT * FROM (SELECT Region, Yr, Amount FROM dbo.Sales) AS s PIVOT (SUM(Amount) FOR Yr IN ([2023], [2024]))"
            + " AS p", false, List.of("East|10|20", "North|null|5", "West|30|30")},
        {"SELECT p.[East], p.[West], p.[South] FROM (SELECT Region, Amount FROM dbo.Sales) AS s "
            + "PIVOT (COUNT(Amount) FOR Region IN ([East], [West], [South])) AS p", false, List.of("2|2|0")},
        {"SELECT Yr, [East] AS e FROM (SELECT Region, Yr, Amount FROM dbo.Sales) s "
            + "PIVOT (MAX(Amount) FOR Region IN ([East])) p WHERE Yr = 2024", false, List.of("2024|20")},
        {"SELECT * FROM dbo.Wide PIVOT (SUM(Q1) FOR Id IN ([1], [2])) AS p", false,
            List.of("null|30|10|null", "null|null|null|null")}, // a table pivoted directly: grouped by Q2, Q3
        // UNPIVOT: one row per listed column, NULLs left out (documented)
        {"SELECT Id, Quarter, Amount FROM dbo.Wide UNPIVOT (Amount FOR Quarter IN (Q1, Q2, Q3)) AS u", false,
            List.of("1|Q1|10", "1|Q3|30")},
        {"SELECT COUNT(*) AS n FROM (SELECT Id, Q1, Q2 FROM dbo.Wide) w UNPIVOT (v FOR q IN (Q1, Q2)) AS u", false,
            List.of("1")},
        // WITH ROLLUP / WITH CUBE and GROUPING(): NULL in the rolled-up columns, GROUPING 1 there (documented)
        {"SELECT Region, SUM(Amount) AS Total, GROUPING(Region) AS g FROM dbo.Sales GROUP BY Region WITH ROLLUP",
            false, List.of("East|30|0", "North|5|0", "West|60|0", "null|95|1")},
        {"SELECT Region, Yr, COUNT(*) AS n FROM dbo.Sales GROUP BY Region, Yr WITH CUBE", false,
            List.of("East|2023|1", "East|2024|2", "West|2023|1", "West|2024|1", "North|2024|1", "East|null|3",
                "West|null|2", "North|null|1", "null|2023|2", "null|2024|4", "null|null|6")},
        {"SELECT GROUPING_ID(Region, Yr) AS gid, COUNT(*) AS n FROM dbo.Sales GROUP BY ROLLUP(Region, Yr)", false,
            List.of("0|1", "0|2", "0|1", "0|1", "0|1", "1|3", "1|2", "1|1", "3|6")},
        // SET ROWCOUNT n in a procedure: the query returns its first n rows (documented)
        {"SET NOCOUNT ON; SET ROWCOUNT 2; SELECT Id FROM dbo.Sales ORDER BY Id DESC", true, List.of("6", "5")},
    };

    @TempDir
    Path dir;

    @Test
    void clausesReturnWhatSqlServerReturns() throws SQLException {
        StringBuilder script = new StringBuilder(TABLES);
        Map<String, Object[]> byView = new LinkedHashMap<>();
        for (int i = 0; i < CASES.length; i++) {
            String kind = ((String) CASES[i][0]).startsWith("SET ") ? "PROCEDURE" : "VIEW";
            script.append("CREATE ").append(kind).append(" dbo.C").append(i).append(" AS ").append(CASES[i][0])
                    .append("\nGO\n");
            byView.put("C" + i, CASES[i]);
        }
        TranslationResult result = Translations.translate(dir, script.toString());
        assertEquals(List.of(), result.diagnostics().stream().filter(d -> d.code().startsWith("MSSQL-UNTRANSLATED"))
                .map(d -> d.format()).toList());
        TargetDialect dialect = Translations.postgres();
        List<String> wrong = new ArrayList<>();
        try (Connection c = Translations.connectToPostgres(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_clauses CASCADE");
            s.execute("CREATE SCHEMA it_clauses");
            for (String sql : ROWS) {
                s.execute(sql);
            }
            for (TranslatedModel m : result.models()) {
                String sql = m.sql();
                for (ModelReference r : m.references()) {
                    sql = sql.replace(r.placeholder(), "it_clauses." + dialect.quoteIdentifier(r.target().name()));
                }
                Object[] expected = byView.get(m.object().name());
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
                } catch (SQLException e) {
                    wrong.add(expected[0] + " failed: " + e.getMessage() + "\n    " + m.sql());
                    continue;
                }
                @SuppressWarnings("unchecked")
                List<String> want = new ArrayList<>((List<String>) expected[2]);
                if (!(Boolean) expected[1]) {
                    rows.sort(null);
                    want.sort(null);
                }
                if (!want.equals(rows)) {
                    wrong.add(expected[0] + "\n    = " + rows + "\n    SQL Server: " + want + "\n    " + m.sql());
                }
            }
            s.execute("DROP SCHEMA it_clauses CASCADE");
        }
        assertEquals(List.of(), wrong);
        assertEquals(CASES.length, result.models().size());
    }
}
