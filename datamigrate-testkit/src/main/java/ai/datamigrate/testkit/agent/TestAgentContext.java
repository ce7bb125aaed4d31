package ai.datamigrate.testkit.agent;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.agent.AgentContext;
import ai.datamigrate.spi.agent.AgentEvent;
import ai.datamigrate.spi.agent.MigrationState;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.validate.QueryCheck;
import ai.datamigrate.spi.validate.QueryValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * An agent context for tests: no LLM, a validator that parses everything and executes nothing (as the host has
 * without {@code --validate-url}), events recorded in order, and {@link #forEach} run on a pool of real threads as
 * the host does, so that an agent whose result depends on the order of its parallel work shows it.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class TestAgentContext implements AgentContext, AutoCloseable {

    private final MigrationState state;
    private final TargetDialect dialect;
    private final Optional<LlmProvider> llm;
    private final List<AgentEvent> events = new ArrayList<>();
    private final ExecutorService pool;

    /**
     * @param threads the size of the pool {@link #forEach} uses
     */
    public TestAgentContext(MigrationState state, TargetDialect dialect, Optional<LlmProvider> llm, int threads) {
        this.state = state;
        this.dialect = dialect;
        this.llm = llm;
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "testkit-agent");
            t.setDaemon(true);
            return t;
        });
    }

    /** A context over {@code state} with the fixture dialect, no LLM and four threads. */
    public TestAgentContext(MigrationState state) {
        this(state, new FixtureDialect(), Optional.empty(), 4);
    }

    @Override
    public MigrationState state() {
        return state;
    }

    @Override
    public TargetDialect dialect() {
        return dialect;
    }

    @Override
    public Optional<LlmProvider> llm() {
        return llm;
    }

    @Override
    public QueryValidator validator() {
        return new ParseOnlyValidator();
    }

    @Override
    public synchronized void event(AgentEvent event) {
        events.add(event);
    }

    /** The events reported so far, in the order they arrived. */
    public synchronized List<AgentEvent> events() {
        return List.copyOf(events);
    }

    @Override
    public <T> void forEach(List<T> items, Consumer<T> work) {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> work.accept(item)));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataMigrateException(ErrorCode.PLUGIN_FAILED, "interrupted while the agent ran");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new DataMigrateException(ErrorCode.PLUGIN_FAILED, "the agent failed: " + e.getCause());
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** What the host uses when no target URL was given: every query parses, none can be executed. */
    private static final class ParseOnlyValidator implements QueryValidator {
        @Override
        public QueryCheck parse(String sql) {
            return QueryCheck.passed(List.of());
        }

        @Override
        public boolean canExecute() {
            return false;
        }

        @Override
        public QueryCheck execute(List<String> setup, String query) {
            return QueryCheck.failed("this test context executes nothing");
        }

        @Override
        public String rawRelation(ObjectName sourceTable) {
            return "raw." + sourceTable.name();
        }

        @Override
        public void close() {
        }
    }
}
