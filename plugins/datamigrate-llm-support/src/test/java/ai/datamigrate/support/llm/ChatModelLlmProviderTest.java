package ai.datamigrate.support.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.llm.LlmException;
import ai.datamigrate.spi.llm.LlmMessage;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.spi.llm.LlmResponse;
import ai.datamigrate.spi.llm.TokenUsage;
import ai.datamigrate.testkit.TestPluginContext;
import ai.datamigrate.testkit.llm.LoopbackHttpApi;
import ai.datamigrate.testkit.llm.LoopbackHttpApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The shared provider on a chat model of its own ({@link LoopbackChatModel}) against a loopback server: what it asks
 * the model for, how it maps the answer, and how long it waits between attempts (what the server asked for, else
 * exponential backoff). The provider plugins' tests prove the same on their vendors' wire formats.
 */
class ChatModelLlmProviderTest {

    private static final String KEY = "sk-loop-test-0123456789abcdef";

    private final List<Long> waits = new CopyOnWriteArrayList<>();

    private LlmProvider provider(LoopbackHttpApi api, String... settings) {
        Map<String, String> config = new HashMap<>(Map.of("loop.api-key", KEY, "loop.base-url", api.baseUrl(),
                "loop.retry-initial-ms", "1", "loop.max-retries", "3"));
        for (int i = 0; i < settings.length; i += 2) {
            config.put(settings[i], settings[i + 1]);
        }
        config.values().removeIf(String::isEmpty);
        return new ChatModelProviderFactory(LoopbackChatModel.spec(ChatModelSpec.KeyRule.DEFAULT_SERVER_ONLY))
                .withEnv(name -> null).withSleeper(waits::add).create(config, new TestPluginContext());
    }

    private static LoopbackHttpApi api(Reply... script) {
        return new LoopbackHttpApi("/v1/chat", List.of(script));
    }

    private static Reply ok(String text) {
        return new Reply(200, LoopbackChatModel.answer(text, "loop-1-2026", 12, 3));
    }

    private static Reply error(int status, String message) {
        return new Reply(status, "{\"error\":{\"type\":\"loop_error\",\"message\":\"" + message + "\"}}");
    }

    private static LlmRequest request(String system, Optional<String> schema, int maxTokens) {
        return new LlmRequest(system, List.of(LlmMessage.user("Translate: SELECT 1"), LlmMessage.assistant("select 1"),
                LlmMessage.user("Name the column.")), schema, maxTokens);
    }

    private static JsonNode sent(LoopbackHttpApi api, int call) {
        return LoopbackChatModel.json(api.received().get(call).body());
    }

    @Test
    void asksForTheModelAtTemperatureZeroWithTheSmallerTokenLimitAndMapsTheAnswer() {
        try (LoopbackHttpApi api = api(ok("select 1 as one"))) {
            LlmProvider provider = provider(api, "loop.max-tokens", "500");
            LlmResponse response = provider.chat(request("You translate.", Optional.empty(), 1000));
            assertEquals("select 1 as one", response.text());
            assertEquals(new TokenUsage(12, 3), response.usage());
            assertEquals("loop-1-2026", response.model());
            assertEquals("loop-1", provider.model());
            JsonNode body = sent(api, 0);
            assertEquals("loop-1", body.path("model").asText());
            assertEquals(0.0, body.path("temperature").asDouble(-1), body.toString());
            assertEquals(500, body.path("max_tokens").asInt(), "loop.max-tokens caps the request");
            assertEquals("[{\"role\":\"system\",\"text\":\"You translate.\"},{\"role\":\"user\",\"text\":"
                    + "\"Translate: SELECT 1\"},{\"role\":\"assistant\",\"text\":\"select 1\"},{\"role\":\"user\","
                    + "\"text\":\"Name the column.\"}]", body.path("messages").toString());
            assertEquals(Optional.of(KEY), api.received().get(0).header("x-key"));
        }
    }

    @Test
    void anEmptySystemPromptIsNotSentAndTheRequestsLimitWinsWhenSmaller() {
        try (LoopbackHttpApi api = api(ok("ok"))) {
            provider(api).chat(request(" ", Optional.empty(), 64));
            JsonNode body = sent(api, 0);
            assertEquals("user", body.path("messages").get(0).path("role").asText(), body.toString());
            assertEquals(64, body.path("max_tokens").asInt());
        }
    }

    @Test
    void aSchemaIsTheOutputFormatOrPartOfTheSystemPrompt() {
        String schema = "{\"type\":\"object\"}";
        try (LoopbackHttpApi api = api(ok("{}"))) {
            provider(api).chat(request("You translate.", Optional.of(schema), 100));
            assertEquals("answer", sent(api, 0).path("schema").asText(), sent(api, 0).toString());
            provider(api, "loop.structured-output", "false").chat(request("You translate.", Optional.of(schema), 100));
            JsonNode body = sent(api, 1);
            assertFalse(body.has("schema"), body.toString());
            String system = body.path("messages").get(0).path("text").asText();
            assertEquals("You translate.\n\nAnswer with one JSON value that conforms to this JSON Schema, and nothing "
                    + "else:\n" + schema, system);
        }
    }

    @Test
    void anAnswerWithoutTextIsRejected() {
        try (LoopbackHttpApi api = api(new Reply(200, "{\"model\":\"loop-1\"}"))) {
            LlmException e = assertThrows(LlmException.class,
                    () -> provider(api).chat(request("s", Optional.empty(), 10)));
            assertEquals(LlmException.REJECTED, e.errorCode());
            assertTrue(e.getMessage().startsWith("Loop API at " + api.baseUrl() + " answered without text"),
                    e.getMessage());
        }
    }

    @Test
    void aRefusedKeyIsUnauthorizedAtOnceNamesWhereTheKeyComesFromAndNeverShowsIt() {
        try (LoopbackHttpApi api = api(error(401, "bad key " + KEY))) {
            LlmException e = assertThrows(LlmException.class,
                    () -> provider(api).chat(request("s", Optional.empty(), 10)));
            assertEquals(LlmException.UNAUTHORIZED, e.errorCode());
            assertEquals(1, api.calls());
            assertFalse(e.getMessage().contains(KEY), e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 401") && e.getMessage().contains("check loop.api-key or $LOOP_KEY"),
                    e.getMessage());
        }
    }

    @Test
    void aRejectedRequestKeepsTheServersReasonWithoutTheKey() {
        try (LoopbackHttpApi api = api(error(400, "max_tokens too large for key " + KEY))) {
            LlmException e = assertThrows(LlmException.class,
                    () -> provider(api).chat(request("s", Optional.empty(), 10)));
            assertEquals(LlmException.REJECTED, e.errorCode());
            assertEquals(1, api.calls());
            assertTrue(e.getMessage().contains("rejected the request: HTTP 400: loop_error: max_tokens too large for "
                    + "key ****"), e.getMessage());
        }
    }

    @Test
    void withoutAKeyNoKeyIsSentAndNothingIsMasked() {
        try (LoopbackHttpApi api = api(ok("ok"))) {
            provider(api, "loop.api-key", "").chat(request("s", Optional.empty(), 10));
            assertEquals(Optional.empty(), api.received().get(0).header("x-key"));
        }
    }

    @Test
    void theRetryAfterOfA429IsHonoured() {
        try (LoopbackHttpApi api = api(error(429, "slow down").withHeader("retry-after", "7"), ok("done"))) {
            assertEquals("done", provider(api).chat(request("s", Optional.empty(), 10)).text());
            assertEquals(List.of(7_000L), waits);
        }
    }

    @Test
    void retryAfterMsIsPreferredToRetryAfter() {
        try (LoopbackHttpApi api = api(error(429, "slow down").withHeader("retry-after-ms", "350")
                .withHeader("retry-after", "1"), ok("done"))) {
            assertEquals("done", provider(api).chat(request("s", Optional.empty(), 10)).text());
            assertEquals(List.of(350L), waits, "retry-after-ms is the more precise of the two");
        }
    }

    @Test
    void aVeryLongRetryAfterIsCappedAtAMinute() {
        try (LoopbackHttpApi api = api(error(529, "overloaded").withHeader("retry-after", "3600"), ok("done"))) {
            assertEquals("done", provider(api).chat(request("s", Optional.empty(), 10)).text());
            assertEquals(List.of(60_000L), waits);
        }
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesWithJitter() {
        try (LoopbackHttpApi api = api(error(500, "boom"), error(503, "loading"), error(500, "boom"), ok("done"))) {
            assertEquals("done", provider(api, "loop.retry-initial-ms", "400").chat(request("s", Optional.empty(), 10))
                    .text());
            assertEquals(3, waits.size(), waits.toString());
            // attempt n waits between half and all of 400 ms * 2^n
            for (int n = 0; n < 3; n++) {
                long full = 400L << n;
                assertTrue(waits.get(n) >= full / 2 && waits.get(n) <= full, n + ": " + waits);
            }
        }
    }

    @Test
    void retriesEndAfterMaxRetriesWithTheLastFailure() {
        try (LoopbackHttpApi api = api(error(429, "quota"))) {
            LlmException e = assertThrows(LlmException.class,
                    () -> provider(api, "loop.max-retries", "2").chat(request("s", Optional.empty(), 10)));
            assertEquals(LlmException.RETRIES_EXHAUSTED, e.errorCode());
            assertEquals(3, api.calls(), "one call and two retries");
            assertTrue(e.getMessage().equals("Loop API at " + api.baseUrl() + " still failing after 3 attempts: "
                    + "HTTP 429: loop_error: quota"), e.getMessage());
        }
    }

    @Test
    void costsComeFromTheSpecAndTheProviderNeverPrintsTheKey() {
        try (LoopbackHttpApi api = api(ok("ok"))) {
            LlmProvider provider = provider(api);
            assertEquals(15.0, provider.estimateCostUsd(new TokenUsage(10, 5)).getAsDouble(), 1e-9);
            assertFalse(provider.toString().contains(KEY), provider.toString());
            assertTrue(provider.toString().contains("loop"), provider.toString());
        }
    }
}
