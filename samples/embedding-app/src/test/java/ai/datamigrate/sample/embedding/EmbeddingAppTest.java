package ai.datamigrate.sample.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the application as a user would, in its own JVM, once on the class path and once with everything that can be
 * a module on the module path, on the bundled sample database.
 */
class EmbeddingAppTest {

    private static final Path SCRIPT = Path.of("../legacy-shop/legacy_shop.sql").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** The application's classes and its runtime libraries: this JVM's class path without the test's own parts. */
    private static List<String> runtimePath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.endsWith("test-classes") && !p.contains("junit") && !p.contains("opentest4j")
                        && !p.contains("apiguardian") && !p.contains("surefire"))
                .toList();
    }

    @Test
    void migratesTheSampleOnTheClassPath() throws Exception {
        Path out = dir.resolve("cp");
        String output = run(List.of("-cp", String.join(File.pathSeparator, runtimePath()),
                EmbeddingApp.class.getName()), out);
        assertMigrated(output, out);
    }

    @Test
    void migratesTheSampleOnTheModulePathWithTheSameResult() throws Exception {
        List<String> modulePath = new ArrayList<>();
        List<String> classPath = new ArrayList<>();
        for (String entry : runtimePath()) {
            try {
                ModuleFinder.of(Path.of(entry)).findAll();
                modulePath.add(entry);
            } catch (FindException e) {
                classPath.add(entry); // a few of Calcite's dependencies cannot be modules; automatic modules read them
            }
        }
        List<String> command = new ArrayList<>(List.of("--module-path", String.join(File.pathSeparator, modulePath)));
        if (!classPath.isEmpty()) {
            command.addAll(List.of("--class-path", String.join(File.pathSeparator, classPath)));
        }
        command.addAll(List.of("--add-modules", "ALL-MODULE-PATH", "-m",
                "ai.datamigrate.sample.embedding/" + EmbeddingApp.class.getName()));
        Path out = dir.resolve("mp");
        String output = run(command, out);
        assertMigrated(output, out);

        Path other = dir.resolve("cp");
        run(List.of("-cp", String.join(File.pathSeparator, runtimePath()), EmbeddingApp.class.getName()), other);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertEquals(-1L, Files.mismatch(file, other.resolve(out.relativize(file))),
                        "module path and class path runs differ in " + out.relativize(file));
            }
        }
    }

    private static void assertMigrated(String output, Path out) {
        assertTrue(output.contains("with plugins dbt, duckdb, mssql, postgres"), output);
        assertTrue(output.contains("step model-generation done"), output);
        assertTrue(output.lines().anyMatch(l -> l.startsWith("migrated ") && l.contains(out.toString())), output);
        long converted = output.lines().filter(l -> l.startsWith("  converted: "))
                .mapToLong(l -> Long.parseLong(l.substring("  converted: ".length()))).sum();
        assertTrue(converted > 0, output);
        assertTrue(Files.isRegularFile(out.resolve("dbt_project.yml")), output);
        assertTrue(Files.isRegularFile(out.resolve("MIGRATION_REPORT.md")), output);
    }

    private static String run(List<String> arguments, Path out) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        command.addAll(List.of(SCRIPT.toString(), out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "timed out: " + output);
        assertEquals(0, process.exitValue(), output);
        return output;
    }
}
