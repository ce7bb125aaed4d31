package ai.datamigrate.spi.llm;

import ai.datamigrate.spi.Api;

/**
 * A connection to one model. Implementations retry what their protocol says is retriable (rate limits, server
 * errors, timeouts) and throw {@link LlmException} for the rest, with {@link LlmException#RETRIES_EXHAUSTED},
 * {@link LlmException#REJECTED} or {@link LlmException#UNAUTHORIZED}. Must be safe to call from several threads.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface LlmProvider {

    LlmResponse chat(LlmRequest request);

    /** The model requests go to, for the cache key and the report. */
    String model();

    /**
     * Estimated price in US dollars of the usage with this model, for the budget and the report; empty when
     * unknown (the budget then counts tokens only).
     */
    default java.util.OptionalDouble estimateCostUsd(TokenUsage usage) {
        return java.util.OptionalDouble.empty();
    }
}
