package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.cli.internal.CliRunner.Run;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code datamigrate assess} on the bundled sample, with the real plugins, and the report that migrate adds. */
class AssessCommandTest {

    private static final List<Path> REPORT = List.of(Path.of("MIGRATION_REPORT.md"), Path.of("migration-report.html"),
            Path.of("migration-report.json"));

    @TempDir
    Path dir;

    @Test
    void assessWritesExactlyTheThreeReportFilesAndExitsOneForReview() throws IOException {
        Path out = dir.resolve("assessment");
        Run run = CliRunner.run("assess", CliRunner.sample().toString(), "--out", out.toString());
        // the sample's cursor loop (sales.CloseStaleOrders) is procedural code the rules leave for review
        assertEquals(ExitCode.NEEDS_REVIEW, run.exitCode(), run.err());
        assertEquals(REPORT, files(out));
        assertEquals("", run.out(), "the summary goes to stderr");
        assertTrue(run.err().contains("assessed 15 objects of LegacyShop:"), run.err());
        assertTrue(run.err().matches("(?s).*\\d+ needs review.*"), run.err());
        assertTrue(run.err().matches("(?s).*estimated effort: \\d+\\.\\d hours.*"), run.err());
        assertTrue(run.err().contains("wrote the report to " + out.resolve("migration-report.html")), run.err());

        JsonNode json = new ObjectMapper().readTree(out.resolve("migration-report.json").toFile());
        assertEquals("assess", json.at("/header/command").asText());
        assertEquals("legacy_shop.sql", json.at("/header/input").asText());
        assertEquals("mssql", json.at("/header/source_reader").asText());
        assertEquals("postgres", json.at("/header/target").asText());
        assertTrue(json.at("/summary/effort/total_minutes").asInt() > 0, json.toString());
        assertEquals("converted", status(json, "sales", "Order Totals"), "the translator turns the view into a mart");
        assertEquals("converted_with_warnings", status(json, "dbo", "CustomerOrderCount"),
                "a parameter without a default: a var, NULL until set, and a warning");
        assertEquals("converted", status(json, "dbo", "SyncPriceList"), "a MERGE: an incremental model");
        assertEquals("needs_review", status(json, "sales", "CloseStaleOrders"));
        for (JsonNode object : json.get("objects")) {
            assertTrue(object.has("effort_minutes"), object.toString());
        }
    }

    @Test
    void theSampleReportValidatesAgainstThePublishedSchema() throws IOException {
        Path out = dir.resolve("assessment");
        CliRunner.run("assess", CliRunner.sample().toString(), "--out", out.toString());
        Path migrated = dir.resolve("project");
        CliRunner.run("migrate", CliRunner.sample().toString(), "--out", migrated.toString());
        ObjectMapper mapper = new ObjectMapper();
        var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(mapper.readTree(CliRunner.repoRoot().resolve("docs/migration-report.schema.json").toFile()));
        for (Path report : List.of(out.resolve("migration-report.json"), migrated.resolve("migration-report.json"))) {
            Set<ValidationMessage> problems = schema.validate(mapper.readTree(report.toFile()));
            assertEquals(Set.of(), problems, report.toString());
        }
    }

    @Test
    void twoAssessmentsAreByteIdenticalAndASecondOneReplacesTheFirst() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        CliRunner.run("assess", CliRunner.sample().toString(), "--out", first.toString());
        // a different spelling of the same input must not change a byte: no absolute paths in the report
        CliRunner.run("assess", CliRunner.sample().toAbsolutePath().toString(), "--out", second.toString());
        for (Path file : REPORT) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)),
                    file.toString());
            String content = Files.readString(first.resolve(file));
            assertFalse(content.contains(CliRunner.repoRoot().toAbsolutePath().toString()), file + " has a path");
        }
        Run again = CliRunner.run("assess", CliRunner.sample().toString(), "--out", first.toString());
        assertEquals(ExitCode.NEEDS_REVIEW, again.exitCode(), again.err());
        assertEquals(REPORT, files(first));
    }

    @Test
    void assessRefusesAFolderOfSomeoneElsesFiles() throws IOException {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        Run run = CliRunner.run("assess", CliRunner.sample().toString(), "--out", out.toString());
        assertEquals(ExitCode.USER_ERROR, run.exitCode(), run.err());
        assertTrue(run.err().contains("not empty"), run.err());
        assertEquals("keep me", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void assessTakesTheUsualArguments() {
        Run missingOut = CliRunner.run("assess", CliRunner.sample().toString());
        assertEquals(ExitCode.USER_ERROR, missingOut.exitCode(), missingOut.err());
        assertTrue(missingOut.err().contains("--out"), missingOut.err());
        Run badTarget = CliRunner.run("assess", CliRunner.sample().toString(), "--out", dir.resolve("x").toString(),
                "--target", "oracle");
        assertEquals(ExitCode.USER_ERROR, badTarget.exitCode(), badTarget.err());
        assertTrue(badTarget.err().contains("available: duckdb, postgres"), badTarget.err());
        assertFalse(Files.exists(dir.resolve("x")), "a failed run writes nothing");
        Run help = CliRunner.run("assess", "--help");
        assertEquals(ExitCode.OK, help.exitCode());
        assertTrue(help.out().contains("effort estimate"), help.out());
    }

    @Test
    void migrateWritesTheReportIntoTheProject() throws IOException {
        Path out = dir.resolve("project");
        Run run = CliRunner.run("migrate", CliRunner.sample().toString(), "--out", out.toString());
        assertEquals(ExitCode.NEEDS_REVIEW, run.exitCode(), run.err());
        for (Path file : REPORT) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file + " missing");
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("migration-report.json").toFile());
        assertEquals("migrate", json.at("/header/command").asText());
        assertTrue(json.at("/summary/effort").isMissingNode(), "effort only in assessments");
        String html = Files.readString(out.resolve("migration-report.html"));
        assertTrue(html.contains("<svg class=\"lineage\""));
        assertTrue(html.contains("data-name=\"dbo.Customers\""), "the sample's tables are in the graph");
    }

    private static String status(JsonNode report, String schema, String name) {
        for (JsonNode object : report.get("objects")) {
            if (object.get("schema").asText().equals(schema) && object.get("name").asText().equals(name)) {
                return object.get("status").asText();
            }
        }
        throw new AssertionError(schema + "." + name + " not in the report");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
