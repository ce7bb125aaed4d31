package ai.datamigrate.spi.agent;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.llm.TokenUsage;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened in a run, for progress display and logs.
 *
 * @param agent   the agent's id
 * @param kind    what happened
 * @param object  the object concerned, if any
 * @param attempt the attempt number for {@link Kind#ATTEMPT}, else 0
 * @param tokens  tokens used by this event's LLM call, else none
 * @param message a short human-readable detail
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record AgentEvent(String agent, Kind kind, Optional<ObjectName> object, int attempt, TokenUsage tokens,
                         String message) {
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    public enum Kind { STEP_STARTED, STEP_FINISHED, OBJECT_STARTED, ATTEMPT, OBJECT_FINISHED }

    public AgentEvent {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(message, "message");
    }
}
