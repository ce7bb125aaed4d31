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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that stands in for a provider's API in tests: every request, whatever its path, gets the
 * next scripted reply (the last one repeats), and every request is recorded. It knows no wire format; the test gives
 * the bodies. Created with a path, it serves that path only and answers 404 to the others, so that wire tests also
 * prove where the client sends its requests. Listens on 127.0.0.1 on a free port; close it when done.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class LoopbackHttpApi implements AutoCloseable {

    /**
     * One scripted answer.
     *
     * @param status  the HTTP status
     * @param body    the JSON body
     * @param headers more response headers, e.g. {@code retry-after}
     * @param delay   how long the server holds the answer back, e.g. to provoke a client timeout
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    public record Reply(int status, String body, Map<String, String> headers, Duration delay) {
        /**
         * Checks and copies the parts.
         *
         * @param status  the HTTP status
         * @param body    the JSON body
         * @param headers more response headers
         * @param delay   how long the server holds the answer back
         */
        public Reply {
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
            if (delay.isNegative()) {
                throw new IllegalArgumentException("negative delay " + delay);
            }
        }

        /**
         * An answer sent at once, without more headers.
         *
         * @param status the HTTP status
         * @param body   the JSON body
         */
        public Reply(int status, String body) {
            this(status, body, Map.of(), Duration.ZERO);
        }

        /**
         * This answer with one more response header.
         *
         * @param name  the header's name
         * @param value its value
         * @return the new reply
         */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new TreeMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, delay);
        }

        /**
         * This answer, held back by the server for {@code delay}.
         *
         * @param delay how long to wait before answering
         * @return the new reply
         */
        public Reply delayed(Duration delay) {
            return new Reply(status, body, headers, delay);
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

        /**
         * The first value of a header; HTTP header names are case-insensitive.
         *
         * @param name the header's name, in any case
         * @return its first value, empty when it was not sent
         */
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0)).findFirst();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Optional<String> path;
    private final List<Reply> script;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /**
     * Starts the server.
     *
     * @param script the replies in order; the last one answers every later request too
     */
    public LoopbackHttpApi(List<Reply> script) {
        this(Optional.empty(), script);
    }

    /**
     * Starts a server that serves one path: requests to any other path are recorded and answered 404 with a plain
     * text body that names both paths, and do not use up the script.
     *
     * @param path   the path the API serves, e.g. {@code /v1/messages}
     * @param script the replies in order; the last one answers every later request too
     */
    public LoopbackHttpApi(String path, List<Reply> script) {
        this(Optional.of(path), script);
    }

    private LoopbackHttpApi(Optional<String> path, List<Reply> script) {
        if (script.isEmpty()) {
            throw new IllegalArgumentException("a script needs at least one reply");
        }
        this.path = path;
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
            String requested = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), requested, exchange.getRequestHeaders(), body));
            calls.incrementAndGet();
            if (path.isPresent() && !path.get().equals(requested)) {
                byte[] out = ("no such path: " + requested + "; this API serves " + path.get())
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(404, out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
                return;
            }
            Reply reply = script.get(Math.min(served.getAndIncrement(), script.size() - 1));
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay().toMillis());
                } catch (InterruptedException e) {
                    // the server is closing
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        } catch (IOException e) {
            // the client gave up waiting (a timeout test): there is no one to answer
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
