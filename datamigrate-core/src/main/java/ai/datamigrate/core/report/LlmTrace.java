package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;

/**
 * What the agent pipeline did with one object that rules could not translate (or whose rule translation failed
 * validation).
 *
 * @param attempts     LLM attempts made
 * @param inputTokens  tokens sent, paid in this run (cached answers cost nothing)
 * @param outputTokens tokens received, paid in this run
 * @param costUsd      estimated cost in this run
 * @param outcome      {@code converted} (a model passed every check) or {@code needs_review}
 * @param notes        what happened, in order (each failed attempt's error, the passing check)
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LlmTrace(int attempts, long inputTokens, long outputTokens, double costUsd, String outcome,
                       List<String> notes) {
    public LlmTrace {
        Objects.requireNonNull(outcome, "outcome");
        notes = List.copyOf(notes);
    }
}
