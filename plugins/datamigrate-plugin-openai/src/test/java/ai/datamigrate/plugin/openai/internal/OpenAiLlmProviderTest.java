package ai.datamigrate.plugin.openai.internal;

import static ai.datamigrate.plugin.openai.internal.OpenAiWire.body;
import static ai.datamigrate.plugin.openai.internal.OpenAiWire.error;
import static ai.datamigrate.plugin.openai.internal.OpenAiWire.ok;
import static ai.datamigrate.plugin.openai.internal.OpenAiWire.chatCompletionsApi;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Wire tests: LangChain4j's OpenAI client, configured by this plugin, against a loopback server that speaks the
 * chat completions API. They prove the request format and headers, the mapping of the answer, and the retry and
 * error rules.
 */
class OpenAiLlmProviderTest {

    /** Finds no key in the environment: the tests' configuration is all there is. */
    private static final ChatModelProviderFactory FACTORY = new ChatModelProviderFactory(OpenAiLlmSpec.SPEC)
            .withEnv(name -> null);

    private static final String KEY = "sk-proj-test-0123456789abcdef";
    private static final String SCHEMA = """
            {"type":"object","properties":{"sql":{"type":"string"},"materialization":{"type":"string",
             "enum":["view","table"]}},"required":["sql","materialization"],"additionalProperties":false}""";

    private static LlmProvider provider(LoopbackHttpApi api, String... settings) {
        Map<String, String> config = new HashMap<>(Map.of("openai.api-key", KEY, "openai.base-url", api.baseUrl(),
                "openai.retry-initial-ms", "1", "openai.max-retries", "3"));
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        config.values().removeIf(String::isEmpty);
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

    /** The text of a string or of an array of text parts (both are valid in the chat completions API). */
    private static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : node) {
            assertEquals("text", part.path("type").asText(), part.toString());
            text.append(part.path("text").asText());
        }
        return text.toString();
    }

    @Test
    void sendsTheChatCompletionsRequestAndMapsTextUsageAndModel() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(
                ok("select order_id from orders limit 1", "gpt-4.1-2025-04-14", 1234, 56))) {
            LlmProvider provider = provider(api);
            LlmResponse response = provider.chat(request(Optional.empty()));

            assertEquals("select order_id from orders limit 1", response.text());
            assertEquals(1234, response.usage().inputTokens());
            assertEquals(56, response.usage().outputTokens());
            assertEquals("gpt-4.1-2025-04-14", response.model());
            assertEquals("gpt-4.1", provider.model());
            assertTrue(provider.estimateCostUsd(response.usage()).isEmpty(), "no price table for arbitrary servers");

            assertEquals(1, api.calls());
            Received sent = api.received().get(0);
            assertEquals("POST", sent.method());
            assertEquals("/v1/chat/completions", sent.path());
            assertEquals("Bearer " + KEY, sent.header("authorization").orElse(null));
            JsonNode body = body(sent);
            assertEquals("gpt-4.1", body.path("model").asText());
            assertTrue(body.has("temperature"), body.toString());
            assertEquals(0.0, body.path("temperature").asDouble(-1), body.toString());
            assertEquals(1024, body.path("max_tokens").asInt(), body.toString());
            List<String> roles = StreamSupport.stream(body.path("messages").spliterator(), false)
                    .map(m -> m.path("role").asText()).toList();
            assertEquals(List.of("system", "user", "assistant", "user"), roles);
            JsonNode messages = body.path("messages");
            assertEquals("You translate T-SQL views into PostgreSQL dbt models.", text(messages.get(0).path("content")));
            assertEquals("Translate: SELECT TOP 1 * FROM dbo.Orders", text(messages.get(1).path("content")));
            assertEquals("{\"sql\": \"select * from orders limit 1\"}", text(messages.get(2).path("content")));
            assertEquals("The answer must name the columns.", text(messages.get(3).path("content")));
            assertFalse(body.has("response_format"), "no JSON shape was asked for: " + body);
        }
    }

    @Test
    void aLocalServerWithoutKeyGetsNoAuthorizationHeader() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(ok("ok", "qwen2.5-coder-7b-instruct-q4_k_m.gguf", 5, 1))) {
            LlmResponse response = provider(api, "openai.api-key", "", "openai.model", "qwen2.5-coder",
                    "openai.max-tokens", "200").chat(request(Optional.empty()));
            assertEquals("qwen2.5-coder-7b-instruct-q4_k_m.gguf", response.model());
            Received sent = api.received().get(0);
            assertNull(sent.header("authorization").orElse(null), "no key, no header");
            assertEquals("qwen2.5-coder", body(sent).path("model").asText());
            assertEquals(200, body(sent).path("max_tokens").asInt(), "openai.max-tokens caps the request");
        }
    }

    @Test
    void rateLimitedOnceThenAnsweredAfterOneRetry() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(
                error(429, "requests", "Rate limit reached for gpt-4.1 on requests per min (RPM): Limit 3"),
                ok("select 1", "gpt-4.1", 10, 2))) {
            assertEquals("select 1", provider(api).chat(request(Optional.empty())).text());
            assertEquals(2, api.calls());
            assertEquals(body(api.received().get(0)), body(api.received().get(1)), "the retry resends the request");
        }
    }

    @Test
    void serverErrorsAreRetried() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(
                error(500, "server_error", "The server had an error while processing your request."),
                error(503, "server_error", "Loading model"),
                ok("select 2", "gpt-4.1", 10, 2))) {
            assertEquals("select 2", provider(api).chat(request(Optional.empty())).text());
            assertEquals(3, api.calls());
        }
    }

    @Test
    void theRetryAfterOfA429IsHonouredInSecondsOrMilliseconds() {
        List<Long> waits = new CopyOnWriteArrayList<>();
        try (LoopbackHttpApi api = chatCompletionsApi(
                error(429, "requests", "Rate limit reached").withHeader("retry-after", "2"),
                error(429, "requests", "Rate limit reached").withHeader("retry-after-ms", "350")
                        .withHeader("retry-after", "1"),
                ok("done", "gpt-4.1", 1, 1))) {
            LlmProvider provider = FACTORY.withSleeper(waits::add).create(Map.of("openai.base-url", api.baseUrl(),
                    "openai.retry-initial-ms", "1"), new TestPluginContext());
            assertEquals("done", provider.chat(request(Optional.empty())).text());
            assertEquals(List.of(2_000L, 350L), waits, "retry-after-ms is the more precise of the two");
        }
    }

    @Test
    void persistentRateLimitExhaustsTheRetries() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(
                error(429, "insufficient_quota", "You exceeded your current quota"))) {
            LlmException e = assertThrows(LlmException.class,
                    () -> provider(api, "openai.max-retries", "2").chat(request(Optional.empty())));
            assertEquals(LlmException.RETRIES_EXHAUSTED, e.errorCode());
            assertEquals(3, api.calls(), "one call and two retries");
            assertTrue(e.getMessage().contains("HTTP 429: insufficient_quota: You exceeded your current quota"),
                    e.getMessage());
            assertTrue(e.getMessage().contains(api.baseUrl()), e.getMessage());
        }
    }

    @Test
    void refusedKeyIsUnauthorizedAtOnceAndTheKeyIsNeverInTheMessage() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(
                error(401, "invalid_request_error", "Incorrect API key provided: " + KEY))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request(Optional.empty())));
            assertEquals(LlmException.UNAUTHORIZED, e.errorCode());
            assertEquals(1, api.calls(), "credentials are not retried");
            assertFalse(e.getMessage().contains(KEY), e.getMessage());
            assertFalse(e.getMessage().contains("0123456789abcdef"), e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage());
            assertTrue(e.getMessage().contains("openai.api-key") && e.getMessage().contains("OPENAI_API_KEY"),
                    e.getMessage());
        }
    }

    @Test
    void invalidRequestIsRejectedAtOnceWithTheServersReason() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(error(400, "invalid_request_error",
                "max_tokens is too large: 100000. This model supports at most 32768 completion tokens. " + KEY))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request(Optional.empty())));
            assertEquals(LlmException.REJECTED, e.errorCode());
            assertEquals(1, api.calls());
            assertTrue(e.getMessage().contains("HTTP 400: invalid_request_error: max_tokens is too large"),
                    e.getMessage());
            assertFalse(e.getMessage().contains(KEY), e.getMessage());
        }
    }

    @Test
    void unknownModelIsRejected() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(error(404, "invalid_request_error",
                "The model `gpt-9` does not exist or you do not have access to it."))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request(Optional.empty())));
            assertEquals(LlmException.REJECTED, e.errorCode());
            assertTrue(e.getMessage().contains("gpt-9"), e.getMessage());
        }
    }

    @Test
    void jsonSchemaGoesToTheServerAsResponseFormat() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(ok(
                "{\"sql\":\"select 1\",\"materialization\":\"view\"}", "gpt-4.1", 100, 20))) {
            LlmResponse response = provider(api).chat(request(Optional.of(SCHEMA)));
            assertEquals("{\"sql\":\"select 1\",\"materialization\":\"view\"}", response.text());
            JsonNode body = body(api.received().get(0));
            JsonNode format = body.path("response_format");
            assertEquals("json_schema", format.path("type").asText(), body.toString());
            assertEquals("answer", format.path("json_schema").path("name").asText(), body.toString());
            assertEquals(OpenAiWire.JSON.readTree(SCHEMA), format.path("json_schema").path("schema"));
            assertEquals("You translate T-SQL views into PostgreSQL dbt models.",
                    text(body.path("messages").get(0).path("content")));
        }
    }

    @Test
    void jsonSchemaGoesIntoTheSystemPromptWhenStructuredOutputIsOff() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(ok("{}", "llama", 100, 20))) {
            provider(api, "openai.structured-output", "false").chat(request(Optional.of(SCHEMA)));
            JsonNode body = body(api.received().get(0));
            assertFalse(body.has("response_format"), body.toString());
            String system = text(body.path("messages").get(0).path("content"));
            assertTrue(system.startsWith("You translate T-SQL views into PostgreSQL dbt models.\n\n"), system);
            assertTrue(system.endsWith(SCHEMA), system);
        }
    }

    @Test
    void aTimeoutIsRetried() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(
                ok("late", "gpt-4.1", 1, 1).delayed(Duration.ofMillis(3_000)),
                ok("in time", "gpt-4.1", 1, 1))) {
            LlmResponse response = provider(api, "openai.timeout-seconds", "1").chat(request(Optional.empty()));
            assertEquals("in time", response.text());
            assertEquals(2, api.calls());
        }
    }

    @Test
    void aSchemaTheClientCannotSendIsRejectedWithoutACall() throws IOException {
        try (LoopbackHttpApi api = chatCompletionsApi(ok("{}", "gpt-4.1", 1, 1))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request(Optional.of(" "))));
            assertEquals(LlmException.REJECTED, e.errorCode());
            assertEquals(0, api.calls());
            assertTrue(e.getMessage().contains("schema"), e.getMessage());
        }
    }
}
