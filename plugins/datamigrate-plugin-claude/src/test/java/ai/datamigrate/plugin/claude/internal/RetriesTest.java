package ai.datamigrate.plugin.claude.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.claude.internal.FakeAnthropicApi.Reply;
import ai.datamigrate.spi.llm.LlmMessage;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.testkit.TestPluginContext;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How long the provider waits between attempts: what the server asked for, else exponential backoff. */
class RetriesTest {

    private final List<Long> waits = new CopyOnWriteArrayList<>();

    private String chat(FakeAnthropicApi api, String retryInitialMs) {
        ClaudeConfig config = new ClaudeLlmProviderFactory(name -> null).bind(Map.of("claude.api-key", "k",
                "claude.base-url", api.baseUrl(), "claude.retry-initial-ms", retryInitialMs));
        return new ClaudeLlmProvider(config, new TestPluginContext(), waits::add)
                .chat(new LlmRequest("s", List.of(LlmMessage.user("u")), Optional.empty(), 10)).text();
    }

    @Test
    void theRetryAfterOfA429IsHonoured() throws IOException {
        try (FakeAnthropicApi api = new FakeAnthropicApi(
                Reply.error(429, "rate_limit_error", "slow down").withHeader("retry-after", "7"),
                Reply.ok("done", "claude-sonnet-4-6", 1, 1))) {
            assertEquals("done", chat(api, "1"));
            assertEquals(List.of(7_000L), waits);
        }
    }

    @Test
    void aVeryLongRetryAfterIsCappedAtAMinute() throws IOException {
        try (FakeAnthropicApi api = new FakeAnthropicApi(
                Reply.error(529, "overloaded_error", "Overloaded").withHeader("retry-after", "3600"),
                Reply.ok("done", "claude-sonnet-4-6", 1, 1))) {
            assertEquals("done", chat(api, "1"));
            assertEquals(List.of(60_000L), waits);
        }
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesWithJitter() throws IOException {
        try (FakeAnthropicApi api = new FakeAnthropicApi(
                Reply.error(500, "api_error", "boom"), Reply.error(500, "api_error", "boom"),
                Reply.error(500, "api_error", "boom"), Reply.ok("done", "claude-sonnet-4-6", 1, 1))) {
            assertEquals("done", chat(api, "400"));
            assertEquals(3, waits.size(), waits.toString());
            // attempt n waits between half and all of 400 ms * 2^n
            for (int n = 0; n < 3; n++) {
                long full = 400L << n;
                assertTrue(waits.get(n) >= full / 2 && waits.get(n) <= full, n + ": " + waits);
            }
        }
    }

    @Test
    void retryAfterIsReadInSecondsMillisecondsOrAsADate() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfterHttpClient.retryAfter(headers("retry-after", "30"),
                now));
        assertEquals(Optional.of(Duration.ofMillis(1500)),
                RetryAfterHttpClient.retryAfter(headers("retry-after", "1.5"), now));
        assertEquals(Optional.of(Duration.ofMillis(250)),
                RetryAfterHttpClient.retryAfter(headers("retry-after-ms", "250"), now));
        assertEquals(Optional.of(Duration.ofSeconds(90)),
                RetryAfterHttpClient.retryAfter(headers("Retry-After", "Fri, 27 Nov 2026 12:01:30 GMT"), now));
        assertEquals(Optional.of(Duration.ZERO),
                RetryAfterHttpClient.retryAfter(headers("retry-after", "Fri, 27 Nov 2026 11:00:00 GMT"), now));
        assertEquals(Optional.empty(), RetryAfterHttpClient.retryAfter(headers("retry-after", "soon"), now));
        assertEquals(Optional.empty(), RetryAfterHttpClient.retryAfter(headers("x-other", "5"), now));
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (n, v) -> true);
    }
}
