package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.datamigrate.cli.internal.CliRunner.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path on DuckDB, with no server: the CLI migrates a script with {@code --target duckdb}, loads its rows
 * into a DuckDB file ({@code jdbc:duckdb:FILE}), and real {@code dbt build} with dbt-duckdb runs every model and test
 * on that file. Then Northwind's translated views are compared row for row with the same views built on PostgreSQL.
 * CI ({@code CI=true}) provides dbt with dbt-duckdb and PostgreSQL, and these tests must not skip there.
 */
class DuckDbEndToEndIT {

    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));
    /** Schemas of the PostgreSQL side of the comparison, inside the configured database. */
    private static final String PG_RAW = "dm_duckcmp_raw";
    private static final String PG_ANALYTICS = "dm_duckcmp_analytics";

    /**
     * How far a decimal computed from a single-precision value may drift: a converted money value differs by at most
     * one unit in its 4th decimal, Northwind multiplies it by 100 (0.01) and sums a few such differences (0.04 seen).
     */
    private static final BigDecimal DRIFT = new BigDecimal("0.05");

    @TempDir
    Path dir;

    static Stream<Arguments> inputs() {
        // name, script, tables, rows its INSERTs hold; -1: schema only (AdventureWorks DW's data is in CSV files
        // for BULK INSERT that ../shared does not have), so dbt builds every model and test on empty tables
        return Stream.of(
                Arguments.of("legacy-shop", CliRunner.sample(), 7, 13),
                Arguments.of("northwind", CliRunner.corpus("northwind/instnwnd.sql"), 13, 3308),
                Arguments.of("pubs", CliRunner.corpus("pubs/instpubs.sql"), 11, 255),
                Arguments.of("adventureworks_dw", CliRunner.corpus("adventureworks-dw/instawdbdw.sql"), 31, -1));
    }

    private static String requiredEnv(String name, String why) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            if (CI) {
                fail(name + " is not set but CI=true: " + why + " must run in CI (.ci/run sets it)");
            }
            Assumptions.abort(name + " not set: skipping " + why + " (run .ci/run, or set it to run locally)");
        }
        return value;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void dbtDuckdbBuildsTheProjectOnTheLoadedFile(String name, Path script, int tables, int rows) throws Exception {
        if (!Files.exists(script)) {
            Assumptions.abort(script + " not present in this checkout");
        }
        String dbt = requiredEnv("DATAMIGRATE_DBT", "dbt build on DuckDB");
        Path database = dir.resolve(name + ".duckdb");
        Path project = duckdbProject(dbt, name, script, database, tables, rows);
        assertTrue(Files.isRegularFile(database));

        // the staging models really are in the file, with the rows loaded
        try (Connection connection = readOnly(database);
             Statement statement = connection.createStatement();
             ResultSet models = statement.executeQuery("select count(*) from information_schema.tables"
                     + " where table_schema = 'analytics' and table_name like 'stg_%'")) {
            models.next();
            assertEquals(tables, models.getInt(1));
        }
        assertTrue(Files.readString(project.resolve("profiles.yml.example")).contains("type: duckdb"));
    }

    /**
     * Northwind's views, translated once for each target, return the same rows on DuckDB as on PostgreSQL: every
     * translated model that dbt materialises is read whole on both and compared as a multiset of rows, value by
     * value.
     *
     * <p>One known difference is allowed, and only where it can arise: SQL Server's {@code CONVERT(money, <real
     * expression>)} (Northwind's {@code Order Details Extended} and what is built on it) becomes a cast of a
     * single-precision value to a decimal, which PostgreSQL computes from the value's 6 significant digits and DuckDB
     * from its exact binary value (as SQL Server does), so such decimals may differ in their last digits. In the
     * models that compute one ({@code AS FLOAT)} in their SQL) and the models built on them, decimal values are compared
     * to {@link #DRIFT}; every other value, and every value of the other models, must be equal.
     */
    @Test
    void northwindViewsReturnTheSameRowsOnDuckdbAsOnPostgres() throws Exception {
        Path script = CliRunner.corpus("northwind/instnwnd.sql");
        if (!Files.exists(script)) {
            Assumptions.abort(script + " not present in this checkout");
        }
        String dbt = requiredEnv("DATAMIGRATE_DBT", "dbt build on DuckDB and PostgreSQL");
        requiredEnv("DATAMIGRATE_PG_PASSWORD", "the comparison with PostgreSQL");
        Path duckFile = dir.resolve("northwind.duckdb");
        Path duckProject = duckdbProject(dbt, "northwind", script, duckFile, 13, 3308);
        Path pgProject = postgresProject(dbt, script);

        List<String> views = translatedModels(duckProject);
        assertEquals(views, translatedModels(pgProject), "the same models on both targets");
        assertTrue(views.size() >= 16, "Northwind's views: " + views);
        Set<String> approximate = floatToDecimalModels(duckProject);
        assertTrue(approximate.contains("invoices"), "the detection finds the known case: " + approximate);
        Set<String> parameterised = parameterisedModels(duckProject);
        int compared = 0;
        long rows = 0;
        long drifted = 0;
        try (Connection duck = readOnly(duckFile);
             Connection pg = DriverManager.getConnection(pgUrl(), System.getenv("DATAMIGRATE_PG_USER"),
                     System.getenv("DATAMIGRATE_PG_PASSWORD"))) {
            for (String view : views) {
                Table onDuck = read(duck, "analytics", view);
                Table onPg = read(pg, PG_ANALYTICS, view);
                assertEquals(onPg.columns(), onDuck.columns(), view + ": columns");
                assertEquals(onPg.rows().size(), onDuck.rows().size(), view + ": row count");
                // a procedure's model reads its parameters from dbt vars, unset here: NULL where there is no
                // default, so it may rightly return nothing (the same nothing on both targets)
                assertFalse(onPg.rows().isEmpty() && !parameterised.contains(view), view
                        + " returns rows, so the comparison means something");
                boolean approximateDecimals = approximate.contains(view);
                for (int r = 0; r < onPg.rows().size(); r++) {
                    List<Object> pgRow = onPg.rows().get(r);
                    List<Object> duckRow = onDuck.rows().get(r);
                    for (int c = 0; c < pgRow.size(); c++) {
                        Object expected = pgRow.get(c);
                        Object actual = duckRow.get(c);
                        if (approximateDecimals && expected instanceof BigDecimal e && actual instanceof BigDecimal a
                                && e.compareTo(a) != 0) {
                            assertTrue(e.subtract(a).abs().compareTo(DRIFT) <= 0, view + " row " + pgRow
                                    + " column " + onPg.columns().get(c) + ": " + e + " (postgres) vs " + a
                                    + " (duckdb)");
                            drifted++;
                        } else {
                            assertEquals(expected, actual, view + " row " + pgRow + " column "
                                    + onPg.columns().get(c));
                        }
                    }
                }
                compared++;
                rows += onPg.rows().size();
            }
        }
        assertTrue(approximate.size() < views.size(), "most views are compared exactly: " + approximate);
        System.out.println("duckdb vs postgres: " + compared + " Northwind views, " + rows + " rows, equal; "
                + drifted + " decimals from real-to-money conversions differ in the last digits, in "
                + approximate.size() + " views " + approximate);
    }

    /** Migrates for DuckDB, loads into {@code database}, runs dbt build; every node must pass. */
    private Path duckdbProject(String dbt, String name, Path script, Path database, int tables, int rows)
            throws Exception {
        Path project = dir.resolve(name + "-duckdb");
        Run run = CliRunner.run("migrate", script.toString(), "--target", "duckdb", "--out", project.toString());
        assertTrue(run.exitCode() == ExitCode.OK || run.exitCode() == ExitCode.NEEDS_REVIEW, run.err());
        Files.copy(project.resolve("profiles.yml.example"), project.resolve("profiles.yml"));

        Run load = rows >= 0
                ? CliRunner.run("load", script.toString(), "--target-url", "jdbc:duckdb:" + database,
                        "--reject-dir", dir.resolve("rejects-" + name).toString())
                : CliRunner.run("load", script.toString(), "--target-url", "jdbc:duckdb:" + database, "--schema-only");
        assertEquals(ExitCode.OK, load.exitCode(), load.err());
        assertTrue(load.err().contains(rows >= 0 ? "loaded " + rows + " rows into " + tables + " raw tables"
                : "created " + tables + " raw tables"), load.err());

        String build = dbt(dbt, project, "build", Map.of("DATAMIGRATE_DUCKDB_PATH", database.toString()));
        assertAllPassed(project, build, name + " on duckdb");
        return project;
    }

    /** The same migration for PostgreSQL, in schemas of its own inside the configured database. */
    private Path postgresProject(String dbt, Path script) throws Exception {
        try (Connection connection = DriverManager.getConnection(pgUrl(), System.getenv("DATAMIGRATE_PG_USER"),
                System.getenv("DATAMIGRATE_PG_PASSWORD")); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + PG_RAW + " cascade");
            statement.execute("drop schema if exists " + PG_ANALYTICS + " cascade");
        }
        Path project = dir.resolve("northwind-postgres");
        Run run = CliRunner.run("--set", "dbt.raw-schema=" + PG_RAW, "migrate", script.toString(), "--out",
                project.toString());
        assertTrue(run.exitCode() == ExitCode.OK || run.exitCode() == ExitCode.NEEDS_REVIEW, run.err());
        Files.copy(project.resolve("profiles.yml.example"), project.resolve("profiles.yml"));
        Run load = CliRunner.run("load", script.toString(), "--target-url", pgUrl(), "--schema", PG_RAW,
                "--reject-dir", dir.resolve("rejects-pg").toString());
        assertEquals(ExitCode.OK, load.exitCode(), load.err());
        String build = dbt(dbt, project, "build", Map.of("DATAMIGRATE_PG_SCHEMA", PG_ANALYTICS));
        assertAllPassed(project, build, "northwind on postgres");
        return project;
    }

    private static Connection readOnly(Path duckdbFile) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + duckdbFile, properties);
    }

    private static String pgUrl() {
        return "jdbc:postgresql://" + System.getenv("DATAMIGRATE_PG_HOST") + ":" + System.getenv("DATAMIGRATE_PG_PORT")
                + "/" + System.getenv("DATAMIGRATE_PG_DATABASE");
    }

    private static void assertAllPassed(Path project, String build, String what) throws IOException {
        JsonNode results = new ObjectMapper().readTree(project.resolve("target/run_results.json").toFile());
        assertTrue(results.get("results").size() > 0, build);
        for (JsonNode result : results.get("results")) {
            String status = result.get("status").asText();
            assertTrue(status.equals("success") || status.equals("pass"), result.get("unique_id") + " " + status
                    + "\n" + build);
        }
        build.lines().filter(l -> l.contains("Done. PASS=")).findFirst()
                .ifPresent(l -> System.out.println("dbt build " + what + ": " + l.substring(l.indexOf("Done."))));
    }

    /** The translated models (views, functions) that dbt materialised, by name, sorted. */
    private static List<String> translatedModels(Path project) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile());
        List<String> names = new ArrayList<>();
        for (Iterator<JsonNode> it = manifest.get("nodes").elements(); it.hasNext(); ) {
            JsonNode node = it.next();
            if ("model".equals(node.path("resource_type").asText()) && !node.path("name").asText().startsWith("stg_")
                    && !"ephemeral".equals(node.path("config").path("materialized").asText())) {
                names.add(node.path("alias").asText());
            }
        }
        names.sort(null);
        return names;
    }

    /** Models with dbt vars (the parameters of the procedures they came from), by {@code meta.vars}. */
    private static Set<String> parameterisedModels(Path project) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile());
        Set<String> names = new java.util.TreeSet<>();
        for (Iterator<JsonNode> it = manifest.get("nodes").elements(); it.hasNext(); ) {
            JsonNode node = it.next();
            if (node.path("config").path("meta").has("vars")) {
                names.add(node.path("alias").asText());
            }
        }
        return names;
    }

    /** Models whose SQL casts a single-precision value to a decimal, and the models built on them. */
    private static Set<String> floatToDecimalModels(Path project) throws IOException {
        JsonNode nodes = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile()).get("nodes");
        Set<String> ids = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Iterator<Map.Entry<String, JsonNode>> it = nodes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> node = it.next();
                if (ids.contains(node.getKey()) || !"model".equals(node.getValue().path("resource_type").asText())) {
                    continue;
                }
                boolean casts = node.getValue().path("raw_code").asText().contains("AS FLOAT)");
                boolean parent = false;
                for (JsonNode dependency : node.getValue().path("depends_on").path("nodes")) {
                    parent |= ids.contains(dependency.asText());
                }
                if (casts || parent) {
                    ids.add(node.getKey());
                    grew = true;
                }
            }
        }
        Set<String> names = new TreeSet<>();
        ids.forEach(id -> names.add(nodes.get(id).path("alias").asText()));
        return names;
    }

    private record Table(List<String> columns, List<List<Object>> rows) {
    }

    /** All rows of a relation as normalised text, sorted: numbers by value, strings without trailing blanks. */
    private static Table read(Connection connection, String schema, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select * from " + schema + ".\"" + name + "\"")) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(normalise(result, i, meta.getColumnType(i)));
                }
                rows.add(row);
            }
            // decimals sort by value after the other columns, so nearly equal values pair up
            rows.sort(Comparator.comparing((List<Object> row) -> row.stream().filter(v -> !(v instanceof BigDecimal))
                    .map(String::valueOf).collect(Collectors.joining(" | "))).thenComparing(row -> row.stream()
                    .filter(v -> v instanceof BigDecimal).map(v -> (BigDecimal) v).toList(), DuckDbEndToEndIT::compare));
            return new Table(columns, rows);
        }
    }

    private static int compare(List<BigDecimal> a, List<BigDecimal> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** A value as comparable Java: decimals by value (scale dropped), everything else as text. */
    private static Object normalise(ResultSet result, int index, int type) throws SQLException {
        Object value = result.getObject(index);
        if (value == null) {
            return "NULL";
        }
        return switch (type) {
            case Types.INTEGER, Types.SMALLINT, Types.BIGINT, Types.TINYINT -> Long.toString(result.getLong(index));
            case Types.NUMERIC, Types.DECIMAL -> {
                BigDecimal d = result.getBigDecimal(index);
                yield d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
            }
            case Types.REAL, Types.FLOAT -> Float.toString(result.getFloat(index));
            case Types.DOUBLE -> Double.toString(result.getDouble(index));
            case Types.DATE -> result.getObject(index, java.time.LocalDate.class).toString();
            case Types.TIMESTAMP -> result.getObject(index, java.time.LocalDateTime.class).toString();
            case Types.BOOLEAN, Types.BIT -> Boolean.toString(result.getBoolean(index));
            // SQL Server compares char values without their trailing blanks; PostgreSQL's char(n) pads them
            default -> result.getString(index).stripTrailing();
        };
    }

    private static String dbt(String dbt, Path project, String command, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(dbt, "--no-use-colors", command, "--project-dir",
                project.toString(), "--profiles-dir", project.toString())
                .directory(project.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DBT_SEND_ANONYMOUS_USAGE_STATS", "false");
        env.putAll(new HashMap<>(extraEnv));
        Path log = project.resolve("dbt-" + command + ".out");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("dbt " + command + " did not finish in 5 minutes:\n" + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), "dbt " + command + " failed:\n" + Files.readString(log));
        return Files.readString(log);
    }
}
