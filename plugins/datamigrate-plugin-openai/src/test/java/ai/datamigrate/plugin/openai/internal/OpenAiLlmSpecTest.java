package ai.datamigrate.plugin.openai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.support.llm.ChatModelConfig;
import ai.datamigrate.support.llm.ChatModelProviderFactory;
import ai.datamigrate.testkit.TestPluginContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code openai.*} settings: defaults, where the key comes from and when it is needed, what is refused. */
class OpenAiLlmSpecTest {

    private static final ChatModelProviderFactory NO_ENV = new ChatModelProviderFactory(OpenAiLlmSpec.SPEC)
            .withEnv(name -> null);

    @Test
    void defaults() {
        // model and base URL are this provider's; the other defaults are every chat-model provider's
        assertEquals(new ChatModelConfig(Optional.of("k"), "gpt-4.1", 8192, "https://api.openai.com/v1", 4, 1000,
                Duration.ofSeconds(300), true), NO_ENV.bind(Map.of("openai.api-key", "k")));
    }

    @Test
    void theKeyIsSecretComesFromTheEnvironmentAndIsOptionalForLocalServers() {
        assertEquals(Set.of("openai.api-key"), NO_ENV.configSpec().secretKeys());
        ChatModelProviderFactory withEnv = NO_ENV.withEnv(
                name -> name.equals("OPENAI_API_KEY") ? "sk-from-env" : null);
        assertEquals(Optional.of("sk-from-env"), withEnv.bind(Map.of()).apiKey());
        assertEquals(Optional.of("sk-set"), withEnv.bind(Map.of("openai.api-key", "sk-set")).apiKey());
        assertEquals(Optional.empty(), NO_ENV.bind(Map.of("openai.base-url", "http://localhost:8080/v1")).apiKey());
    }

    @Test
    void openAiItselfWithoutAKeyIsAConfigurationError() {
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> NO_ENV.create(Map.of(), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
        assertTrue(e.getMessage().contains("OPENAI_API_KEY") && e.getMessage().contains("openai.base-url"),
                e.getMessage());
    }

    @Test
    void badValuesAndUnknownKeysAreRejectedWithWhatIsExpected() {
        DataMigrateException unknown = assertThrows(DataMigrateException.class,
                () -> NO_ENV.bind(Map.of("openai.api-key", "k", "openai.url", "x")));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, unknown.errorCode());
        assertTrue(unknown.getMessage().contains("openai.base-url"), unknown.getMessage());
        for (Map.Entry<String, String> bad : Map.of("openai.max-tokens", "-5", "openai.max-retries", "many",
                "openai.base-url", "localhost:8080", "openai.structured-output", "1", "openai.model", " ")
                .entrySet()) {
            DataMigrateException e = assertThrows(DataMigrateException.class,
                    () -> NO_ENV.bind(Map.of("openai.api-key", "k", bad.getKey(), bad.getValue())));
            assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
            assertTrue(e.getMessage().contains("'" + bad.getKey() + "'"), e.getMessage());
        }
    }

    @Test
    void theConfigurationNeverPrintsTheKey() {
        ChatModelConfig config = NO_ENV.bind(Map.of("openai.api-key", "sk-proj-secret"));
        assertFalse(config.toString().contains("sk-proj-secret"), config.toString());
        assertFalse(NO_ENV.create(Map.of("openai.api-key", "sk-proj-secret"), new TestPluginContext()).toString()
                .contains("sk-proj-secret"));
    }
}
