package ai.datamigrate.plugin.openai.internal;

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
 * A loopback server that speaks the OpenAI chat completions API ({@code POST /v1/chat/completions}), as OpenAI,
 * llama.cpp, vLLM and Ollama do: it answers from a script
 * (the last reply repeats) and records every request, so tests see exactly what went over the wire.
 */
final class FakeOpenAiApi implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted answer; {@code delayMs} holds it back to provoke client timeouts. */
    record Reply(int status, String body, long delayMs, Map<String, String> headers) {
        Reply(int status, String body, long delayMs) {
            this(status, body, delayMs, Map.of());
        }

        static Reply ok(String text, String model, int inputTokens, int outputTokens) {
            return new Reply(200, """
                    {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
                     "model":"%s","choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null},
                     "logprobs":null,"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d},
                     "system_fingerprint":"fp_3a668b2eb1"}""".formatted(model, quote(text), inputTokens, outputTokens,
                    inputTokens + outputTokens), 0);
        }

        static Reply error(int status, String type, String message) {
            return new Reply(status, """
                    {"error":{"message":%s,"type":"%s","param":null,"code":null}}""".formatted(quote(message), type), 0);
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

    FakeOpenAiApi(Reply... script) throws IOException {
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
            Reply reply = !exchange.getRequestURI().getPath().equals("/v1/chat/completions")
                    ? Reply.error(404, "invalid_request_error", "Unknown path")
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
            exchange.getResponseHeaders().add("x-request-id", "req_" + call);
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
