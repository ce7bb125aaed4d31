package ai.datamigrate.plugin.claude.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.claude.internal.FakeAnthropicApi.Reply;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.llm.LlmMessage;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.testkit.TestPluginContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClaudeLlmProviderFactoryTest {

    private static final ClaudeLlmProviderFactory NO_ENV = new ClaudeLlmProviderFactory(name -> null);

    @Test
    void defaults() {
        ClaudeConfig config = NO_ENV.bind(Map.of("claude.api-key", "k"));
        assertEquals("claude-sonnet-4-6", config.model());
        assertEquals("https://api.anthropic.com/v1", config.baseUrl());
        assertEquals(8192, config.maxTokens());
        assertEquals(4, config.maxRetries());
        assertEquals(1000, config.retryInitialMs());
        assertEquals(Duration.ofSeconds(300), config.timeout());
        assertTrue(config.structuredOutput());
    }

    @Test
    void theKeyIsDeclaredSecretAndComesFromTheEnvironmentByDefault() throws IOException {
        assertEquals(java.util.Set.of("claude.api-key"), NO_ENV.configSpec().secretKeys());
        ClaudeLlmProviderFactory withEnv = new ClaudeLlmProviderFactory(
                name -> name.equals("ANTHROPIC_API_KEY") ? "sk-from-env" : null);
        try (FakeAnthropicApi api = new FakeAnthropicApi(Reply.ok("ok", "claude-sonnet-4-6", 1, 1))) {
            LlmProvider provider = withEnv.create(Map.of("claude.base-url", api.baseUrl()), new TestPluginContext());
            provider.chat(new LlmRequest("", List.of(LlmMessage.user("hi")), Optional.empty(), 10));
            assertEquals("sk-from-env", api.received().get(0).header("x-api-key"));
            assertFalse(api.received().get(0).body().has("system"), "an empty system prompt is not sent");
        }
        assertEquals("sk-configured", withEnv.bind(Map.of("claude.api-key", "sk-configured")).apiKey(),
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
        ClaudeConfig config = NO_ENV.bind(Map.of("claude.api-key", "sk-ant-secret"));
        assertFalse(config.toString().contains("sk-ant-secret"), config.toString());
        LlmProvider provider = NO_ENV.create(Map.of("claude.api-key", "sk-ant-secret"), new TestPluginContext());
        assertFalse(provider.toString().contains("sk-ant-secret"), provider.toString());
    }
}
