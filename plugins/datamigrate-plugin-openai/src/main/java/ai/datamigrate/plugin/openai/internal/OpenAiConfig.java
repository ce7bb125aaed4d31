package ai.datamigrate.plugin.openai.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * The bound {@code openai.*} configuration.
 *
 * @param apiKey           absent for local servers that want none: no Authorization header is sent then
 * @param maxTokens        the most output tokens one call may ask for; a request's smaller limit wins
 * @param structuredOutput whether a requested JSON shape goes to the server as {@code response_format} rather than
 *                         into the system prompt
 */
record OpenAiConfig(Optional<String> apiKey, String model, int maxTokens, String baseUrl, int maxRetries,
                    long retryInitialMs, Duration timeout, boolean structuredOutput) {

    /** Never shows the key: records print every component by default. */
    @Override
    public String toString() {
        return "OpenAiConfig[model=" + model + ", maxTokens=" + maxTokens + ", baseUrl=" + baseUrl + ", maxRetries="
                + maxRetries + ", retryInitialMs=" + retryInitialMs + ", timeout=" + timeout + ", structuredOutput="
                + structuredOutput + ", apiKey=" + (apiKey.isPresent() ? "****" : "none") + "]";
    }
}
