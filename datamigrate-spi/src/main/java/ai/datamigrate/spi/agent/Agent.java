package ai.datamigrate.spi.agent;

import ai.datamigrate.spi.Api;
import java.util.Set;

/** One step of a migration run. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface Agent {

    /** Unique in a run, {@code [a-z][a-z0-9-]*}; built-in ids are {@code metadata-extraction}, {@code schema-analysis},
     * {@code model-generation}, {@code validation}. */
    String id();

    Set<StatePart> reads();

    Set<StatePart> writes();

    /**
     * Does the step's work. An agent must be idempotent over objects it already finished (after a resume the host
     * runs the step again over the checkpointed state); changes go through {@link MigrationState#update}.
     */
    void run(AgentContext context);
}
