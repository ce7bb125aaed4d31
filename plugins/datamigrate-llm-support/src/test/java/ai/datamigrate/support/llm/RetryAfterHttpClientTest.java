package ai.datamigrate.support.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.datamigrate.testkit.llm.LoopbackHttpApi;
import ai.datamigrate.testkit.llm.LoopbackHttpApi.Reply;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryAfterHttpClientTest {

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

    @Test
    void aRefusedCallKeepsStatusBodyAndRetryAfter() {
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(new Reply(429, "{\"error\":\"slow\"}")
                .withHeader("Retry-After", "12")))) {
            HttpClient client = new RetryAfterHttpClient.Builder(java.net.http.HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(5)).build();
            RetryAfterHttpClient.RefusedCall refused = assertThrows(RetryAfterHttpClient.RefusedCall.class,
                    () -> client.execute(HttpRequest.builder().method(HttpMethod.POST).url(api.baseUrl() + "/x")
                            .addHeader("x-test", "1").body("{}").build()));
            assertEquals(429, refused.statusCode());
            assertEquals("{\"error\":\"slow\"}", refused.getMessage());
            assertEquals(Optional.of(Duration.ofSeconds(12)), refused.retryAfter());
            assertEquals(Optional.of("1"), api.received().get(0).header("x-test"));
            assertEquals("{}", api.received().get(0).body());
        }
    }

    private static HttpHeaders headers(String name, String value) {
        return HttpHeaders.of(Map.of(name, List.of(value)), (n, v) -> true);
    }
}
