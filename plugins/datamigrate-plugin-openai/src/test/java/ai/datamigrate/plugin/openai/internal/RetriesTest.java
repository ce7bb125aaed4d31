package ai.datamigrate.plugin.openai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.openai.internal.FakeOpenAiApi.Reply;
import ai.datamigrate.spi.llm.LlmMessage;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.testkit.TestPluginContext;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** How long the provider waits between attempts: what the server asked for, else exponential backoff. */
class RetriesTest {

    private final List<Long> waits = new CopyOnWriteArrayList<>();

    private String chat(FakeOpenAiApi api, String retryInitialMs) {
        OpenAiConfig config = new OpenAiLlmProviderFactory(name -> null).bind(Map.of("openai.base-url",
                api.baseUrl(), "openai.retry-initial-ms", retryInitialMs));
        return new OpenAiLlmProvider(config, new TestPluginContext(), waits::add)
                .chat(new LlmRequest("s", List.of(LlmMessage.user("u")), Optional.empty(), 10)).text();
    }

    @Test
    void theRetryAfterOfA429IsHonouredInSecondsOrMilliseconds() throws IOException {
        try (FakeOpenAiApi api = new FakeOpenAiApi(
                Reply.error(429, "requests", "Rate limit reached").withHeader("retry-after", "2"),
                Reply.error(429, "requests", "Rate limit reached").withHeader("retry-after-ms", "350")
                        .withHeader("retry-after", "1"),
                Reply.ok("done", "gpt-4.1", 1, 1))) {
            assertEquals("done", chat(api, "1"));
            assertEquals(List.of(2_000L, 350L), waits, "retry-after-ms is the more precise of the two");
        }
    }

    @Test
    void withoutRetryAfterTheBackoffDoublesWithJitter() throws IOException {
        try (FakeOpenAiApi api = new FakeOpenAiApi(Reply.error(503, "server_error", "Loading model"),
                Reply.error(503, "server_error", "Loading model"), Reply.ok("done", "gpt-4.1", 1, 1))) {
            assertEquals("done", chat(api, "1000"));
            assertEquals(2, waits.size(), waits.toString());
            assertTrue(waits.get(0) >= 500 && waits.get(0) <= 1000, waits.toString());
            assertTrue(waits.get(1) >= 1000 && waits.get(1) <= 2000, waits.toString());
        }
    }
}
