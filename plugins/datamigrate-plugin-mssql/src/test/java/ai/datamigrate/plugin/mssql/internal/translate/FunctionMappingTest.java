package ai.datamigrate.plugin.mssql.internal.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.datamigrate.spi.translate.TranslationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the function table, with the PostgreSQL it renders (values are checked in FunctionSemanticsIT). */
class FunctionMappingTest {

    private static final String TABLE = "CREATE TABLE dbo.T (i int NULL, si smallint NULL, s varchar(10) NULL, "
            + "n nvarchar(10) NULL, c nchar(4) NULL, d datetime NULL, dt date NULL, m money NULL, "
            + "r real NULL, f float NULL, e decimal(9,2) NULL, b bit NULL)\nGO\n";

    /** T-SQL over dbo.T t, the PostgreSQL select item it becomes. */
    static final String[][] ROWS = {
        {"ISNULL(t.si, t.i)", "COALESCE(t.si, CAST(t.i AS SMALLINT))"},
        {"COALESCE(t.i, t.si, 0)", "COALESCE(t.i, t.si, 0)"},
        {"NULLIF(t.i, 0)", "NULLIF(t.i, 0)"},
        {"IIF(t.i > 0, 'a', 'b')", "CASE WHEN t.i > 0 THEN 'a' ELSE 'b' END"},
        {"CHOOSE(t.i, 'a', 'b')", "CASE t.i WHEN 1 THEN 'a' WHEN 2 THEN 'b' END"},
        {"LEN(t.s)", "LENGTH(RTRIM(t.s))"},
        {"DATALENGTH(t.s)", "OCTET_LENGTH(t.s)"},
        {"DATALENGTH(t.n)", "2 * CHAR_LENGTH(t.n)"},
        {"DATALENGTH(t.c)", "CASE WHEN t.c IS NULL THEN NULL ELSE 8 END"},
        {"CHARINDEX('x', t.s)", "STRPOS(t.s, 'x')"},
        {"PATINDEX('%ab%', t.s)", "STRPOS(t.s, 'ab')"},
        {"LEFT(t.s, 2)", "LEFT(t.s, 2)"},
        {"RIGHT(t.s, 2)", "RIGHT(t.s, 2)"},
        {"SUBSTRING(t.s, 2, 3)", "SUBSTRING(t.s, 2, 3)"},
        {"LTRIM(t.s)", "LTRIM(t.s)"},
        {"RTRIM(t.s)", "RTRIM(t.s)"},
        {"TRIM(t.s)", "BTRIM(t.s)"},
        {"UPPER(t.s)", "UPPER(t.s)"},
        {"LOWER(t.s)", "LOWER(t.s)"},
        {"REVERSE(t.s)", "REVERSE(t.s)"},
        {"REPLACE(t.s, 'a', 'b')", "REPLACE(t.s, 'a', 'b')"},
        {"TRANSLATE(t.s, 'ab', 'cd')", "TRANSLATE(t.s, 'ab', 'cd')"},
        {"REPLICATE(t.s, t.i)", "CASE WHEN t.i < 0 THEN NULL ELSE REPEAT(t.s, t.i) END"},
        {"SPACE(t.i)", "CASE WHEN t.i < 0 THEN NULL ELSE REPEAT(' ', t.i) END"},
        {"STUFF(t.s, 2, 1, 'x')", "CASE WHEN 2 < 1 OR 2 > LENGTH(t.s) OR 1 < 0 THEN NULL "
                + "ELSE OVERLAY(t.s PLACING COALESCE('x', '') FROM 2 FOR 1) END"},
        {"STUFF(t.s, 1, 2, '')", "SUBSTR(NULLIF(t.s, ''), 3)"},
        {"CONCAT(t.s, t.i)", "CONCAT(t.s, CAST(t.i AS VARCHAR(8000)))"},
        {"CONCAT_WS(',', t.s, t.n)", "CONCAT_WS(',', t.s, t.n)"},
        {"ASCII(t.s)", "ASCII(t.s)"},
        {"UNICODE(t.n)", "ASCII(t.n)"},
        {"CHAR(t.i)", "CHR(t.i)"},
        {"NCHAR(t.i)", "CHR(t.i)"},
        {"QUOTENAME(t.s)", "CASE WHEN LENGTH(t.s) > 128 THEN NULL ELSE '[' || REPLACE(t.s, ']', ']]') || ']' END"},
        {"STR(t.f, 6, 1)", "CASE WHEN LENGTH(CAST(ROUND(CAST(t.f AS NUMERIC(38,16)), 1) AS VARCHAR(8000))) > 6 "
                + "THEN REPEAT('*', 6) ELSE LPAD(CAST(ROUND(CAST(t.f AS NUMERIC(38,16)), 1) AS VARCHAR(8000)), 6) END"},
        {"t.s + t.c", "t.s || RPAD(t.c, 4)"},
        {"GETDATE()", "LOCALTIMESTAMP"},
        {"CURRENT_TIMESTAMP", "LOCALTIMESTAMP"},
        {"SYSDATETIME()", "LOCALTIMESTAMP"},
        {"GETUTCDATE()", "TIMEZONE('UTC', CURRENT_TIMESTAMP)"},
        {"SYSUTCDATETIME()", "TIMEZONE('UTC', CURRENT_TIMESTAMP)"},
        {"SYSDATETIMEOFFSET()", "CURRENT_TIMESTAMP"},
        {"YEAR(t.d)", "CAST(DATE_PART('year', t.d) AS INTEGER)"},
        {"MONTH(t.d)", "CAST(DATE_PART('month', t.d) AS INTEGER)"},
        {"DAY(t.d)", "CAST(DATE_PART('day', t.d) AS INTEGER)"},
        {"DATEPART(dw, t.d)", "CAST(DATE_PART('dow', t.d) + 1 AS INTEGER)"},
        {"DATENAME(month, t.d)", "TO_CHAR(t.d, 'FMMonth')"},
        {"DATETRUNC(year, t.d)", "CAST(DATE_TRUNC('year', t.d) AS TIMESTAMP(3))"},
        {"DATEADD(day, t.i, t.dt)", "CAST(t.dt + t.i * CAST('1 day' AS INTERVAL) AS DATE)"},
        {"DATEDIFF(yy, t.d, t.dt)", "CAST(DATE_PART('year', t.dt) - DATE_PART('year', t.d) AS INTEGER)"},
        {"DATEDIFF(day, t.d, t.dt)", "CAST(CAST(t.dt AS DATE) - CAST(t.d AS DATE) AS INTEGER)"},
        {"EOMONTH(t.d)", "CAST(DATE_TRUNC('month', t.d) + CAST('1 month' AS INTERVAL) - CAST('1 day' AS INTERVAL) "
                + "AS DATE)"},
        {"DATEDIFF_BIG(second, t.d, t.dt)", "CAST(DATE_PART('epoch', DATE_TRUNC('second', t.dt) - "
                + "DATE_TRUNC('second', t.d)) / 1 AS BIGINT)"},
        {"FORMAT(t.d, 'dd/MM/yyyy HH:mm')", "TO_CHAR(t.d, 'DD/MM/YYYY HH24:MI')"},
        {"DATEFROMPARTS(2024, t.i, 1)", "MAKE_DATE(2024, t.i, 1)"},
        {"DATETIMEFROMPARTS(2024, 1, 2, 3, 4, 5, 6)", "CAST(MAKE_TIMESTAMP(2024, 1, 2, 3, 4, 5 + 6 / 1000.0) "
                + "AS TIMESTAMP(3))"},
        {"SMALLDATETIMEFROMPARTS(2024, 1, 2, 3, 4)", "MAKE_TIMESTAMP(2024, 1, 2, 3, 4, 0)"},
        {"CURRENT_DATE", "CURRENT_DATE"},
        {"ABS(t.i)", "ABS(t.i)"},
        {"CEILING(t.m)", "CEIL(t.m)"},
        {"FLOOR(t.e)", "FLOOR(t.e)"},
        {"SIGN(t.i)", "CAST(SIGN(t.i) AS INTEGER)"},
        {"SQRT(t.i)", "SQRT(CAST(t.i AS DOUBLE PRECISION))"},
        {"EXP(t.f)", "EXP(t.f)"},
        {"LOG10(t.f)", "LOG10(t.f)"},
        {"SIN(t.f)", "SIN(t.f)"},
        {"COS(t.f)", "COS(t.f)"},
        {"TAN(t.f)", "TAN(t.f)"},
        {"ASIN(t.f)", "ASIN(t.f)"},
        {"ACOS(t.f)", "ACOS(t.f)"},
        {"ATAN(t.f)", "ATAN(t.f)"},
        {"COT(t.f)", "COT(t.f)"},
        {"DEGREES(t.f)", "DEGREES(t.f)"},
        {"RADIANS(t.f)", "RADIANS(t.f)"},
        {"ATN2(t.f, t.r)", "ATAN2(t.f, CAST(t.r AS DOUBLE PRECISION))"},
        {"LOG(t.f)", "LN(t.f)"},
        {"PI()", "PI()"},
        {"SQUARE(t.r)", "CAST(t.r AS DOUBLE PRECISION) * CAST(t.r AS DOUBLE PRECISION)"},
        {"POWER(t.i, 2)", "CAST(TRUNC(POWER(t.i, 2)) AS INTEGER)"},
        {"ROUND(t.m, 2)", "CAST(ROUND(t.m, 2) AS NUMERIC(19,4))"},
        {"ROUND(t.e, 1, 1)", "CAST(TRUNC(t.e, 1) AS NUMERIC(9,2))"},
        {"RAND()", "RANDOM()"},
        {"GREATEST(t.i, t.si)", "GREATEST(t.i, t.si)"},
        {"LEAST(t.i, 0)", "LEAST(t.i, 0)"},
        {"NEWID()", "GEN_RANDOM_UUID()"},
        {"CAST(t.i AS bigint)", "CAST(t.i AS BIGINT)"},
        {"CONVERT(nvarchar, t.i)", "CAST(t.i AS VARCHAR(30))"},
        {"CONVERT(varchar(10), t.d, 23)", "CAST(TO_CHAR(t.d, 'YYYY-MM-DD') AS VARCHAR(10))"},
        {"CAST(t.e AS int)", "CAST(TRUNC(t.e) AS INTEGER)"},
        {"IIF(REGEXP_LIKE(t.s, 'a.b\\d', 'i'), 1, 0)", "CASE WHEN t.s ~ '(?i)a[^\\n]b[0-9]' THEN 1 ELSE 0 END"},
        {"REGEXP_COUNT(t.s, '\\w{2}')", "REGEXP_COUNT(t.s, '[0-9A-Za-z_]{2}', 1)"},
        {"REGEXP_INSTR(t.s, 'ab', 2, 1, 1, 'c', 0)", "REGEXP_INSTR(t.s, 'ab', 2, 1, 1, '', 0)"},
        {"REGEXP_SUBSTR(t.n, '(a)b', 1, 1, 'c', 1)", "REGEXP_SUBSTR(t.n, '(a)b', 1, 1, '', 1)"},
        {"REGEXP_REPLACE(t.s, '(a)b', '\\1&')", "REGEXP_REPLACE(t.s, '(a)b', '\\1\\&', 1, 0)"},
        {"UNISTR(t.n)", "UNISTR(t.n)"},
        {"JSON_ARRAY(t.s, t.i NULL ON NULL)", "'[' || CONCAT_WS(',', COALESCE(REPLACE(CAST(TO_JSON(CAST(t.s AS TEXT)) "
                + "AS TEXT), '/', '\\/'), 'null'), COALESCE(CAST(t.i AS TEXT), 'null')) || ']'"},
        {"JSON_OBJECT('k':t.b ABSENT ON NULL)", "'{' || CONCAT_WS(',', '\"k\":' || CASE WHEN t.b THEN 'true' "
                + "WHEN NOT t.b THEN 'false' END) || '}'"},
        {"BASE64_ENCODE(0xA9, t.i)", "CASE WHEN t.i <> 0 THEN RTRIM(TRANSLATE(REPLACE(ENCODE(DECODE('a9', 'hex'), "
                + "'base64'), CHR(10), ''), '+/', '-_'), '=') ELSE REPLACE(ENCODE(DECODE('a9', 'hex'), 'base64'), "
                + "CHR(10), '') END"},
        {"BASE64_DECODE(t.s)", "DECODE(RPAD(TRANSLATE(t.s, '-_', '+/'), (LENGTH(TRANSLATE(t.s, '-_', '+/')) + 3) "
                + "/ 4 * 4, '='), 'base64')"},
        {"@@DATEFIRST", "7"},
        {"@@LANGUAGE", "'us_english'"},
        {"@@LANGID", "0"},
        {"@@MAX_PRECISION", "38"},
        {"@@SPID", "PG_BACKEND_PID()"},
        {"TRY_CAST(t.s AS int)", "CASE WHEN BTRIM(t.s, ' ') = '' THEN CAST(0 AS INTEGER) WHEN BTRIM(t.s, ' ') ~ "
                + "'^[+-]?[0-9]+$' THEN CASE WHEN CAST(BTRIM(t.s, ' ') AS NUMERIC) BETWEEN ASYMMETRIC -2147483648 AND "
                + "2147483647 THEN CAST(CAST(BTRIM(t.s, ' ') AS NUMERIC) AS INTEGER) ELSE NULL END ELSE NULL END"},
        {"TRY_CAST(t.s AS decimal(5,2))", "CASE WHEN BTRIM(t.s, ' ') ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$' "
                + "THEN CASE WHEN ABS(ROUND(CAST(BTRIM(t.s, ' ') AS NUMERIC), 2)) < 1000 THEN CAST(CAST(BTRIM(t.s, ' ') "
                + "AS NUMERIC) AS NUMERIC(5,2)) ELSE NULL END ELSE NULL END"},
        {"TRY_CAST(t.n AS float)", "CASE WHEN BTRIM(t.n, ' ') = '' THEN CAST(0 AS DOUBLE PRECISION) WHEN "
                + "BTRIM(t.n, ' ') ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$' THEN CASE WHEN "
                + "1.7976931348623157E308 < ABS(CAST(BTRIM(t.n, ' ') AS NUMERIC)) THEN NULL ELSE "
                + "CAST(CAST(BTRIM(t.n, ' ') AS NUMERIC) AS DOUBLE PRECISION) END ELSE NULL END"},
        {"TRY_CAST(t.e AS smallint)", "CASE WHEN TRUNC(t.e) BETWEEN ASYMMETRIC -32768 AND 32767 THEN "
                + "CAST(TRUNC(t.e) AS SMALLINT) ELSE NULL END"},
        {"TRY_CONVERT(varchar(10), t.d, 103)", "CAST(TO_CHAR(t.d, 'DD/MM/YYYY') AS VARCHAR(10))"},
        {"PARSE('123' AS int)", "CAST(123 AS INTEGER)"},
        {"TRY_PARSE('x' AS date)", "CAST(NULL AS DATE)"},
        {"t.m * t.r", "CAST(t.m AS REAL) * t.r"},
        {"t.d + 1", "t.d + 1 * CAST('1 day' AS INTERVAL)"},
        {"ROW_NUMBER() OVER (PARTITION BY t.s ORDER BY t.d DESC)",
            "ROW_NUMBER() OVER (PARTITION BY t.s ORDER BY t.d DESC NULLS LAST)"},
        {"RANK() OVER (ORDER BY t.i)", "RANK() OVER (ORDER BY t.i NULLS FIRST)"},
        {"DENSE_RANK() OVER (ORDER BY t.i)", "DENSE_RANK() OVER (ORDER BY t.i NULLS FIRST)"},
        {"NTILE(4) OVER (ORDER BY t.i)", "NTILE(4) OVER (ORDER BY t.i NULLS FIRST)"},
        {"CUME_DIST() OVER (ORDER BY t.i)", "CUME_DIST() OVER (ORDER BY t.i NULLS FIRST)"},
        {"PERCENT_RANK() OVER (ORDER BY t.i)", "PERCENT_RANK() OVER (ORDER BY t.i NULLS FIRST)"},
        {"LAG(t.i, 1, 0) OVER (ORDER BY t.d)", "LAG(t.i, 1, 0) OVER (ORDER BY t.d NULLS FIRST)"},
        {"LEAD(t.i) OVER (ORDER BY t.d)", "LEAD(t.i) OVER (ORDER BY t.d NULLS FIRST)"},
        {"FIRST_VALUE(t.i) OVER (ORDER BY t.d)", "FIRST_VALUE(t.i) OVER (ORDER BY t.d NULLS FIRST)"},
        {"LAST_VALUE(t.i) OVER (ORDER BY t.d ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)",
            "LAST_VALUE(t.i) OVER (ORDER BY t.d NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"},
        {"SUM(t.i) OVER (PARTITION BY t.s)", "CAST(SUM(t.i) OVER (PARTITION BY t.s) AS INTEGER)"},
        {"CURRENT_USER", "CURRENT_USER"},
        {"USER", "CURRENT_USER"},
        {"USER_NAME()", "CURRENT_USER"},
        {"SESSION_USER", "SESSION_USER"},
        {"SYSTEM_USER", "SESSION_USER"},
        {"SUSER_NAME()", "SESSION_USER"},
        {"SUSER_SNAME()", "SESSION_USER"},
        {"ORIGINAL_LOGIN()", "SESSION_USER"},
        {"DB_NAME()", "CURRENT_DATABASE()"},
        {"SCHEMA_NAME()", "CURRENT_SCHEMA()"},
        {"APP_NAME()", "CURRENT_SETTING('application_name')"},
        {"JSON_VALUE(t.s, '$.a[1].b')",
            "CASE WHEN JSON_TYPEOF(JSON_EXTRACT_PATH(CAST(t.s AS JSON), 'a', '1', 'b')) = 'object' OR"
                + " JSON_TYPEOF(JSON_EXTRACT_PATH(CAST(t.s AS JSON), 'a', '1', 'b')) = 'array' OR"
                + " LENGTH(JSON_EXTRACT_PATH_TEXT(CAST(t.s AS JSON), 'a', '1', 'b')) > 4000 THEN NULL ELSE"
                + " JSON_EXTRACT_PATH_TEXT(CAST(t.s AS JSON), 'a', '1', 'b') END"},
        {"JSON_QUERY(t.n, 'lax $.\"x y\"')",
            "CASE WHEN JSON_TYPEOF(JSON_EXTRACT_PATH(CAST(t.n AS JSON), 'x y')) = 'object' OR"
                + " JSON_TYPEOF(JSON_EXTRACT_PATH(CAST(t.n AS JSON), 'x y')) = 'array' THEN"
                + " CAST(JSON_EXTRACT_PATH(CAST(t.n AS JSON), 'x y') AS TEXT) ELSE NULL END"},
        {"STRING_ESCAPE(t.s, 'json')",
            "REPLACE(LEFT(SUBSTR(CAST(TO_JSON(CAST(t.s AS TEXT)) AS TEXT), 2), -1), '/', '\\/')"},
        {"HASHBYTES('MD5', t.s)", "DECODE(MD5(CONVERT_TO(t.s, 'WIN1252')), 'hex')"},
        {"HASHBYTES('SHA2_256', t.s)", "SHA256(CONVERT_TO(t.s, 'WIN1252'))"},
        {"HASHBYTES('SHA2_512', t.s)", "SHA512(CONVERT_TO(t.s, 'WIN1252'))"},
        {"DATETIME2FROMPARTS(2024, 1, 2, 3, 4, 5, 6, 3)",
            "CAST(MAKE_TIMESTAMP(2024, 1, 2, 3, 4, 5 + 6 / 1000.0) AS TIMESTAMP(3))"},
        {"TIMEFROMPARTS(3, 4, 5, 6, 1)", "CAST(MAKE_TIME(3, 4, 5 + 6 / 10.0) AS TIME(1))"},
        {"DATE_BUCKET(week, 2, t.d)",
            "CAST(DATE_BIN(2 * CAST('1 week' AS INTERVAL), CAST(t.d AS TIMESTAMP), CAST('1900-01-01"
                + " 00:00:00' AS TIMESTAMP)) AS TIMESTAMP(3))"},
        {"BIT_COUNT(t.i)", "BIT_COUNT(CAST(t.i AS BIT(32)))"},
        {"GET_BIT(t.i, 3)", "CAST(GET_BIT(CAST(t.i AS BIT(32)), 31 - 3) AS BOOLEAN)"},
        {"SET_BIT(t.i, 0)", "CAST(SET_BIT(CAST(t.i AS BIT(32)), 31 - 0, 1) AS INTEGER)"},
        {"LEFT_SHIFT(t.i, 5)", "CAST(BITSHIFTLEFT(CAST(t.i AS BIT(32)), 5) AS INTEGER)"},
        {"RIGHT_SHIFT(t.i, t.si)", "CAST(BITSHIFTRIGHT(CAST(t.i AS BIT(32)), "
                + "CAST(GREATEST(LEAST(t.si, 64), -64) AS INTEGER)) AS INTEGER)"},
    };

    /** Aggregates, over dbo.T t GROUP BY t.s. */
    static final String[][] AGGREGATE_ROWS = {
        {"COUNT(*)", "CAST(COUNT(*) AS INTEGER)"},
        {"COUNT(DISTINCT t.i)", "CAST(COUNT(DISTINCT t.i) AS INTEGER)"},
        {"COUNT_BIG(t.i)", "COUNT(t.i)"},
        {"APPROX_COUNT_DISTINCT(t.i)", "COUNT(DISTINCT t.i)"},
        {"SUM(t.si)", "CAST(SUM(t.si) AS INTEGER)"},
        {"SUM(t.r)", "SUM(CAST(t.r AS DOUBLE PRECISION))"},
        {"SUM(t.m)", "SUM(t.m)"},
        {"AVG(t.i)", "CAST(TRUNC(AVG(t.i)) AS INTEGER)"},
        {"AVG(t.m)", "CAST(AVG(t.m) AS NUMERIC(19,4))"},
        {"AVG(t.f)", "AVG(t.f)"},
        {"MIN(t.d)", "MIN(t.d)"},
        {"MAX(t.s)", "MAX(t.s)"},
        {"STDEV(t.i)", "STDDEV_SAMP(CAST(t.i AS DOUBLE PRECISION))"},
        {"STDEVP(t.i)", "STDDEV_POP(CAST(t.i AS DOUBLE PRECISION))"},
        {"VAR(t.i)", "VAR_SAMP(CAST(t.i AS DOUBLE PRECISION))"},
        {"VARP(t.i)", "VAR_POP(CAST(t.i AS DOUBLE PRECISION))"},
        {"STRING_AGG(t.s, ',')", "STRING_AGG(t.s, ',')"},
        {"STRING_AGG(t.s, ',') WITHIN GROUP (ORDER BY t.i DESC)", "STRING_AGG(t.s, ',' ORDER BY t.i DESC NULLS LAST)"},
        {"GROUPING(t.s)", "GROUPING(t.s)"},
        {"GROUPING_ID(t.s)", "GROUPING(t.s)"},
        {"APPROX_PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY t.i)", "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY t.i)"},
        {"APPROX_PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY t.i DESC)",
            "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY t.i DESC)"},
    };

    @TempDir
    Path dir;

    private List<String> translate(String[][] rows, String suffix) {
        StringBuilder script = new StringBuilder(TABLE);
        for (int i = 0; i < rows.length; i++) {
            script.append("CREATE VIEW dbo.V").append(String.format(Locale.ROOT, "%03d", i)).append(" AS SELECT ")
                    .append(rows[i][0]).append(" AS x FROM dbo.T t").append(suffix).append("\nGO\n");
        }
        TranslationResult r = Translations.translate(dir, script.toString());
        assertEquals(List.of(), r.diagnostics().stream().filter(d -> d.code().startsWith("MSSQL-UNTRANSLATED"))
                .map(d -> d.format()).toList());
        List<String> out = new ArrayList<>();
        for (var m : r.models()) {
            String sql = m.sql();
            out.add(sql.substring("SELECT ".length(), sql.indexOf(" AS x\nFROM")));
        }
        return out;
    }

    @Test
    void scalarAndWindowFunctions() {
        List<String> actual = translate(ROWS, "");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < ROWS.length; i++) {
            if (!ROWS[i][1].equals(actual.get(i))) {
                wrong.add(ROWS[i][0] + " -> " + actual.get(i));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aggregates() {
        List<String> actual = translate(AGGREGATE_ROWS, " GROUP BY t.s");
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < AGGREGATE_ROWS.length; i++) {
            if (!AGGREGATE_ROWS[i][1].equals(actual.get(i))) {
                wrong.add(AGGREGATE_ROWS[i][0] + " -> " + actual.get(i));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyRuleIsCoveredHere() {
        Set<String> covered = new TreeSet<>();
        for (String[][] rows : List.of(ROWS, AGGREGATE_ROWS, new String[][] {{"DATEPART(", ""}, {"DATENAME(", ""},
            {"REGEXP_LIKE(", ""}, {"STRING_SPLIT(", ""}, {"GENERATE_SERIES(", ""}},
                reportedRows())) {
            for (String[] row : rows) {
                String call = row[0].toUpperCase(Locale.ROOT);
                covered.add(call.contains("(") ? call.substring(0, call.indexOf('(')).trim() : call.trim());
            }
        }
        Set<String> rules = new TreeSet<>(new BuiltinFunctions(new QueryConverter(null, Translations.postgres()))
                .names());
        rules.removeAll(covered);
        assertEquals(Set.of(), rules);
    }

    private static String[][] reportedRows() {
        return new BuiltinFunctions(new QueryConverter(null, Translations.postgres())).reported().keySet().stream()
                .map(name -> new String[] {call(name), ""}).toArray(String[][]::new);
    }

    /** A call of a reported function; the @@ configuration functions take no parentheses. */
    private static String call(String name) {
        return name.startsWith("@@") ? name : name + "(t.i)";
    }

    /** The functions in the table only to be reported: each gives MSSQL-UNTRANSLATED-FUNCTION with its reason. */
    @Test
    void reportedFunctionsAreReportedWithTheirReason() {
        var reported = new BuiltinFunctions(new QueryConverter(null, Translations.postgres())).reported();
        StringBuilder script = new StringBuilder(TABLE);
        List<String> names = new ArrayList<>(reported.keySet());
        for (int i = 0; i < names.size(); i++) {
            script.append("CREATE VIEW dbo.R").append(String.format(Locale.ROOT, "%03d", i)).append(" AS SELECT ")
                    .append(call(names.get(i))).append(" AS x FROM dbo.T t\nGO\n");
        }
        TranslationResult r = Translations.translate(dir, script.toString());
        assertEquals(List.of(), r.models());
        for (String name : names) {
            assertEquals(1, r.diagnostics().stream().filter(d -> d.code().equals("MSSQL-UNTRANSLATED-FUNCTION")
                    && d.message().contains(": " + name + ": " + reported.get(name))).count(), name);
        }
    }

    @Test
    void ruleCount() {
        BuiltinFunctions functions = new BuiltinFunctions(new QueryConverter(null, Translations.postgres()));
        assertEquals(150, functions.translated().size());
        assertEquals(68, functions.reported().size());
        assertEquals(218, functions.names().size());
    }
}
