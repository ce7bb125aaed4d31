package ai.datamigrate.support.llm;

import java.time.Duration;
import java.util.Optional;

/**
 * The bound configuration of a chat-model provider ({@code <namespace>.*}, see {@link ChatModelSpec}).
 *
 * @param apiKey           absent for servers that want none (local ones): no key header is sent then
 * @param model            the model id
 * @param maxTokens        the most output tokens one call may ask for; a request's smaller limit wins
 * @param baseUrl          the API's base URL
 * @param maxRetries       retries of a call after a retriable failure
 * @param retryInitialMs   the first backoff; it doubles on every retry
 * @param timeout          connect and read timeout of one HTTP call
 * @param structuredOutput whether a requested JSON shape goes to the API as its output format rather than into the
 *                         system prompt
 */
public record ChatModelConfig(Optional<String> apiKey, String model, int maxTokens, String baseUrl, int maxRetries,
                              long retryInitialMs, Duration timeout, boolean structuredOutput) {

    /** Never shows the key: records print every component by default. */
    @Override
    public String toString() {
        return "ChatModelConfig[model=" + model + ", maxTokens=" + maxTokens + ", baseUrl=" + baseUrl + ", maxRetries="
                + maxRetries + ", retryInitialMs=" + retryInitialMs + ", timeout=" + timeout + ", structuredOutput="
                + structuredOutput + ", apiKey=" + (apiKey.isPresent() ? "****" : "none") + "]";
    }
}
