package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.testkit.llm.ScriptedLlmPlugin;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration with the LLM killed with SIGKILL in the middle of its LLM work leaves no output folder, and
 * {@code --resume} finishes it with the same project an uninterrupted run writes, without paying any LLM call twice.
 * The CLI runs as a separate JVM with the scripted provider's plugin added to its class path.
 */
class ResumeAfterKillIT {

    @TempDir
    Path dir;

    @Test
    void aKilledRunResumesToTheSameOutputWithoutPayingTwice() throws Exception {
        Path script = CliRunner.corpus("northwind/instnwnd.sql");
        if (!Files.exists(script)) {
            Assumptions.abort(script + " not present in this checkout");
        }
        Path reference = answers("reference");
        Process uninterrupted = cli(script, dir.resolve("out-ref"), dir.resolve("cache-ref"), reference, 0, false);
        assertTrue(uninterrupted.waitFor(3, TimeUnit.MINUTES), "timed out");
        int referenceExit = uninterrupted.exitValue();
        assertTrue(referenceExit == ExitCode.OK || referenceExit == ExitCode.NEEDS_REVIEW, output(uninterrupted));
        int paidOnce = calls(reference);
        // parse-only checks (no --validate-url): CustOrdersOrders and CustOrderHist take two attempts, the rest one
        assertEquals(8, paidOnce, "the scripted Northwind answers take 8 attempts in all");

        Path answers = answers("killed");
        Path out = dir.resolve("out");
        Process killed = cli(script, out, dir.resolve("cache"), answers, 700, false);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (calls(answers) < 3 && killed.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(killed.isAlive(), "the run ended before it could be killed: " + output(killed));
        killed.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
        assertTrue(killed.waitFor(1, TimeUnit.MINUTES));
        int paidBeforeKill = calls(answers);
        assertTrue(paidBeforeKill >= 3 && paidBeforeKill < paidOnce, "killed after " + paidBeforeKill + " calls");
        assertFalse(Files.exists(out), "a killed run leaves no output folder");
        Path state = dir.resolve(".out.datamigrate-run").resolve("state.json");
        assertTrue(Files.exists(state), "the run's state was checkpointed");

        Process resumed = cli(script, out, dir.resolve("cache"), answers, 0, true);
        assertTrue(resumed.waitFor(3, TimeUnit.MINUTES), "timed out");
        assertEquals(referenceExit, resumed.exitValue(), output(resumed));
        assertEquals(paidOnce, calls(answers), "every LLM call was paid exactly once across the two processes");
        assertFalse(Files.exists(state.getParent()), "a finished run removes its state");

        List<String> expected = files(dir.resolve("out-ref"));
        assertEquals(expected, files(out));
        for (String file : expected) {
            if (file.startsWith("migration-report") || file.equals("MIGRATION_REPORT.md")
                    || file.equals(".datamigrate/manifest.json")) {
                continue; // the reports count calls paid and cache hits, which differ by design (and so their hashes)
            }
            assertEquals(Files.readString(dir.resolve("out-ref").resolve(file)), Files.readString(out.resolve(file)),
                    file);
        }
    }

    private Path answers(String name) throws IOException {
        Path source = CliRunner.repoRoot().resolve("datamigrate-cli/src/test/resources/llm-script/northwind");
        Path copy = Files.createDirectories(dir.resolve("answers-" + name));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static int calls(Path answers) throws IOException {
        Path log = answers.resolve("calls.log");
        return Files.exists(log) ? (int) Files.readAllLines(log).stream().filter(l -> !l.isBlank()).count() : 0;
    }

    private Process cli(Path script, Path out, Path cache, Path answers, int delayMillis, boolean resume)
            throws IOException, URISyntaxException {
        Path target = CliRunner.repoRoot().resolve("datamigrate-cli/target");
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> files = Files.list(target)) {
            files.filter(p -> p.getFileName().toString().matches("datamigrate-cli-.*\\.jar")
                    && !p.getFileName().toString().contains("tests")).forEach(p -> classPath.add(p.toString()));
        }
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            libs.sorted().forEach(p -> classPath.add(p.toString()));
        }
        classPath.add(Path.of(ScriptedLlmPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString());
        Path services = dir.resolve("services/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("ai.datamigrate.spi.plugin.DataMigratePlugin"),
                ScriptedLlmPlugin.class.getName() + "\n");
        classPath.add(dir.resolve("services").toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", String.join(File.pathSeparator, classPath), "ai.datamigrate.cli.Main",
                "--set", "scripted.dir=" + answers, "--set", "scripted.delay-ms=" + delayMillis,
                // rules would turn the procedures with parameters into models; the LLM is what this test resumes
                "--set", "mssql.parameters=review",
                "migrate", script.toString(), "--out", out.toString(), "--llm", "scripted", "--llm-cache",
                cache.toString(), "--jobs", "1"));
        if (resume) {
            command.add("--resume");
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli-" + out.getFileName() + (resume ? "-resume" : "") + ".log").toFile())
                .start();
    }

    private String output(Process process) {
        try (Stream<Path> logs = Files.list(dir)) {
            StringBuilder all = new StringBuilder();
            for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList()) {
                all.append("== ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
            return all.toString();
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}
