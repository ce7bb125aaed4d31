package ai.datamigrate.support.llm;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * LangChain4j's HTTP transport on the JDK client, as its {@link JdkHttpClient} does it, except that an answer
 * other than 2xx is thrown as a {@link RefusedCall} that keeps the server's {@code Retry-After}: LangChain4j's own
 * {@link HttpException} carries the status and body only, and a rate-limited client should wait as long as it is
 * told. Streaming and multipart calls, which the providers do not make, go to LangChain4j's client unchanged.
 */
final class RetryAfterHttpClient implements HttpClient {

    /** A refused call: status, body and how long the server asked the client to wait, if it said. */
    static final class RefusedCall extends HttpException {
        private static final long serialVersionUID = 1L;
        private final transient Optional<Duration> retryAfter;

        RefusedCall(int statusCode, String body, Optional<Duration> retryAfter) {
            super(statusCode, body);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return retryAfter == null ? Optional.empty() : retryAfter;
        }
    }

    /** Builds the client with the timeouts LangChain4j's model builders set. */
    static final class Builder implements HttpClientBuilder {
        private final java.net.http.HttpClient.Version version;
        private Duration connectTimeout;
        private Duration readTimeout;

        Builder(java.net.http.HttpClient.Version version) {
            this.version = version;
        }

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            return new RetryAfterHttpClient(this);
        }
    }

    private final java.net.http.HttpClient client;
    private final Duration readTimeout;
    private final JdkHttpClient fallback;

    private RetryAfterHttpClient(Builder builder) {
        java.net.http.HttpClient.Builder jdk = java.net.http.HttpClient.newBuilder().version(builder.version);
        if (builder.connectTimeout != null) {
            jdk.connectTimeout(builder.connectTimeout);
        }
        this.client = jdk.build();
        this.readTimeout = builder.readTimeout;
        this.fallback = JdkHttpClient.builder().httpClientBuilder(java.net.http.HttpClient.newBuilder()
                .version(builder.version)).connectTimeout(builder.connectTimeout).readTimeout(builder.readTimeout)
                .build();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            return fallback.execute(request);
        }
        java.net.http.HttpRequest.Builder jdk = java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
        request.headers().forEach((name, values) -> {
            if (values != null) {
                values.forEach(value -> jdk.header(name, value));
            }
        });
        jdk.method(request.method().name(), request.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body()));
        if (readTimeout != null) {
            jdk.timeout(readTimeout);
        }
        try {
            HttpResponse<byte[]> response = client.send(jdk.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() < 200 || response.statusCode() >= 300) {
                throw new RefusedCall(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                        retryAfter(response.headers(), Instant.now()));
            }
            return SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                    .headers(response.headers().map()).body(response.body()).build();
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LangChain4jException("interrupted while calling " + request.url(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        fallback.execute(request, parser, listener);
    }

    /**
     * The wait a server asked for: {@code retry-after-ms} (OpenAI, Azure), else {@code retry-after} in seconds or as
     * an HTTP date (RFC 9110).
     */
    static Optional<Duration> retryAfter(HttpHeaders headers, Instant now) {
        Optional<Duration> millis = headers.firstValue("retry-after-ms").flatMap(v -> seconds(v, 0.001));
        if (millis.isPresent()) {
            return millis;
        }
        return headers.firstValue("retry-after").flatMap(value -> seconds(value, 1).or(() -> {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }));
    }

    private static Optional<Duration> seconds(String value, double unitSeconds) {
        try {
            double amount = Double.parseDouble(value.strip());
            if (amount >= 0 && Double.isFinite(amount)) {
                return Optional.of(Duration.ofMillis(Math.round(amount * unitSeconds * 1000)));
            }
        } catch (NumberFormatException e) {
            // not a number: maybe a date
        }
        return Optional.empty();
    }
}
