package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the packaged CLI as named modules ({@code java --module-path ... -m ai.datamigrate.cli/...}): proves that
 * the module descriptors are complete and that ServiceLoader finds the plugins through their {@code provides}
 * clauses, not only through META-INF/services on the class path (which the unit tests use).
 */
class ModulePathIT {

    @Test
    void pluginsAreFoundOnTheModulePath() throws IOException, InterruptedException {
        Path target = CliRunner.repoRoot().resolve("datamigrate-cli/target");
        Path jar;
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(p -> p.getFileName().toString().matches("datamigrate-cli-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("package the CLI first: no jar in " + target));
        }
        // Our modules and every library that can be a module go on the module path; a few third-party jars
        // (Calcite's dependencies) have names no module can be derived from and stay on the class path, which
        // automatic modules such as Calcite's can read.
        List<String> modulePath = new ArrayList<>(List.of(jar.toString()));
        List<String> classPath = new ArrayList<>();
        try (Stream<Path> libs = Files.list(target.resolve("lib"))) {
            for (Path lib : libs.sorted().toList()) {
                try {
                    ModuleFinder.of(lib).findAll();
                    modulePath.add(lib.toString());
                } catch (FindException e) {
                    classPath.add(lib.toString());
                }
            }
        }
        assertTrue(modulePath.stream().anyMatch(p -> p.contains("datamigrate-plugin-mssql")), modulePath.toString());
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "--module-path",
                String.join(File.pathSeparator, modulePath)));
        if (!classPath.isEmpty()) {
            command.addAll(List.of("--class-path", String.join(File.pathSeparator, classPath)));
        }
        command.addAll(List.of("--add-modules", "ALL-MODULE-PATH", "-m", "ai.datamigrate.cli/ai.datamigrate.cli.Main",
                "plugins"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "timed out");
        assertEquals(0, process.exitValue(), output);
        List<String> plugins = output.lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(6, plugins.size(), output);
        for (String id : List.of("claude", "dbt", "duckdb", "mssql", "openai", "postgres")) {
            assertTrue(plugins.stream().anyMatch(l -> l.startsWith(id + " ") && !l.contains(" dev ")),
                    id + " missing or without version: " + output);
        }
    }
}
