package ai.datamigrate.testkit.llm;

import ai.datamigrate.spi.Api;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that stands in for a provider's API in tests: every request, whatever its path, gets the
 * next scripted reply (the last one repeats), and every request is recorded. It knows no wire format; the test gives
 * the bodies. Listens on 127.0.0.1 on a free port; close it when done.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class LoopbackHttpApi implements AutoCloseable {

    /**
     * One scripted answer.
     *
     * @param status the HTTP status
     * @param body   the JSON body
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    public record Reply(int status, String body) {
        /**
         * Checks the parts.
         *
         * @param status the HTTP status
         * @param body   the JSON body
         */
        public Reply {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A request as received.
     *
     * @param method  the HTTP method
     * @param path    the request path
     * @param headers the headers, names as sent
     * @param body    the body as text
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    public record Received(String method, String path, Map<String, List<String>> headers, String body) {
        /**
         * Copies the headers.
         *
         * @param method  the HTTP method
         * @param path    the request path
         * @param headers the headers, names as sent
         * @param body    the body as text
         */
        public Received {
            headers = Map.copyOf(headers);
        }

        /**
         * Whether any header value contains {@code text}, e.g. the API key.
         *
         * @param text what to look for
         * @return true when a header value contains it
         */
        public boolean anyHeaderContains(String text) {
            return headers.values().stream().flatMap(List::stream).anyMatch(v -> v.contains(text));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Reply> script;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * Starts the server.
     *
     * @param script the replies in order; the last one answers every later request too
     */
    public LoopbackHttpApi(List<Reply> script) {
        if (script.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one reply");
        }
        this.script = List.copyOf(script);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on the loopback address", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body));
            Reply reply = script.get(Math.min(calls.getAndIncrement(), script.size() - 1));
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    /**
     * The base URL to configure the provider with: {@code http://127.0.0.1:<port>/v1}.
     *
     * @return the URL, without a trailing slash
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /**
     * How many requests arrived.
     *
     * @return the number of requests so far
     */
    public int calls() {
        return calls.get();
    }

    /**
     * The requests, in the order they arrived.
     *
     * @return the requests so far
     */
    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
