package ai.datamigrate.testkit.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.testkit.llm.LoopbackHttpApi.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoopbackHttpApiTest {

    /** An answer as the client saw it. */
    private record Response(int statusCode, String body, Map<String, List<String>> headers) {
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> name.equalsIgnoreCase(e.getKey()))
                    .map(e -> e.getValue().get(0)).findFirst();
        }
    }

    private static Response post(String url, Duration timeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        try {
            connection.setReadTimeout(Math.toIntExact(timeout.toMillis()));
            connection.setRequestMethod("POST");
            connection.setRequestProperty("X-Api-Key", "k1");
            connection.setDoOutput(true);
            try (OutputStream out = connection.getOutputStream()) {
                out.write("{\"q\":1}".getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Response(status, new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        connection.getHeaderFields());
            }
        } finally {
            connection.disconnect();
        }
    }

    @Test
    void answersFromTheScriptWithItsHeadersAndRecordsTheRequests() throws Exception {
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(
                new Reply(429, "{\"e\":1}").withHeader("retry-after", "7").withHeader("x-more", "y"),
                new Reply(200, "{\"ok\":true}")))) {
            Response first = post(api.baseUrl() + "/anything", Duration.ofSeconds(5));
            assertEquals(429, first.statusCode());
            assertEquals("{\"e\":1}", first.body());
            assertEquals(Optional.of("7"), first.header("retry-after"));
            assertEquals(Optional.of("y"), first.header("x-more"));
            assertEquals(200, post(api.baseUrl() + "/else", Duration.ofSeconds(5)).statusCode());
            assertEquals(200, post(api.baseUrl() + "/else", Duration.ofSeconds(5)).statusCode(), "the last repeats");
            assertEquals(3, api.calls());
            LoopbackHttpApi.Received received = api.received().get(0);
            assertEquals("/v1/anything", received.path());
            assertEquals("{\"q\":1}", received.body());
            assertEquals(Optional.of("k1"), received.header("x-api-key"), "header names are case-insensitive");
            assertEquals(Optional.empty(), received.header("authorization"));
        }
    }

    @Test
    void withAPathOtherPathsGet404AndDoNotUseTheScript() throws Exception {
        try (LoopbackHttpApi api = new LoopbackHttpApi("/v1/messages", List.of(new Reply(500, "{}"),
                new Reply(200, "{}")))) {
            Response wrong = post(api.baseUrl() + "/chat/completions", Duration.ofSeconds(5));
            assertEquals(404, wrong.statusCode());
            assertEquals("no such path: /v1/chat/completions; this API serves /v1/messages", wrong.body());
            assertEquals(500, post(api.baseUrl() + "/messages", Duration.ofSeconds(5)).statusCode());
            assertEquals(200, post(api.baseUrl() + "/messages", Duration.ofSeconds(5)).statusCode());
            assertEquals(3, api.calls(), "every request counts");
        }
    }

    @Test
    void aDelayedReplyProvokesAClientTimeout() throws Exception {
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(new Reply(200, "{}").delayed(Duration.ofSeconds(3)),
                new Reply(200, "{\"in\":\"time\"}")))) {
            assertThrows(SocketTimeoutException.class, () -> post(api.baseUrl() + "/x", Duration.ofMillis(300)));
            assertEquals("{\"in\":\"time\"}", post(api.baseUrl() + "/x", Duration.ofSeconds(5)).body());
        }
    }

    @Test
    void repliesCopyTheirHeadersAndRefuseNegativeDelays() {
        Reply reply = new Reply(200, "{}");
        assertEquals(Map.of(), reply.headers());
        assertEquals(Duration.ZERO, reply.delay());
        assertEquals(Map.of("a", "1"), reply.withHeader("a", "1").headers());
        assertEquals(Map.of(), reply.headers(), "withHeader leaves the original alone");
        assertThrows(IllegalArgumentException.class, () -> reply.delayed(Duration.ofMillis(-1)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new LoopbackHttpApi(List.of())).getMessage()
                .contains("at least one reply"));
    }
}
