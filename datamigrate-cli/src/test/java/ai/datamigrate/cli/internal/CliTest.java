package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.cli.internal.CliRunner.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    @TempDir
    Path dir;

    private static void assertOneLineUserError(Run run, String expectedFragment) {
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.err());
        assertEquals(1, run.errLines().lines().count(), "one line expected, got: " + run.err());
        assertTrue(run.err().contains(expectedFragment), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void pluginsListsTheBundledPluginsWithWhatTheyProvide() {
        Run run = CliRunner.run("plugins");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        List<String> ids = run.out().lines().filter(l -> !l.startsWith(" ")).map(l -> l.split(" ")[0]).toList();
        assertEquals(List.of("claude", "dbt", "duckdb", "mssql", "openai", "postgres"), ids);
        assertTrue(run.out().contains("source reader mssql"), run.out());
        assertTrue(run.out().contains("LLM provider claude"), run.out());
        assertTrue(run.out().contains("LLM provider openai"), run.out());
        assertTrue(run.out().contains("--set claude.api-key=<value> (secret)"), run.out());
        assertTrue(run.out().contains("target dialect postgres"), run.out());
        assertTrue(run.out().contains("output target dbt"), run.out());
        assertTrue(run.out().contains("--set dbt.naming=snake"), run.out());
    }

    @Test
    void inspectJsonListsTheSampleTables() throws IOException {
        Run run = CliRunner.run("inspect", CliRunner.sample().toString(), "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        List<String> tables = new ArrayList<>();
        for (JsonNode schema : json.at("/database/schemas")) {
            for (JsonNode table : schema.get("tables")) {
                tables.add(schema.get("name").asText() + "." + table.at("/name/name").asText());
            }
        }
        assertEquals(List.of("dbo.Customers", "dbo.Product Categories", "dbo.Products", "dbo.PriceList",
                "sales.Orders", "sales.Order Lines", "sales.CustomerSales"), tables);
        assertEquals("LegacyShop", json.at("/database/name").asText());
    }

    @Test
    void missingEmptyAndBinaryInputsAreOneLineUserErrors() throws IOException {
        assertOneLineUserError(CliRunner.run("inspect", dir.resolve("nope.sql").toString()), "input not found");
        Path empty = Files.createFile(dir.resolve("empty.sql"));
        assertOneLineUserError(CliRunner.run("migrate", empty.toString(), "--out", dir.resolve("o").toString()),
                "empty");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        bytes[10] = 0;
        Path binary = Files.write(dir.resolve("backup.sql"), bytes);
        assertOneLineUserError(CliRunner.run("inspect", binary.toString()), "not a text file");
        assertFalse(Files.exists(dir.resolve("o")), "a failed run writes nothing");
    }

    @Test
    void badArgumentsAndConfigurationAreOneLineUserErrors() {
        assertOneLineUserError(CliRunner.run("migrate", CliRunner.sample().toString()), "--out");
        assertOneLineUserError(CliRunner.run("--set", "dbt.namig=snake", "plugins"), "known keys: dbt.naming");
        assertOneLineUserError(CliRunner.run("--set", "nosuch.key=1", "plugins"), "known namespaces:");
        // --set is read after the command as well as before it
        assertOneLineUserError(CliRunner.run("plugins", "--set", "dbt.namig=snake"), "known keys: dbt.naming");
        assertOneLineUserError(CliRunner.run("migrate", CliRunner.sample().toString(), "--out",
                dir.resolve("o").toString(), "--target", "oracle"), "available: duckdb, postgres");
        assertOneLineUserError(CliRunner.run("frobnicate"), "frobnicate");
    }

    @Test
    void settingsAfterTheCommandAreTheSameAsBefore() throws IOException {
        Path before = dir.resolve("before");
        Path after = dir.resolve("after");
        CliRunner.run("--set", "dbt.naming=preserve", "migrate", CliRunner.sample().toString(), "--out",
                before.toString());
        CliRunner.run("migrate", CliRunner.sample().toString(), "--out", after.toString(), "--set",
                "dbt.naming=preserve");
        String readme = Files.readString(after.resolve("README.md"));
        assertTrue(readme.contains("| CustomerID | identity(1, 1) |"), "source column names kept: " + readme);
        assertEquals(readme, Files.readString(before.resolve("README.md")));
    }

    @Test
    void migrateWritesTheSameBytesEveryTime() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Run run = CliRunner.run("migrate", CliRunner.sample().toString(), "--out", first.toString());
        assertTrue(run.exitCode() == ExitCode.OK || run.exitCode() == ExitCode.NEEDS_REVIEW, run.err());
        CliRunner.run("migrate", CliRunner.sample().toString(), "--out", second.toString());
        List<Path> files = files(first);
        assertEquals(files, files(second));
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)),
                    file.toString());
        }
        assertTrue(files.contains(Path.of("dbt_project.yml")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("stg_")), files.toString());
        // a second run into the same folder replaces it
        Run again = CliRunner.run("migrate", CliRunner.sample().toString(), "--out", first.toString());
        assertEquals(run.exitCode(), again.exitCode(), again.err());
    }

    @Test
    void migrateReportsWhatItSkippedAndExitsOneForReview() {
        Run run = CliRunner.run("migrate", CliRunner.sample().toString(), "--out", dir.resolve("p").toString());
        // the sample has a view and a procedure that this version does not translate yet: they need review
        assertEquals(ExitCode.NEEDS_REVIEW, run.exitCode(), run.err());
        assertTrue(run.err().lines().anyMatch(l -> l.matches(".*legacy_shop\\.sql:\\d+:\\d+: warning .*")),
                run.err());
    }

    @Test
    void collationCiRendersCaseInsensitiveComparisonsAndTheReportCountsTheLint() throws IOException {
        Path script = dir.resolve("shop.sql");
        Files.writeString(script, """
                CREATE TABLE dbo.Customers (Id int NOT NULL PRIMARY KEY, City nvarchar(20) NULL)
                GO
                CREATE VIEW dbo.Berliners AS SELECT Id FROM dbo.Customers WHERE City = 'Berlin'
                GO
                """);
        Path preserve = dir.resolve("preserve");
        Path ci = dir.resolve("ci");
        CliRunner.run("migrate", script.toString(), "--out", preserve.toString());
        Run run = CliRunner.run("migrate", script.toString(), "--out", ci.toString(), "--collation", "ci");
        assertEquals(ExitCode.OK, run.exitCode(), run.err());
        assertTrue(model(ci, "berliners").contains("LOWER("), model(ci, "berliners"));
        assertFalse(model(preserve, "berliners").contains("LOWER("), model(preserve, "berliners"));
        JsonNode byCode = new ObjectMapper().readTree(ci.resolve("migration-report.json").toFile())
                .path("summary").path("diagnostics").path("by_code");
        assertEquals(1, byCode.path("MSSQL-LINT-CI-COMPARISON").asInt(), byCode.toString());
        assertOneLineUserError(CliRunner.run("migrate", script.toString(), "--out", dir.resolve("x").toString(),
                "--collation", "upper"), "expected one of ci, cs, preserve");
    }

    private static String model(Path project, String name) throws IOException {
        try (Stream<Path> walk = Files.walk(project.resolve("models"))) {
            Path file = walk.filter(p -> p.getFileName().toString().equals(name + ".sql")).findFirst()
                    .orElseThrow(() -> new AssertionError("no model " + name + " in " + project));
            return Files.readString(file);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
