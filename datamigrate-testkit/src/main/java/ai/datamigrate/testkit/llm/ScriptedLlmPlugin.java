package ai.datamigrate.testkit.llm;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmProviderFactory;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The scripted provider as a plugin, for tests that run the CLI in another process. Not registered with
 * ServiceLoader by the testkit itself: a test that wants it writes a {@code META-INF/services} entry on the child's
 * class path. Configuration: {@code scripted.dir}, a folder of {@code <key>.<n>.txt} answer files (the key is text
 * the prompt contains, {@code n} the attempt from 1); {@code scripted.delay-ms}, a pause per call; every call is
 * appended to {@code scripted.dir/calls.log}.
 */
public final class ScriptedLlmPlugin implements DataMigratePlugin {

    private static final ConfigSpec SPEC = new ConfigSpec("scripted", List.of(
            ConfigProperty.optional("scripted.dir", "folder of <key>.<n>.txt answers"),
            ConfigProperty.of("scripted.delay-ms", "pause per call", "0")));

    @Override
    public String id() {
        return "scripted";
    }

    @Override
    public List<LlmProviderFactory> llmProviders() {
        return List.of(new LlmProviderFactory() {
            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public ConfigSpec configSpec() {
                return SPEC;
            }

            @Override
            public LlmProvider create(Map<String, String> config, PluginContext context) {
                Path dir = Path.of(SPEC.value(config, "scripted.dir").orElseThrow(() -> new DataMigrateException(
                        ErrorCode.CONFIG_INVALID_VALUE, "scripted.dir is required")));
                long delay = Long.parseLong(SPEC.value(config, "scripted.delay-ms").orElse("0"));
                Map<String, List<String>> answers = read(dir);
                ScriptedLlmProvider inner = ScriptedLlmProvider.byKey(answers, delay);
                return new LoggingProvider(inner, dir.resolve("calls.log"));
            }
        });
    }

    private static Map<String, List<String>> read(Path dir) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".txt")) {
                    continue;
                }
                String stem = name.substring(0, name.length() - 4);
                int dot = stem.lastIndexOf('.');
                String key = stem.substring(0, dot);
                answers.computeIfAbsent(key, k -> new ArrayList<>()).add(Files.readString(file,
                        StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "cannot read scripted answers in " + dir
                    + ": " + e.getMessage());
        }
        return answers;
    }

    /** Appends one line per call, so that a test can count what was paid across processes. */
    private record LoggingProvider(ScriptedLlmProvider inner, Path log) implements LlmProvider {
        @Override
        public ai.datamigrate.spi.llm.LlmResponse chat(ai.datamigrate.spi.llm.LlmRequest request) {
            ai.datamigrate.spi.llm.LlmResponse response = inner.chat(request);
            synchronized (LoggingProvider.class) {
                try {
                    Files.writeString(log, request.messages().get(0).text().lines().findFirst().orElse("") + "\n",
                            StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return response;
        }

        @Override
        public String model() {
            return inner.model();
        }

        @Override
        public java.util.OptionalDouble estimateCostUsd(ai.datamigrate.spi.llm.TokenUsage usage) {
            return inner.estimateCostUsd(usage);
        }
    }
}
