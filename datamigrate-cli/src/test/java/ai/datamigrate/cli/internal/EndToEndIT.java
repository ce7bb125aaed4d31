package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.datamigrate.cli.internal.CliRunner.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path with real parts: the CLI migrates a script, real dbt parses and compiles the project, the CLI
 * loads the script's rows into raw tables of a fresh PostgreSQL database (verified), and real {@code dbt build}
 * runs every model and every generated test on that data. CI ({@code CI=true}) provides dbt and PostgreSQL and these tests must not
 * skip there; on a laptop without them they skip and say why.
 */
class EndToEndIT {

    private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

    @TempDir
    Path dir;

    static Stream<Arguments> inputs() {
        List<Arguments> inputs = new ArrayList<>();
        // name, script, tables, rows its INSERTs hold; AdventureWorks DW ships its data as CSV files for BULK INSERT
        // that ../shared does not have (and one row from SERVERPROPERTY()), so its raw tables are created empty: -1
        inputs.add(Arguments.of("legacy-shop", CliRunner.sample(), 7, 13));
        // Microsoft's sample databases, when this checkout has ../shared beside it
        inputs.add(Arguments.of("northwind", CliRunner.corpus("northwind/instnwnd.sql"), 13, 3308));
        inputs.add(Arguments.of("pubs", CliRunner.corpus("pubs/instpubs.sql"), 11, 255));
        inputs.add(Arguments.of("adventureworks_dw", CliRunner.corpus("adventureworks-dw/instawdbdw.sql"), 31, -1));
        return inputs.stream();
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
    void dbtBuildsTheGeneratedProjectOnTheLoadedData(String name, Path script, int tables, int rows) throws Exception {
        if (!Files.exists(script)) {
            Assumptions.abort(script + " not present in this checkout");
        }
        String dbt = requiredEnv("DATAMIGRATE_DBT", "dbt parse/compile");
        requiredEnv("DATAMIGRATE_PG_PASSWORD", "dbt compile against PostgreSQL");

        Path project = dir.resolve(name);
        Run run = CliRunner.run("migrate", script.toString(), "--out", project.toString());
        assertTrue(run.exitCode() == ExitCode.OK || run.exitCode() == ExitCode.NEEDS_REVIEW, run.err());
        Files.copy(project.resolve("profiles.yml.example"), project.resolve("profiles.yml"));

        dbt(dbt, project, "parse", Map.of());
        JsonNode manifest = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile());
        long models = count(manifest.get("nodes"), "model");
        long staging = 0;
        for (Iterator<JsonNode> it = manifest.get("nodes").elements(); it.hasNext(); ) {
            JsonNode node = it.next();
            if ("model".equals(node.path("resource_type").asText()) && node.path("name").asText().startsWith("stg_")) {
                staging++;
            }
        }
        long tests = count(manifest.get("nodes"), "test");
        assertEquals(tables, staging, "one staging model per table");
        assertTrue(models >= staging, "translated views and routines add marts and intermediate models");
        assertEquals(tables, count(manifest.get("sources"), "source"), "one source table per table");
        assertTrue(tests >= tables, "tests from the keys: " + tests);

        String database = "dm_it_" + name.replace('-', '_');
        recreateDatabase(database);
        Map<String, String> env = Map.of("DATAMIGRATE_PG_DATABASE", database);
        dbt(dbt, project, "compile", env);
        try (Stream<Path> compiled = Files.walk(project.resolve("target/compiled"))) {
            assertTrue(compiled.filter(p -> p.getFileName().toString().startsWith("stg_")).count() >= tables);
        }

        String url = "jdbc:postgresql://" + System.getenv("DATAMIGRATE_PG_HOST") + ":"
                + System.getenv("DATAMIGRATE_PG_PORT") + "/" + database;
        boolean withData = rows >= 0;
        Run load = withData
                ? CliRunner.run("load", script.toString(), "--target-url", url, "--reject-dir",
                        dir.resolve("rejects").toString())
                : CliRunner.run("load", script.toString(), "--target-url", url, "--schema-only");
        assertEquals(ExitCode.OK, load.exitCode(), load.err());
        assertTrue(load.err().contains(withData ? "loaded " + rows + " rows into " + tables + " raw tables"
                : "created " + tables + " raw tables"), load.err());
        assertFalse(load.err().contains(System.getenv("DATAMIGRATE_PG_PASSWORD")), "password leaked: " + load.err());

        String build = dbt(dbt, project, "build", env);
        JsonNode results = new ObjectMapper().readTree(project.resolve("target/run_results.json").toFile());
        long passed = 0;
        for (JsonNode result : results.get("results")) {
            String status = result.get("status").asText();
            assertTrue(status.equals("success") || status.equals("pass"), result.get("unique_id") + " " + status
                    + "\n" + build);
            passed++;
        }
        assertEquals(models + tests, passed, "every model and test ran");
        // dbt's own summary line, so that CI's log shows the PASS/ERROR counts of every input
        build.lines().filter(l -> l.contains("Done. PASS=")).findFirst()
                .ifPresent(l -> System.out.println("dbt build " + name + ": " + l.substring(l.indexOf("Done."))));
    }

    private static void recreateDatabase(String database) throws SQLException {
        String url = "jdbc:postgresql://" + System.getenv("DATAMIGRATE_PG_HOST") + ":" + System.getenv("DATAMIGRATE_PG_PORT")
                + "/" + System.getenv("DATAMIGRATE_PG_DATABASE");
        try (Connection connection = DriverManager.getConnection(url, System.getenv("DATAMIGRATE_PG_USER"),
                System.getenv("DATAMIGRATE_PG_PASSWORD")); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database);
            statement.execute("create database " + database);
        }
    }

    private static long count(JsonNode nodes, String resourceType) {
        long n = 0;
        for (Iterator<JsonNode> it = nodes.elements(); it.hasNext(); ) {
            if (resourceType.equals(it.next().path("resource_type").asText())) {
                n++;
            }
        }
        return n;
    }

    private static String dbt(String dbt, Path project, String command, Map<String, String> extraEnv)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(dbt, "--no-use-colors", command, "--project-dir",
                project.toString(), "--profiles-dir", project.toString())
                .directory(project.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("DBT_SEND_ANONYMOUS_USAGE_STATS", "false");
        env.putAll(extraEnv);
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
