package ai.datamigrate.plugin.claude.internal;

import static ai.datamigrate.plugin.claude.internal.AnthropicWire.body;
import static ai.datamigrate.plugin.claude.internal.AnthropicWire.error;
import static ai.datamigrate.plugin.claude.internal.AnthropicWire.ok;
import static ai.datamigrate.plugin.claude.internal.AnthropicWire.messagesApi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.llm.LlmException;
import ai.datamigrate.spi.llm.LlmMessage;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.spi.llm.LlmResponse;
import ai.datamigrate.support.llm.ChatModelProviderFactory;
import ai.datamigrate.testkit.TestPluginContext;
import ai.datamigrate.testkit.llm.LoopbackHttpApi;
import ai.datamigrate.testkit.llm.LoopbackHttpApi.Received;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * Wire tests: LangChain4j's Anthropic client, configured by this plugin, against a loopback server that speaks the
 * Messages API. They prove the request format and headers, the mapping of the answer, and the retry and error rules.
 */
class ClaudeLlmProviderTest {

    /** Finds no key in the environment: the tests' configuration is all there is. */
    private static final ChatModelProviderFactory FACTORY = new ChatModelProviderFactory(ClaudeLlmSpec.SPEC)
            .withEnv(name -> null);

    private static final String KEY = "sk-ant-api03-test-0123456789abcdef";
    private static final String SCHEMA = """
            {"type":"object","properties":{"sql":{"type":"string"},"materialization":{"type":"string",
             "enum":["view","table"]}},"required":["sql","materialization"],"additionalProperties":false}""";

    private static LlmProvider provider(LoopbackHttpApi api, String... settings) {
        Map<String, String> config = new HashMap<>(Map.of("claude.api-key", KEY, "claude.base-url", api.baseUrl(),
                "claude.retry-initial-ms", "1", "claude.max-retries", "3"));
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        // no secrets given to the context: the provider itself must keep the key out of its messages
        return FACTORY.create(config, new TestPluginContext());
    }

    private static LlmRequest request(Optional<String> schema) {
        return new LlmRequest("You translate T-SQL views into PostgreSQL dbt models.",
                List.of(LlmMessage.user("Translate: SELECT TOP 1 * FROM dbo.Orders"),
                        LlmMessage.assistant("{\"sql\": \"select * from orders limit 1\"}"),
                        LlmMessage.user("The answer must name the columns.")),
                schema, 1024);
    }

    /** The text of a string or of an array of text blocks (both are valid in the Messages API). */
    private static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : node) {
            assertEquals("text", block.path("type").asText(), block.toString());
            text.append(block.path("text").asText());
        }
        return text.toString();
    }

    @Test
    void sendsTheMessagesApiRequestAndMapsTextUsageAndModel() throws IOException {
        try (LoopbackHttpApi api = messagesApi(
                ok("select order_id from orders limit 1", "claude-sonnet-4-6-20260217", 1234, 56))) {
            LlmProvider provider = provider(api);
            LlmResponse response = provider.chat(request(Optional.empty()));

            assertEquals("select order_id from orders limit 1", response.text());
            assertEquals(1234, response.usage().inputTokens());
            assertEquals(56, response.usage().outputTokens());
            assertEquals("claude-sonnet-4-6-20260217", response.model());
            assertEquals("claude-sonnet-4-6", provider.model());

            assertEquals(1, api.calls());
            Received sent = api.received().get(0);
            assertEquals("POST", sent.method());
            assertEquals("/v1/messages", sent.path());
            assertEquals(KEY, sent.header("x-api-key").orElse(null));
            assertEquals("2023-06-01", sent.header("anthropic-version").orElse(null));
            assertTrue(sent.header("content-type").orElseThrow().startsWith("application/json"),
                    sent.headers().toString());
            JsonNode body = body(sent);
            assertEquals("claude-sonnet-4-6", body.path("model").asText());
            assertEquals(0.0, body.path("temperature").asDouble(-1), body.toString());
            assertTrue(body.has("temperature"), body.toString());
            assertEquals(1024, body.path("max_tokens").asInt(), "the request's limit is below claude.max-tokens");
            assertEquals("You translate T-SQL views into PostgreSQL dbt models.", text(body.path("system")));
            List<String> roles = StreamSupport.stream(body.path("messages").spliterator(), false)
                    .map(m -> m.path("role").asText()).toList();
            assertEquals(List.of("user", "assistant", "user"), roles);
            assertEquals("Translate: SELECT TOP 1 * FROM dbo.Orders", text(body.path("messages").get(0).path("content")));
            assertEquals("The answer must name the columns.", text(body.path("messages").get(2).path("content")));
            assertFalse(body.has("output_config"), "no JSON shape was asked for: " + body);
        }
    }

    @Test
    void claudeMaxTokensCapsTheRequest() throws IOException {
        try (LoopbackHttpApi api = messagesApi(ok("ok", "claude-sonnet-4-6", 1, 1))) {
            provider(api, "claude.max-tokens", "300", "claude.model", "claude-haiku-4-5-20251001")
                    .chat(request(Optional.empty()));
            JsonNode body = body(api.received().get(0));
            assertEquals(300, body.path("max_tokens").asInt());
            assertEquals("claude-haiku-4-5-20251001", body.path("model").asText());
        }
    }

    @Test
    void rateLimitedOnceThenAnsweredAfterOneRetry() throws IOException {
        try (LoopbackHttpApi api = messagesApi(
                error(429, "rate_limit_error", "Number of request tokens has exceeded your per-minute rate limit"),
                ok("select 1", "claude-sonnet-4-6", 10, 2))) {
            LlmResponse response = provider(api).chat(request(Optional.empty()));
            assertEquals("select 1", response.text());
            assertEquals(2, api.calls());
            assertEquals(body(api.received().get(0)), body(api.received().get(1)), "the retry resends the request");
        }
    }

    @Test
    void serverErrorsAndOverloadAreRetried() throws IOException {
        try (LoopbackHttpApi api = messagesApi(
                error(500, "api_error", "Internal server error"),
                error(529, "overloaded_error", "Overloaded"),
                ok("select 2", "claude-sonnet-4-6", 10, 2))) {
            assertEquals("select 2", provider(api).chat(request(Optional.empty())).text());
            assertEquals(3, api.calls());
        }
    }

    @Test
    void theRetryAfterOfA429IsHonoured() {
        List<Long> waits = new CopyOnWriteArrayList<>();
        try (LoopbackHttpApi api = messagesApi(
                error(429, "rate_limit_error", "slow down").withHeader("retry-after", "7"),
                ok("done", "claude-sonnet-4-6", 1, 1))) {
            LlmProvider provider = FACTORY.withSleeper(waits::add).create(Map.of("claude.api-key", KEY,
                    "claude.base-url", api.baseUrl(), "claude.retry-initial-ms", "1"), new TestPluginContext());
            assertEquals("done", provider.chat(request(Optional.empty())).text());
            assertEquals(List.of(7_000L), waits, "the server's Retry-After reaches the retries");
        }
    }

    @Test
    void persistentRateLimitExhaustsTheRetries() throws IOException {
        try (LoopbackHttpApi api = messagesApi(
                error(429, "rate_limit_error", "Number of requests has exceeded your rate limit"))) {
            LlmException e = assertThrows(LlmException.class,
                    () -> provider(api, "claude.max-retries", "2").chat(request(Optional.empty())));
            assertEquals(LlmException.RETRIES_EXHAUSTED, e.errorCode());
            assertEquals(3, api.calls(), "one call and two retries");
            assertTrue(e.getMessage().contains("HTTP 429"), e.getMessage());
            assertTrue(e.getMessage().contains("rate_limit_error: Number of requests has exceeded your rate limit"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(api.baseUrl()), e.getMessage());
        }
    }

    @Test
    void refusedKeyIsUnauthorizedAtOnceAndTheKeyIsNeverInTheMessage() throws IOException {
        // a server that echoes the key it was sent: the message must still not show it
        try (LoopbackHttpApi api = messagesApi(
                error(401, "authentication_error", "invalid x-api-key " + KEY))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request(Optional.empty())));
            assertEquals(LlmException.UNAUTHORIZED, e.errorCode());
            assertFalse(e.errorCode().retriable());
            assertEquals(1, api.calls(), "credentials are not retried");
            assertFalse(e.getMessage().contains(KEY), e.getMessage());
            assertFalse(e.getMessage().contains("0123456789abcdef"), e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
            assertTrue(e.getMessage().contains("claude.api-key") && e.getMessage().contains("ANTHROPIC_API_KEY"),
                    e.getMessage());
            assertFalse(e.toString().contains(KEY));
        }
    }

    @Test
    void forbiddenIsUnauthorizedToo() throws IOException {
        try (LoopbackHttpApi api = messagesApi(
                error(403, "permission_error", "Your API key does not have permission to use this model"))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request(Optional.empty())));
            assertEquals(LlmException.UNAUTHORIZED, e.errorCode());
            assertEquals(1, api.calls());
        }
    }

    @Test
    void invalidRequestIsRejectedAtOnceWithTheServersReason() throws IOException {
        try (LoopbackHttpApi api = messagesApi(error(400, "invalid_request_error",
                "max_tokens: 100000 > 64000, which is the maximum allowed for this model; key " + KEY))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request(Optional.empty())));
            assertEquals(LlmException.REJECTED, e.errorCode());
            assertEquals(1, api.calls());
            assertTrue(e.getMessage().contains("HTTP 400: invalid_request_error: max_tokens: 100000 > 64000"),
                    e.getMessage());
            assertFalse(e.getMessage().contains(KEY), e.getMessage());
        }
    }

    @Test
    void jsonSchemaGoesToTheApiAsOutputFormat() throws IOException {
        try (LoopbackHttpApi api = messagesApi(ok(
                "{\"sql\":\"select 1\",\"materialization\":\"view\"}", "claude-sonnet-4-6", 100, 20))) {
            LlmResponse response = provider(api).chat(request(Optional.of(SCHEMA)));
            assertEquals("{\"sql\":\"select 1\",\"materialization\":\"view\"}", response.text());
            JsonNode body = body(api.received().get(0));
            JsonNode format = body.path("output_config").path("format");
            assertEquals("json_schema", format.path("type").asText(), body.toString());
            assertEquals(AnthropicWire.JSON.readTree(SCHEMA), format.path("schema"));
            assertEquals("You translate T-SQL views into PostgreSQL dbt models.", text(body.path("system")));
        }
    }

    @Test
    void jsonSchemaGoesIntoTheSystemPromptWhenStructuredOutputIsOff() throws IOException {
        try (LoopbackHttpApi api = messagesApi(ok("{}", "claude-3-5-haiku-20241022", 100, 20))) {
            provider(api, "claude.structured-output", "false", "claude.model", "claude-3-5-haiku-20241022")
                    .chat(request(Optional.of(SCHEMA)));
            JsonNode body = body(api.received().get(0));
            assertFalse(body.has("output_config"), body.toString());
            String system = text(body.path("system"));
            assertTrue(system.startsWith("You translate T-SQL views into PostgreSQL dbt models.\n\n"), system);
            assertTrue(system.endsWith(SCHEMA), system);
        }
    }

    @Test
    void aTimeoutIsRetried() throws IOException {
        try (LoopbackHttpApi api = messagesApi(
                ok("late", "claude-sonnet-4-6", 1, 1).delayed(Duration.ofMillis(3_000)),
                ok("in time", "claude-sonnet-4-6", 1, 1))) {
            LlmResponse response = provider(api, "claude.timeout-seconds", "1").chat(request(Optional.empty()));
            assertEquals("in time", response.text());
            assertEquals(2, api.calls());
        }
    }

    @Test
    void anUnreachableServerExhaustsTheRetries() throws IOException {
        String baseUrl;
        try (LoopbackHttpApi api = messagesApi(ok("x", "m", 1, 1))) {
            baseUrl = api.baseUrl();
        }
        // the port was just released: connections are refused
        Map<String, String> config = Map.of("claude.api-key", KEY, "claude.base-url", baseUrl,
                "claude.retry-initial-ms", "1", "claude.max-retries", "1");
        LlmProvider provider = FACTORY.create(config, new TestPluginContext());
        LlmException e = assertThrows(LlmException.class, () -> provider.chat(request(Optional.empty())));
        assertEquals(LlmException.RETRIES_EXHAUSTED, e.errorCode());
        assertTrue(e.getMessage().contains("after 2 attempts"), e.getMessage());
    }

    @Test
    void aSchemaTheClientCannotSendIsRejectedWithoutACall() throws IOException {
        try (LoopbackHttpApi api = messagesApi(ok("{}", "claude-sonnet-4-6", 1, 1))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request(Optional.of(" "))));
            assertEquals(LlmException.REJECTED, e.errorCode());
            assertEquals(0, api.calls());
            assertTrue(e.getMessage().contains("schema"), e.getMessage());
        }
    }
}
