package ai.datamigrate.plugin.claude.internal;

import java.time.Duration;

/**
 * The bound {@code claude.*} configuration.
 *
 * @param maxTokens        the most output tokens one call may ask for; a request's smaller limit wins
 * @param structuredOutput whether a requested JSON shape goes to the API as its output format (models since the
 *                         Claude 4.5 family) rather than into the system prompt
 */
record ClaudeConfig(String apiKey, String model, int maxTokens, String baseUrl, int maxRetries, long retryInitialMs,
                    Duration timeout, boolean structuredOutput) {

    /** Never shows the key: records print every component by default. */
    @Override
    public String toString() {
        return "ClaudeConfig[model=" + model + ", maxTokens=" + maxTokens + ", baseUrl=" + baseUrl + ", maxRetries="
                + maxRetries + ", retryInitialMs=" + retryInitialMs + ", timeout=" + timeout + ", structuredOutput="
                + structuredOutput + ", apiKey=****]";
    }
}
