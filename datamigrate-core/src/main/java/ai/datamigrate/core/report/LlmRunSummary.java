package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * The LLM use of a run.
 *
 * @param provider     the provider's name, or {@code none}
 * @param model        the model asked
 * @param calls        calls paid in this run
 * @param cacheHits    answers taken from the response cache
 * @param inputTokens  tokens sent and paid
 * @param outputTokens tokens received and paid
 * @param costUsd      estimated cost
 * @param stopped      why LLM use stopped early (budget), if it did
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LlmRunSummary(String provider, String model, int calls, int cacheHits, long inputTokens,
                            long outputTokens, double costUsd, Optional<String> stopped) {
    public LlmRunSummary {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stopped, "stopped");
    }
}
