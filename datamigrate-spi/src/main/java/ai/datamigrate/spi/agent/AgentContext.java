package ai.datamigrate.spi.agent;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.validate.QueryValidator;
import java.util.Optional;
import java.util.function.Consumer;

/** What the host offers an agent while it runs. Implemented by the host only, so it may grow in any release. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface AgentContext {

    MigrationState state();

    TargetDialect dialect();

    /**
     * The configured model, behind the host's response cache, budget and rate limit; empty when no LLM is
     * configured (agents then record what they would have asked).
     */
    Optional<LlmProvider> llm();

    /** Checks SQL for the target; parses always, executes when a target URL was given. */
    QueryValidator validator();

    /** Reports progress; safe to call from any thread. */
    void event(AgentEvent event);

    /** Runs work for each object on the host's bounded pool and waits for all of it. */
    <T> void forEach(java.util.List<T> items, Consumer<T> work);
}
