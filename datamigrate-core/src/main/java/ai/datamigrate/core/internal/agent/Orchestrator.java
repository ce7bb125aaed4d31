package ai.datamigrate.core.internal.agent;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.agent.Agent;
import ai.datamigrate.spi.agent.AgentContext;
import ai.datamigrate.spi.agent.AgentEvent;
import ai.datamigrate.spi.agent.MigrationState;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.agent.ObjectStatus;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Dependency;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.TokenUsage;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.validate.QueryValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs the agents of a migration in order over one shared state, checkpoints the state after every step (and every
 * object the LLM finishes) and resumes from a checkpoint without redoing finished work.
 */
public final class Orchestrator {

    static final Set<String> CODE_KINDS = Set.of("view", "procedure", "function", "trigger");
    private static final ErrorCode AGENT_PLACEMENT = new ErrorCode("DM-AGENT-PLACEMENT",
            ai.datamigrate.spi.ErrorKind.USER, false);

    /**
     * @param llm         the gateway to the configured LLM; empty for none
     * @param maxAttempts LLM attempts per object
     * @param maxTokens   output tokens per LLM call
     * @param jobs        objects handled in parallel
     * @param stateDir    where the checkpoint lives; empty for none
     * @param resume      continue from the checkpoint in {@code stateDir}
     * @param fingerprint what the run is computed from; a checkpoint of another run is refused
     * @param listener    receives every event
     * @param llmDocs     ask the LLM for descriptions of undocumented models (after validation)
     */
    public record Options(Optional<LlmGateway> llm, int maxAttempts, int maxTokens, int jobs, Optional<Path> stateDir,
                          boolean resume, String fingerprint, Consumer<AgentEvent> listener, boolean llmDocs) {
    }

    /** A custom agent with where it runs: {@code before:<id>} or {@code after:<id>}. */
    public record Placed(Agent agent, String placement) {
    }

    /** What the run produced. */
    public record Outcome(List<ObjectState> objects, List<TranslatedModel> models, List<Diagnostic> diagnostics,
                          List<String> steps, TokenUsage tokensPaid, double costUsd, int llmCalls, int cacheHits,
                          Optional<String> llmStopped) {
    }

    private final Options options;

    public Orchestrator(Options options) {
        this.options = options;
    }

    public Outcome run(Database catalog, List<Diagnostic> diagnostics, List<TranslatedModel> ruleModels,
                       TargetDialect dialect, QueryValidator validator, List<Placed> custom) {
        List<ObjectState> initial = catalog.objects().map(o -> ObjectState.pending(o.name(), o.kind())).toList();
        RunState state = new RunState(catalog, initial, diagnostics);
        List<String> finished = new ArrayList<>();
        if (options.resume() && options.stateDir().isPresent()) {
            Optional<Checkpoint> saved = Checkpoint.read(options.stateDir().get());
            if (saved.isPresent()) {
                if (!saved.get().fingerprint().equals(options.fingerprint())) {
                    throw new DataMigrateException(Checkpoint.RESUME_MISMATCH, "the saved run in "
                            + options.stateDir().get() + " was made from another input or other options; "
                            + "run without --resume to start over");
                }
                state.restore(saved.get().objects(), saved.get().diagnostics());
                finished.addAll(saved.get().finishedSteps());
            }
        }
        Runnable checkpoint = () -> options.stateDir().ifPresent(dir -> {
            synchronized (finished) {
                new Checkpoint(options.fingerprint(), finished, state.objects(), state.diagnostics()).write(dir);
            }
        });
        ModelCheck check = new ModelCheck(validator, catalog, dialect);
        RepairLoop loop = new RepairLoop(options.llm(), check, options.maxAttempts(), options.maxTokens(), checkpoint);
        Map<ObjectName, TranslatedModel> byObject = new HashMap<>();
        ruleModels.forEach(m -> byObject.putIfAbsent(m.object(), m));
        List<Agent> builtins = new ArrayList<>(List.of(new BuiltinAgents.MetadataExtraction(byObject),
                new BuiltinAgents.SchemaAnalysis(), new BuiltinAgents.ModelGeneration(loop),
                new BuiltinAgents.Validation(check, loop)));
        if (options.llmDocs() && options.llm().isPresent()) {
            builtins.add(new Documentation(options.llm().get(), options.maxTokens(), checkpoint));
        }
        List<Agent> agents = place(builtins, custom);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.jobs()), r -> {
            Thread t = new Thread(r, "datamigrate-agent");
            t.setDaemon(true);
            return t;
        });
        try {
            Context context = new Context(state, dialect, options.llm(), validator, options.listener(), pool);
            for (Agent agent : agents) {
                if (finished.contains(agent.id())) {
                    continue;
                }
                options.listener().accept(new AgentEvent(agent.id(), AgentEvent.Kind.STEP_STARTED, Optional.empty(),
                        0, TokenUsage.NONE, ""));
                agent.run(context);
                synchronized (finished) {
                    finished.add(agent.id());
                }
                checkpoint.run();
                options.listener().accept(new AgentEvent(agent.id(), AgentEvent.Kind.STEP_FINISHED, Optional.empty(),
                        0, TokenUsage.NONE, ""));
            }
        } finally {
            pool.shutdownNow();
        }
        List<TranslatedModel> models = state.objects().stream()
                .filter(o -> o.status() == ObjectStatus.CONVERTED && o.model().isPresent())
                .map(o -> o.model().get().annotated(o.meta(), o.tags()))
                .sorted(Comparator.comparing(TranslatedModel::object).thenComparing(TranslatedModel::kind))
                .toList();
        LlmGateway gateway = options.llm().orElse(null);
        return new Outcome(state.objects(), models, state.diagnostics(), List.copyOf(finished),
                gateway == null ? TokenUsage.NONE : gateway.spentTokens(), gateway == null ? 0 : gateway.spentUsd(),
                gateway == null ? 0 : gateway.calls(), gateway == null ? 0 : gateway.cacheHits(),
                loop.stoppedBecause());
    }

    /** The built-in agents with the custom ones inserted where they asked to run. */
    static List<Agent> place(List<Agent> builtins, List<Placed> custom) {
        List<Agent> agents = new ArrayList<>(builtins);
        for (Placed placed : custom) {
            String[] parts = placed.placement().split(":", 2);
            int at = parts.length != 2 ? -1 : indexOf(agents, parts[1]);
            if (at < 0 || !(parts[0].equals("before") || parts[0].equals("after"))) {
                throw new DataMigrateException(AGENT_PLACEMENT, "agent '" + placed.agent().id()
                        + "' asks to run at '" + placed.placement() + "'; expected before:<id> or after:<id> with one "
                        + "of: " + String.join(", ", agents.stream().map(Agent::id).toList()));
            }
            if (indexOf(agents, placed.agent().id()) >= 0) {
                throw new DataMigrateException(AGENT_PLACEMENT, "two agents have the id '" + placed.agent().id() + "'");
            }
            agents.add(parts[0].equals("before") ? at : at + 1, placed.agent());
        }
        return agents;
    }

    private static int indexOf(List<Agent> agents, String id) {
        for (int i = 0; i < agents.size(); i++) {
            if (agents.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    static CatalogObject catalogObject(MigrationState state, ObjectName name, String kind) {
        Optional<CatalogObject> found = state instanceof RunState run ? run.catalogObject(name, kind)
                : state.catalog().objects().filter(o -> o.name().equals(name) && o.kind().equals(kind)).findFirst();
        return found.orElseThrow(() -> new IllegalStateException("no " + kind + " " + name + " in the catalog"));
    }

    /** {@link Database#dependenciesOf}, from the run state's index when there is one. */
    static List<Dependency> dependenciesOf(MigrationState state, ObjectName name) {
        return state instanceof RunState run ? run.dependenciesOf(name) : state.catalog().dependenciesOf(name);
    }

    private record Context(MigrationState state, TargetDialect dialect, Optional<LlmGateway> gateway,
                           QueryValidator validator, Consumer<AgentEvent> listener, ExecutorService pool)
            implements AgentContext {

        @Override
        public Optional<LlmProvider> llm() {
            return gateway.map(g -> g);
        }

        @Override
        public void event(AgentEvent event) {
            synchronized (listener) {
                listener.accept(event);
            }
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
                    throw new DataMigrateException(ErrorCode.PLUGIN_FAILED, "interrupted while agents ran");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new DataMigrateException(ErrorCode.PLUGIN_FAILED, "an agent failed: " + e.getCause());
                }
            }
        }
    }
}
