package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.testkit.llm.LoopbackHttpApi;
import ai.datamigrate.testkit.llm.LoopbackHttpApi.Reply;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged CLI as named modules ({@code java --module-path ... -m ai.datamigrate.cli/...}): proves that
 * the module descriptors are complete and that ServiceLoader finds the plugins through their {@code provides}
 * clauses, not only through META-INF/services on the class path (which the unit tests use), and that an LLM provider
 * plugin works there through the support library it shares.
 */
class ModulePathIT {

    @Test
    void pluginsAreFoundOnTheModulePath() throws IOException, InterruptedException {
        String output = runOnTheModulePath(List.of(), "plugins");
        List<String> plugins = output.lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(6, plugins.size(), output);
        for (String id : List.of("claude", "dbt", "duckdb", "mssql", "openai", "postgres")) {
            assertTrue(plugins.stream().anyMatch(l -> l.startsWith(id + " ") && !l.contains(" dev ")),
                    id + " missing or without version: " + output);
        }
    }

    /**
     * An LLM provider plugin calls its API through the support library it shares with the other provider plugins
     * ({@code ai.datamigrate.support.llm}, exported to them only): the qualified export, the library's own requires
     * (the JDK's HTTP client, LangChain4j) and the plugin's resolve on the module path, not only on the class path.
     */
    @Test
    void anLlmProviderCallsItsApiOnTheModulePath(@TempDir Path dir) throws IOException, InterruptedException {
        String answer = "{\"sql\":\"select 1 as one\",\"materialization\":\"view\",\"notes\":\"\"}";
        String completion = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
                + "\"" + answer.replace("\"", "\\\"") + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15}}";
        try (LoopbackHttpApi api = new LoopbackHttpApi("/v1/chat/completions", List.of(new Reply(200, completion)))) {
            String output = runOnTheModulePath(List.of(1), "--set", "openai.base-url=" + api.baseUrl(), "migrate",
                    CliRunner.repoRoot().resolve("samples/legacy-shop/legacy_shop.sql").toString(),
                    "--out", dir.resolve("out").toString(), "--llm", "openai",
                    "--llm-cache", dir.resolve("cache").toString());
            assertTrue(api.calls() > 0, "no call reached the API: " + output);
            assertTrue(api.received().stream().allMatch(r -> r.path().equals("/v1/chat/completions")),
                    api.received().toString());
            assertTrue(output.contains("(answered, 15 tokens)"), output);
        }
    }

    /** Runs the packaged CLI as named modules and returns its output; the exit code must be 0 or one of {@code ok}. */
    private static String runOnTheModulePath(List<Integer> ok, String... args) throws IOException,
            InterruptedException {
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
        command.addAll(List.of("--add-modules", "ALL-MODULE-PATH", "-m", "ai.datamigrate.cli/ai.datamigrate.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "timed out");
        assertTrue(process.exitValue() == 0 || ok.contains(process.exitValue()), process.exitValue() + ": " + output);
        return output;
    }
}
