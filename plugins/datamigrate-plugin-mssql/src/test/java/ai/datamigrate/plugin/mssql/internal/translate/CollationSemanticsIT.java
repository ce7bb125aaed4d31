package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.translate.TranslationRequest;
import ai.datamigrate.spi.translate.TranslationResult;
import ai.datamigrate.testkit.TestPluginContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mssql.collation=ci} (the CLI's {@code --collation ci}) executed on a real PostgreSQL: comparisons of strings
 * that differ only in case return SQL Server's rows.
 *
 * <p>SQL Server's documented behaviour ("Collation and Unicode support", the {@code _CS} option): "If this option isn't
 * selected, the collation is case-insensitive. That is, SQL Server considers the uppercase and lowercase versions of
 * letters to be identical"; the default collation of a US-English installation is
 * {@code SQL_Latin1_General_CP1_CI_AS} ("Server collation" / "Set or change the server collation"). A column declared
 * {@code COLLATE Latin1_General_CS_AS} compares case-sensitively. The expected rows below follow from those rules.
 */
class CollationSemanticsIT {

    private static final String TABLES = """
            CREATE TABLE dbo.Customers (CustomerID nchar(5) NOT NULL, City nvarchar(20) NULL,
                Code varchar(10) COLLATE Latin1_General_CS_AS NULL)
            GO
            CREATE TABLE dbo.Orders (OrderID int NOT NULL, CustomerID nchar(5) NULL)
            GO
            """;

    private static final String[] ROWS = {
        "CREATE TABLE it_collation.\"Customers\" (\"CustomerID\" character(5), \"City\" varchar(20),"
            + " \"Code\" varchar(10))",
        "INSERT INTO it_collation.\"Customers\" VALUES ('ALFKI', 'Berlin', 'Abc'), ('BONAP', 'berlin', 'abc'),"
            + " ('CACTU', 'Buenos Aires', NULL)",
        "CREATE TABLE it_collation.\"Orders\" (\"OrderID\" integer, \"CustomerID\" character(5))",
        "INSERT INTO it_collation.\"Orders\" VALUES (1, 'alfki'), (2, 'ALFKI'), (3, 'Bonap'), (4, 'XXXXX')",
    };

    /** View body; the rows SQL Server returns under its default (case-insensitive) collation, sorted. */
    private static final Object[][] CASES = {
        // a join on keys that differ in case: 'alfki' = 'ALFKI' under _CI_AS
        {"SELECT o.OrderID FROM dbo.Orders o JOIN dbo.Customers c ON o.CustomerID = c.CustomerID",
            List.of("1", "2", "3")},
        {"SELECT CustomerID FROM dbo.Customers WHERE City = 'BERLIN'", List.of("ALFKI", "BONAP")},
        {"SELECT CustomerID FROM dbo.Customers WHERE City <> 'berlin'", List.of("CACTU")},
        {"SELECT CustomerID FROM dbo.Customers WHERE City LIKE 'b%n'", List.of("ALFKI", "BONAP")},
        {"SELECT CustomerID FROM dbo.Customers WHERE CustomerID IN ('alfki', 'Bonap')", List.of("ALFKI", "BONAP")},
        {"SELECT CustomerID FROM dbo.Customers WHERE City BETWEEN 'BERLIN' AND 'berlin'", List.of("ALFKI", "BONAP")},
        // a simple CASE compares as = does
        {"SELECT CustomerID, CASE City WHEN 'BERLIN' THEN 1 ELSE 0 END AS b FROM dbo.Customers",
            List.of("ALFKI|1", "BONAP|1", "CACTU|0")},
        // PARTITION BY groups 'Berlin' and 'berlin' into one partition
        {"SELECT CustomerID, COUNT(*) OVER (PARTITION BY City) AS n FROM dbo.Customers",
            List.of("ALFKI|2", "BONAP|2", "CACTU|1")},
        // the column's own case-sensitive collation: only the exact spelling matches, with or without the option
        {"SELECT CustomerID FROM dbo.Customers WHERE Code = 'abc'", List.of("BONAP")},
    };

    @TempDir
    Path dir;

    @Test
    void ciReturnsSqlServersRowsAndPreserveShowsWhatTheLintReports() throws SQLException {
        StringBuilder script = new StringBuilder(TABLES);
        for (int i = 0; i < CASES.length; i++) {
            script.append("CREATE VIEW dbo.C").append(i).append(" AS ").append(CASES[i][0]).append("\nGO\n");
        }
        var read = TestFiles.read(dir, "t.sql", script.toString());
        TargetDialect dialect = Translations.postgres();
        TranslationResult ci = new MssqlTranslatorFactory().create(Map.of(MssqlTranslatorFactory.COLLATION, "ci"),
                new TestPluginContext()).translate(new TranslationRequest(read.database(), dialect));
        TranslationResult preserve = Translations.translate(read);
        assertEquals(CASES.length, ci.models().size(), () -> ci.diagnostics().toString());
        List<String> wrong = new ArrayList<>();
        try (Connection c = Translations.connectToPostgres(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS it_collation CASCADE");
            s.execute("CREATE SCHEMA it_collation");
            for (String sql : ROWS) {
                s.execute(sql);
            }
            for (TranslatedModel m : ci.models()) {
                int i = Integer.parseInt(m.object().name().substring(1));
                @SuppressWarnings("unchecked")
                List<String> want = (List<String>) CASES[i][1];
                List<String> rows = rows(s, dialect, m);
                if (!want.equals(rows)) {
                    wrong.add(CASES[i][0] + "\n    = " + rows + "\n    SQL Server: " + want + "\n    " + m.sql());
                }
            }
            // without the option the SQL is PostgreSQL's case-sensitive comparison: the join finds one order only,
            // which is the difference MSSQL-LINT-CI-COMPARISON reports for it
            TranslatedModel join = preserve.models().stream().filter(m -> m.object().name().equals("C0"))
                    .findFirst().orElseThrow();
            assertEquals(List.of("2"), rows(s, dialect, join));
            assertTrue(preserve.diagnostics().stream().anyMatch(d -> d.code().equals(SemanticLint.CI_COMPARISON)
                    && d.object().orElseThrow().equals("dbo.C0")));
            s.execute("DROP SCHEMA it_collation CASCADE");
        }
        assertEquals(List.of(), wrong);
    }

    private static List<String> rows(Statement s, TargetDialect dialect, TranslatedModel m) throws SQLException {
        String sql = m.sql();
        for (ModelReference r : m.references()) {
            sql = sql.replace(r.placeholder(), "it_collation." + dialect.quoteIdentifier(r.target().name()));
        }
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
        }
        rows.sort(null);
        return rows;
    }
}
