package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.mssql.internal.TestFiles;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.translate.TranslationRequest;
import ai.datamigrate.spi.translate.TranslationResult;
import ai.datamigrate.testkit.TestPluginContext;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One positive and one negative case per lint code, on small views; and what {@code mssql.collation} renders. */
class SemanticLintTest {

    private static final String TABLES = """
            CREATE TABLE dbo.T (Id int NOT NULL, Qty smallint NULL, Name nvarchar(40) NULL, Code nchar(5) NULL,
                Cs varchar(20) COLLATE Latin1_General_CS_AS NULL, Ci varchar(20) COLLATE Latin1_General_CI_AS NULL,
                Price decimal(10,2) NULL, Freight money NULL, Ratio float NULL, At datetime NULL,
                At2 datetime2 NULL, Day date NULL)
            GO
            """;

    @TempDir
    Path dir;

    private TranslationResult translate(String mode, String select) {
        var read = TestFiles.read(dir, "t.sql", TABLES + "CREATE VIEW dbo.V AS\n" + select + "\nGO\n");
        TranslationResult r = new MssqlTranslatorFactory().create(Map.of(MssqlTranslatorFactory.COLLATION, mode),
                new TestPluginContext()).translate(new TranslationRequest(read.database(), Translations.postgres()));
        assertEquals(1, r.models().size(), () -> "not translated: " + r.diagnostics());
        return r;
    }

    private List<Diagnostic> lint(String select) {
        return lint("preserve", select);
    }

    private List<Diagnostic> lint(String mode, String select) {
        return translate(mode, select).diagnostics().stream().filter(d -> d.code().startsWith("MSSQL-LINT")).toList();
    }

    private static List<String> codes(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::code).toList();
    }

    private static final String FROM_T = "SELECT \"T\".\"Id\"\nFROM __dm_rel_1__ AS \"T\"\n";

    private String sql(String mode, String select) {
        return translate(mode, select).models().get(0).sql();
    }

    // ---------------------------------------------------------------- case-insensitive comparisons

    @Test
    void stringEqualityUnderTheDefaultCollationIsFlaggedWithItsPlace() {
        List<Diagnostic> d = lint("SELECT Id FROM dbo.T WHERE Name = 'Abc'");
        assertEquals(List.of(SemanticLint.CI_COMPARISON, SemanticLint.TRAILING_SPACES), codes(d));
        assertEquals(Severity.INFO, d.get(0).severity());
        assertEquals("dbo.V", d.get(0).object().orElseThrow());
        // the view starts on line 6 of t.sql; the comparison at column 28 of its SELECT line
        assertTrue(d.get(0).location().toString().endsWith("t.sql:7:28"), d.get(0).location().toString());
        assertTrue(d.get(0).message().contains("SQL unchanged"), d.get(0).message());
    }

    @Test
    void preserveKeepsTheSqlAndCiLowersBothSides() {
        String select = "SELECT Id FROM dbo.T WHERE Name = 'Abc' OR Name <> Ci";
        assertEquals(FROM_T + "WHERE \"T\".\"Name\" = 'Abc' OR \"T\".\"Name\" <> "
                + "\"T\".\"Ci\"", sql("preserve", select));
        assertEquals(FROM_T + "WHERE LOWER(\"T\".\"Name\") = 'abc' OR "
                + "LOWER(\"T\".\"Name\") <> LOWER(\"T\".\"Ci\")", sql("ci", select));
        assertTrue(lint("ci", select).get(0).message().contains("rendered with lower()"));
    }

    @Test
    void comparisonsThatCannotDifferByCaseAreNotFlagged() {
        // no letters in the literal, numbers, NULL, two literals
        assertEquals(List.of(), codes(lint("SELECT Id FROM dbo.T WHERE Code = '12345' AND Id = 3 AND Qty > 2")));
        assertEquals(List.of(), codes(lint("SELECT Id FROM dbo.T WHERE 'a' = 'A'")));
        assertFalse(codes(lint("SELECT Id FROM dbo.T WHERE Name LIKE '%'")).contains(SemanticLint.CI_COMPARISON));
    }

    @Test
    void aCaseSensitiveColumnCollationIsNotFlaggedAndCsModeFlagsOnlyDeclaredCiColumns() {
        assertFalse(codes(lint("SELECT Id FROM dbo.T WHERE Cs = 'Abc'")).contains(SemanticLint.CI_COMPARISON));
        assertEquals(FROM_T + "WHERE \"T\".\"Cs\" = 'Abc'",
                sql("ci", "SELECT Id FROM dbo.T WHERE Cs = 'Abc'"));
        // --collation cs: the database default is case-sensitive; the column declared _CI_AS still is not
        assertFalse(codes(lint("cs", "SELECT Id FROM dbo.T WHERE Name = 'Abc'")).contains(SemanticLint.CI_COMPARISON));
        List<Diagnostic> ci = lint("cs", "SELECT Id FROM dbo.T WHERE Ci = 'Abc'");
        assertTrue(codes(ci).contains(SemanticLint.CI_COMPARISON));
        assertTrue(ci.get(0).message().contains("Latin1_General_CI_AS"), ci.get(0).message());
    }

    @Test
    void likeAndInAndBetween() {
        assertEquals(List.of(SemanticLint.CI_COMPARISON), codes(lint("SELECT Id FROM dbo.T WHERE Name LIKE 'a%'")));
        assertEquals(FROM_T + "WHERE LOWER(\"T\".\"Name\") LIKE 'a%'",
                sql("ci", "SELECT Id FROM dbo.T WHERE Name LIKE 'A%'"));
        assertEquals(FROM_T + "WHERE LOWER(\"T\".\"Code\") IN ('alfki', '12345')",
                sql("ci", "SELECT Id FROM dbo.T WHERE Code IN ('ALFKI', '12345')"));
        assertEquals(List.of(), codes(lint("SELECT Id FROM dbo.T WHERE Code IN ('12345', '67890')")));
        assertEquals(FROM_T + "WHERE LOWER(\"T\".\"Code\") BETWEEN ASYMMETRIC 'a' AND 'm'",
                sql("ci", "SELECT Id FROM dbo.T WHERE Code BETWEEN 'A' AND 'M'"));
    }

    @Test
    void simpleCaseComparesLikeEquals() {
        String select = "SELECT CASE Code WHEN 'Abc' THEN 1 WHEN '12345' THEN 2 END AS k FROM dbo.T";
        assertEquals(List.of(SemanticLint.CI_COMPARISON), codes(lint(select)));
        assertTrue(sql("ci", select).contains("CASE LOWER(\"T\".\"Code\") WHEN 'abc' THEN 1 WHEN '12345' THEN 2"),
                sql("ci", select));
        assertEquals(List.of(), codes(lint("SELECT CASE Code WHEN '1' THEN 1 END AS k, CASE Id WHEN 1 THEN 'A' END "
                + "AS j FROM dbo.T")));
    }

    @Test
    void anExplicitCollateDecidesAndIsReportedAsDropped() {
        List<Diagnostic> cs = lint("SELECT Id FROM dbo.T WHERE Name COLLATE Latin1_General_CS_AS = 'Abc'");
        assertEquals(List.of(SemanticLint.COLLATE_DROPPED, SemanticLint.TRAILING_SPACES), codes(cs));
        // an explicit _CI_ collation on a case-sensitive column wins (SQL Server's collation precedence)
        assertTrue(codes(lint("SELECT Id FROM dbo.T WHERE Cs = 'Abc' COLLATE SQL_Latin1_General_CP1_CI_AS"))
                .contains(SemanticLint.CI_COMPARISON));
    }

    // ---------------------------------------------------------------- grouping and ordering

    @Test
    void distinctOnStringsOnly() {
        List<Diagnostic> d = lint("SELECT DISTINCT Name, Id FROM dbo.T");
        assertEquals(List.of(SemanticLint.CI_DISTINCT), codes(d));
        assertTrue(d.get(0).message().contains("(Name)"), d.get(0).message());
        assertEquals(List.of(), codes(lint("SELECT DISTINCT Id, Qty FROM dbo.T")));
        assertEquals(List.of(), codes(lint("SELECT DISTINCT Cs FROM dbo.T")));
    }

    @Test
    void groupByOnceperClause() {
        List<Diagnostic> d = lint("SELECT Name, Code, COUNT(*) AS n FROM dbo.T GROUP BY Name, Code");
        assertEquals(List.of(SemanticLint.CI_GROUP_BY), codes(d));
        assertTrue(d.get(0).message().contains("2 string keys"), d.get(0).message());
        assertEquals(List.of(), codes(lint("SELECT Id, COUNT(*) AS n FROM dbo.T GROUP BY Id")));
    }

    @Test
    void partitionByIsGroupingAndCiLowersIt() {
        String select = "SELECT Id, ROW_NUMBER() OVER (PARTITION BY Name ORDER BY Id) AS r FROM dbo.T";
        assertEquals(List.of(SemanticLint.CI_GROUP_BY), codes(lint(select)));
        assertTrue(sql("ci", select).contains("PARTITION BY LOWER(\"T\".\"Name\") ORDER BY \"T\".\"Id\""),
                sql("ci", select));
        assertEquals(List.of(), codes(lint("SELECT Id, ROW_NUMBER() OVER (PARTITION BY Qty ORDER BY Id) AS r "
                + "FROM dbo.T")));
    }

    @Test
    void unionButNotUnionAll() {
        assertEquals(List.of(SemanticLint.CI_SET_OPERATION), codes(lint("SELECT Name FROM dbo.T UNION "
                + "SELECT Code FROM dbo.T")));
        assertEquals(List.of(), codes(lint("SELECT Name FROM dbo.T UNION ALL SELECT Code FROM dbo.T")));
        assertEquals(List.of(), codes(lint("SELECT Id FROM dbo.T UNION SELECT Qty FROM dbo.T")));
    }

    @Test
    void orderByThatPicksRowsButNotOneThatIsDropped() {
        String top = "SELECT TOP 3 Id FROM dbo.T ORDER BY Name DESC, Id";
        assertEquals(List.of(SemanticLint.CI_ORDER_BY), codes(lint(top)));
        assertTrue(sql("ci", top).endsWith("ORDER BY LOWER(\"T\".\"Name\") DESC NULLS LAST, \"Id\" NULLS FIRST"
                + "\nFETCH NEXT 3 ROWS ONLY"), sql("ci", top));
        assertEquals(List.of(), codes(lint("SELECT TOP 3 Id FROM dbo.T ORDER BY Id")));
        // without TOP the ORDER BY of a view is dropped: nothing to differ
        assertEquals(List.of(), codes(lint("SELECT Id, Name FROM dbo.T ORDER BY Name")));
    }

    // ---------------------------------------------------------------- trailing spaces

    @Test
    void trailingSpacesWhereAVariableLengthStringIsCompared() {
        assertTrue(codes(lint("SELECT Id FROM dbo.T WHERE Name = Ci")).contains(SemanticLint.TRAILING_SPACES));
        // nchar(5) against a literal: PostgreSQL's character(n) ignores trailing spaces as SQL Server does
        assertFalse(codes(lint("SELECT Id FROM dbo.T WHERE Code = 'ALFKI'")).contains(SemanticLint.TRAILING_SPACES));
        // LIKE is not padded in SQL Server either
        assertFalse(codes(lint("SELECT Id FROM dbo.T WHERE Name LIKE 'a%'")).contains(SemanticLint.TRAILING_SPACES));
    }

    // ---------------------------------------------------------------- datetime

    @Test
    void aDatetimeLiteralThatSqlServerRoundsIsAWarningWithTheRoundedValue() {
        List<Diagnostic> d = lint("SELECT Id FROM dbo.T WHERE At <= '2024-01-01 23:59:59.999'");
        assertEquals(List.of(SemanticLint.DATETIME_ROUNDING), codes(d));
        assertEquals(Severity.WARNING, d.get(0).severity());
        assertTrue(d.get(0).message().contains("2024-01-02 00:00:00.000"), d.get(0).message());
        // .003 is on SQL Server's 1/300 s grid; datetime2 keeps 100 ns
        assertEquals(List.of(), codes(lint("SELECT Id FROM dbo.T WHERE At <= '2024-01-01 23:59:59.997'")));
        assertEquals(List.of(), codes(lint("SELECT Id FROM dbo.T WHERE At2 <= '2024-01-01 23:59:59.999'")));
    }

    @Test
    void castToDatetimeOfAFinerValue() {
        List<Diagnostic> d = lint("SELECT CAST(At2 AS datetime) AS a FROM dbo.T");
        assertEquals(List.of(SemanticLint.DATETIME_ROUNDING), codes(d));
        assertEquals(Severity.INFO, d.get(0).severity());
        assertEquals(List.of(), codes(lint("SELECT CAST(Day AS datetime) AS a FROM dbo.T")));
    }

    /** The rounding table of "datetime (Transact-SQL)": .990-.991 → .990, .992-.994 → .993, .995-.998 → .997. */
    @Test
    void datetimeRoundingFollowsTheDocumentedTable() {
        LocalDateTime base = LocalDateTime.of(1998, 1, 1, 23, 59, 59);
        int[][] table = {{990, 990}, {991, 990}, {992, 993}, {993, 993}, {994, 993}, {995, 997}, {996, 997},
            {997, 997}, {998, 997}};
        for (int[] row : table) {
            assertEquals(base.plusNanos(row[1] * 1_000_000L), SemanticLint.roundToDatetime(
                    base.plusNanos(row[0] * 1_000_000L)), () -> "." + row[0]);
        }
        assertEquals(LocalDateTime.of(1998, 1, 2, 0, 0), SemanticLint.roundToDatetime(base.plusNanos(999_000_000L)));
    }

    // ---------------------------------------------------------------- arithmetic

    @Test
    void approximateAndExactArithmetic() {
        assertEquals(List.of(SemanticLint.APPROXIMATE_ARITHMETIC), codes(lint("SELECT Freight * Ratio AS x "
                + "FROM dbo.T")));
        assertEquals(List.of(), codes(lint("SELECT Id * Ratio AS x, Freight * Qty AS y FROM dbo.T")));
    }

    @Test
    void decimalDivision() {
        assertEquals(List.of(SemanticLint.DECIMAL_DIVISION), codes(lint("SELECT Price / 3 AS x FROM dbo.T")));
        assertEquals(List.of(), codes(lint("SELECT Price * 3 AS x, Price - Price AS y FROM dbo.T")));
    }

    @Test
    void integerDivisionWhereTheTypesDiffer() {
        // 3000000000 is beyond int: a decimal in SQL Server (no truncation), a bigint in PostgreSQL
        assertEquals(List.of(SemanticLint.INTEGER_DIVISION), codes(lint("SELECT Qty / 3000000000 AS x FROM dbo.T")));
        // both integers on both systems: truncated alike
        assertEquals(List.of(), codes(lint("SELECT Qty / 2 AS x, Id / LEN(Name) AS y, COUNT(*) / 2 AS z "
                + "FROM dbo.T GROUP BY Qty, Id, Name")).stream().filter(c -> c.equals(SemanticLint.INTEGER_DIVISION))
                .toList());
    }

    // ---------------------------------------------------------------- one per site, and the option

    @Test
    void oneFindingPerSiteAndCode() {
        // TOP ... WITH TIES converts its ORDER BY keys twice; the site is reported once
        List<Diagnostic> d = lint("SELECT TOP 2 WITH TIES Id FROM dbo.T ORDER BY Name");
        assertEquals(List.of(SemanticLint.CI_ORDER_BY), codes(d));
    }

    @Test
    void anUnknownCollationOptionIsAUserError() {
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> new MssqlTranslatorFactory()
                .create(Map.of(MssqlTranslatorFactory.COLLATION, "upper"), new TestPluginContext()));
        assertTrue(e.getMessage().contains("expected one of ci, cs, preserve"), e.getMessage());
    }

    @Test
    void collationNames() {
        assertTrue(SemanticLint.caseInsensitive("SQL_Latin1_General_CP1_CI_AS"));
        assertTrue(SemanticLint.caseInsensitive("Latin1_General_100_CI_AS_SC_UTF8"));
        assertFalse(SemanticLint.caseInsensitive("Latin1_General_CS_AS"));
        assertFalse(SemanticLint.caseInsensitive("Latin1_General_BIN2"));
    }
}
