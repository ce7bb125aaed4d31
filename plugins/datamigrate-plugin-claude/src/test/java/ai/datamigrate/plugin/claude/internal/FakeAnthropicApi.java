package ai.datamigrate.plugin.claude.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that speaks the Anthropic Messages API ({@code POST /v1/messages}): it answers from a script
 * (the last reply repeats) and records every request, so tests see exactly what went over the wire.
 */
final class FakeAnthropicApi implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted answer; {@code delayMs} holds it back to provoke client timeouts. */
    record Reply(int status, String body, long delayMs, Map<String, String> headers) {
        Reply(int status, String body, long delayMs) {
            this(status, body, delayMs, Map.of());
        }

        static Reply ok(String text, String model, int inputTokens, int outputTokens) {
            return new Reply(200, """
                    {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"%s",
                     "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                     "usage":{"input_tokens":%d,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                              "output_tokens":%d}}""".formatted(model, quote(text), inputTokens, outputTokens), 0);
        }

        static Reply error(int status, String type, String message) {
            return new Reply(status, """
                    {"type":"error","error":{"type":"%s","message":%s}}""".formatted(type, quote(message)), 0);
        }

        Reply delayed(long millis) {
            return new Reply(status, body, millis, headers);
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.TreeMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, delayMs, more);
        }
    }

    /** A request as received. */
    record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Reply> script;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    FakeAnthropicApi(Reply... script) throws IOException {
        this.script = List.of(script);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? JSON.nullNode() : JSON.readTree(raw);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            int call = calls.getAndIncrement();
            Reply reply = !exchange.getRequestURI().getPath().equals("/v1/messages")
                    ? Reply.error(404, "not_found_error", "Not found")
                    : script.get(Math.min(call, script.size() - 1));
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("request-id", "req_" + call);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException e) {
            // the client gave up (a timeout test): nothing to answer
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int calls() {
        return calls.get();
    }

    List<Received> received() {
        return received;
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
