package ai.datamigrate.plugin.claude.internal;

import static ai.datamigrate.plugin.claude.internal.AnthropicWire.body;
import static ai.datamigrate.plugin.claude.internal.AnthropicWire.messagesApi;
import static ai.datamigrate.plugin.claude.internal.AnthropicWire.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.llm.LlmMessage;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.support.llm.ChatModelConfig;
import ai.datamigrate.support.llm.ChatModelProviderFactory;
import ai.datamigrate.testkit.TestPluginContext;
import ai.datamigrate.testkit.llm.LoopbackHttpApi;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code claude.*} settings: defaults, where the key comes from, what is refused. */
class ClaudeLlmSpecTest {

    private static final ChatModelProviderFactory NO_ENV = new ChatModelProviderFactory(ClaudeLlmSpec.SPEC)
            .withEnv(name -> null);

    @Test
    void defaults() {
        // model and base URL are this provider's; the other defaults are every chat-model provider's
        assertEquals(new ChatModelConfig(Optional.of("k"), "claude-sonnet-4-6", 8192, "https://api.anthropic.com/v1", 4, 1000,
                Duration.ofSeconds(300), true), NO_ENV.bind(Map.of("claude.api-key", "k")));
    }

    @Test
    void theKeyIsDeclaredSecretAndComesFromTheEnvironmentByDefault() throws IOException {
        assertEquals(java.util.Set.of("claude.api-key"), NO_ENV.configSpec().secretKeys());
        ChatModelProviderFactory withEnv = NO_ENV.withEnv(
                name -> name.equals("ANTHROPIC_API_KEY") ? "sk-from-env" : null);
        try (LoopbackHttpApi api = messagesApi(ok("ok", "claude-sonnet-4-6", 1, 1))) {
            LlmProvider provider = withEnv.create(Map.of("claude.base-url", api.baseUrl()), new TestPluginContext());
            provider.chat(new LlmRequest("", List.of(LlmMessage.user("hi")), Optional.empty(), 10));
            assertEquals(Optional.of("sk-from-env"), api.received().get(0).header("x-api-key"));
            assertFalse(body(api.received().get(0)).has("system"), "an empty system prompt is not sent");
        }
        assertEquals(Optional.of("sk-configured"), withEnv.bind(Map.of("claude.api-key", "sk-configured")).apiKey(),
                "configuration wins over the environment");
    }

    @Test
    void aMissingKeyIsAConfigurationError() {
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> NO_ENV.create(Map.of(), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
        assertTrue(e.getMessage().contains("ANTHROPIC_API_KEY") && e.getMessage().contains("claude.api-key"),
                e.getMessage());
    }

    @Test
    void badValuesAndUnknownKeysAreRejectedWithWhatIsExpected() {
        DataMigrateException unknown = assertThrows(DataMigrateException.class,
                () -> NO_ENV.bind(Map.of("claude.api-key", "k", "claude.modle", "x")));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, unknown.errorCode());
        assertTrue(unknown.getMessage().contains("claude.model"), unknown.getMessage());
        for (Map.Entry<String, String> bad : Map.of("claude.max-tokens", "0", "claude.max-retries", "-1",
                "claude.retry-initial-ms", "soon", "claude.base-url", "api.anthropic.com",
                "claude.structured-output", "yes", "claude.timeout-seconds", "0").entrySet()) {
            DataMigrateException e = assertThrows(DataMigrateException.class,
                    () -> NO_ENV.bind(Map.of("claude.api-key", "k", bad.getKey(), bad.getValue())));
            assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
            assertTrue(e.getMessage().contains("'" + bad.getKey() + "'"), e.getMessage());
        }
    }

    @Test
    void theConfigurationNeverPrintsTheKey() {
        ChatModelConfig config = NO_ENV.bind(Map.of("claude.api-key", "sk-ant-secret"));
        assertFalse(config.toString().contains("sk-ant-secret"), config.toString());
        LlmProvider provider = NO_ENV.create(Map.of("claude.api-key", "sk-ant-secret"), new TestPluginContext());
        assertFalse(provider.toString().contains("sk-ant-secret"), provider.toString());
    }
}
