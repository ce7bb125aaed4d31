package ai.datamigrate.support.llm;

import ai.datamigrate.spi.llm.LlmException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Runs one provider call with the retry rules of HTTP APIs: rate limits (429), request timeouts (408), server
 * errors (5xx, Anthropic's 529 "overloaded") and broken or timed-out connections are retried after the wait the
 * server asked for ({@code Retry-After}, at most a minute) or else with exponential backoff; refused credentials
 * (401/403) and refused requests (other 4xx) fail at once. Every failure leaves as an {@link LlmException} whose
 * message names the endpoint and never the API key.
 *
 * <p>LangChain4j's own retries are switched off so that this class alone decides: they retry every exception that
 * is not marked non-retriable, and their backoff cannot be configured per model.
 */
final class RetryingCaller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_DETAIL = 300;
    /** A longer Retry-After (a spent quota) is not waited out in one go; the retries end sooner instead. */
    static final long MAX_RETRY_AFTER_MS = 60_000;

    /** What kind of failure a thrown exception is. */
    enum Kind { RETRIABLE, UNAUTHORIZED, REJECTED }

    /**
     * A classified failure.
     *
     * @param status the HTTP status, 0 when the call failed below HTTP
     * @param detail     what the server or the client said, unmasked
     * @param retryAfter how long the server asked the client to wait
     */
    record Failure(Kind kind, int status, String detail, Optional<Duration> retryAfter) {
        Failure(Kind kind, int status, String detail) {
            this(kind, status, detail, Optional.empty());
        }

        String describe() {
            return status == 0 ? detail : "HTTP " + status + (detail.isBlank() ? "" : ": " + detail);
        }
    }

    private final int maxRetries;
    private final long initialDelayMs;
    private final long maxDelayMs;
    private final String endpoint;
    private final String keyHint;
    private final UnaryOperator<String> mask;
    private final ChatModelLlmProvider.Sleeper sleeper;

    /**
     * @param endpoint what the messages call the server, e.g. {@code Anthropic API at https://...}
     * @param keyHint  what to do about refused credentials
     * @param mask     removes secrets from text taken from the server or the client
     */
    RetryingCaller(int maxRetries, long initialDelayMs, long maxDelayMs, String endpoint, String keyHint,
                   UnaryOperator<String> mask, ChatModelLlmProvider.Sleeper sleeper) {
        this.maxRetries = maxRetries;
        this.initialDelayMs = initialDelayMs;
        this.maxDelayMs = maxDelayMs;
        this.endpoint = endpoint;
        this.keyHint = keyHint;
        this.mask = mask;
        this.sleeper = sleeper;
    }

    <T> T call(Supplier<T> action) {
        for (int attempt = 0; ; attempt++) {
            Failure failure;
            try {
                return action.get();
            } catch (LlmException e) {
                throw e;
            } catch (RuntimeException e) {
                failure = classify(e);
                switch (failure.kind()) {
                    case UNAUTHORIZED -> throw new LlmException(LlmException.UNAUTHORIZED, endpoint
                            + " refused the credentials (HTTP " + failure.status() + "); " + keyHint);
                    case REJECTED -> throw new LlmException(LlmException.REJECTED, endpoint + " rejected the request: "
                            + mask.apply(failure.describe()));
                    case RETRIABLE -> {
                        if (attempt >= maxRetries) {
                            throw new LlmException(LlmException.RETRIES_EXHAUSTED, endpoint + " still failing after "
                                    + (attempt + 1) + (attempt == 0 ? " attempt: " : " attempts: ")
                                    + mask.apply(failure.describe()));
                        }
                    }
                }
            }
            long backoff = delayMs(attempt);
            sleep(failure.retryAfter().map(d -> Math.min(d.toMillis(), MAX_RETRY_AFTER_MS)).orElse(backoff), failure);
        }
    }

    /** Exponential backoff with jitter, so that parallel callers that failed together do not retry together. */
    long delayMs(int attempt) {
        long base = Math.min(maxDelayMs, initialDelayMs << Math.min(attempt, 30));
        return base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    }

    private void sleep(long millis, Failure failure) {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.RETRIES_EXHAUSTED, endpoint + ": interrupted while waiting to retry "
                    + "after " + mask.apply(failure.describe()), e);
        }
    }

    static Failure classify(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http) {
                int status = http.statusCode();
                String detail = errorMessage(http.getMessage());
                if (status == 401 || status == 403) {
                    return new Failure(Kind.UNAUTHORIZED, status, detail);
                }
                if (status == 408 || status == 429 || status >= 500) {
                    return new Failure(Kind.RETRIABLE, status, detail, http instanceof RetryAfterHttpClient.RefusedCall
                            refused ? refused.retryAfter() : Optional.empty());
                }
                return new Failure(Kind.REJECTED, status, detail);
            }
        }
        String detail = rootMessage(thrown);
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationException) {
                return new Failure(Kind.UNAUTHORIZED, 401, detail);
            }
            if (t instanceof RetriableException || t instanceof IOException
                    || t instanceof UnresolvedModelServerException) {
                // timeouts, refused or reset connections, names that did not resolve (often a passing DNS failure)
                return new Failure(Kind.RETRIABLE, 0, detail);
            }
        }
        // the client refused to build the request (an unsupported option, a schema that is not JSON)
        return new Failure(Kind.REJECTED, 0, detail);
    }

    /** The {@code error.message} of a JSON error body (Anthropic's and OpenAI's shape), else the body, shortened. */
    static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        try {
            JsonNode error = JSON.readTree(text).path("error");
            JsonNode message = error.path("message");
            if (message.isTextual()) {
                String type = error.path("type").asText("");
                text = (type.isBlank() ? "" : type + ": ") + message.asText();
            }
        } catch (IOException e) {
            // not JSON: keep the body as it is
        }
        text = text.replaceAll("\\s+", " ");
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL) + "...";
    }

    private static String rootMessage(Throwable thrown) {
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
