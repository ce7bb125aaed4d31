package ai.datamigrate.core.internal.agent;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.agent.AgentContext;
import ai.datamigrate.spi.agent.AgentEvent;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.agent.ObjectStatus;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.llm.LlmException;
import ai.datamigrate.spi.llm.TokenUsage;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.TranslatedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Generation and validation in a loop for the objects rules could not translate: ask the LLM, check what it
 * answered like any model (parse, relations, execution), and on failure ask again with the exact error — at most
 * {@code maxAttempts} times, then {@code needs_review} with every error in the notes. Objects run in parallel on the
 * host's pool; each finished object is checkpointed.
 */
final class RepairLoop {

    private final Optional<LlmGateway> llm;
    private final ModelCheck check;
    private final int maxAttempts;
    private final int maxTokens;
    private final Runnable checkpoint;
    /** Set when the budget runs out: the remaining objects are not sent. */
    private final AtomicReference<String> stopped = new AtomicReference<>();

    RepairLoop(Optional<LlmGateway> llm, ModelCheck check, int maxAttempts, int maxTokens, Runnable checkpoint) {
        this.llm = llm;
        this.check = check;
        this.maxAttempts = maxAttempts;
        this.maxTokens = maxTokens;
        this.checkpoint = checkpoint;
    }

    Optional<String> stoppedBecause() {
        return Optional.ofNullable(stopped.get());
    }

    /**
     * @param firstErrors for objects sent back by validation, what was wrong with the rule translation
     */
    void run(AgentContext context, List<ObjectState> candidates, Map<ObjectName, String> firstErrors) {
        context.forEach(candidates, o -> {
            if (one(context, o, Optional.ofNullable(firstErrors.get(o.object())))) {
                checkpoint.run();
            }
        });
    }

    /**
     * @return whether the LLM was asked: only then is the object worth a checkpoint of its own (without an LLM it is
     *     finished at once, and the checkpoint after the step covers it; one per object made large inputs quadratic)
     */
    private boolean one(AgentContext context, ObjectState state, Optional<String> firstError) {
        ObjectName name = state.object();
        CatalogObject object = Orchestrator.catalogObject(context.state(), name, state.kind());
        if (llm.isEmpty()) {
            context.state().addDiagnostic(Diagnostic.info(BuiltinAgents.LLM_NOT_CONFIGURED, object.location(),
                    "no LLM configured; an LLM would be asked to translate this " + state.kind() + " ("
                            + (object.definition().isEmpty() ? 0 : object.definition().lines().count())
                            + " lines of T-SQL" + firstError.map(e -> ", after the rule translation failed: " + e)
                            .orElse("") + ")").withObject(name.toString()));
            context.state().update(name, s -> s.withNote("not sent to an LLM: none configured")
                    .withStatus(ObjectStatus.NEEDS_REVIEW));
            return false;
        }
        context.event(new AgentEvent(BuiltinAgents.GENERATION, AgentEvent.Kind.OBJECT_STARTED, Optional.of(name), 0,
                TokenUsage.NONE, state.kind()));
        Prompt prompt = Prompt.of(object, context.state().catalog(), context.dialect(),
                n -> context.state().object(n).filter(s -> s.status() == ObjectStatus.CONVERTED)
                        .flatMap(ObjectState::model));
        List<String[]> previous = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (stopped.get() != null) {
                errors.add(stopped.get());
                break;
            }
            LlmGateway.Answer answer;
            try {
                answer = llm.get().call(prompt.request(previous, maxTokens));
            } catch (LlmException e) {
                if (e.errorCode().equals(LlmException.BUDGET_EXHAUSTED)) {
                    stopped.compareAndSet(null, e.getMessage());
                }
                errors.add(e.getMessage());
                if (!e.errorCode().retriable() || e.errorCode().equals(LlmException.BUDGET_EXHAUSTED)) {
                    break;
                }
                continue;
            }
            int n = attempt;
            context.state().update(name, s -> s.withAttempt(answer.paidTokens(), answer.paidUsd()));
            context.event(new AgentEvent(BuiltinAgents.GENERATION, AgentEvent.Kind.ATTEMPT, Optional.of(name), n,
                    answer.paidTokens(), answer.cached() ? "cached answer" : "answered"));
            Optional<String> problem;
            TranslatedModel model = null;
            try {
                LlmAnswer parsed = LlmAnswer.parse(answer.response().text());
                List<ModelReference> used = prompt.references().stream()
                        .filter(r -> parsed.sql().contains(r.placeholder()))
                        .sorted(java.util.Comparator.comparingInt(r -> parsed.sql().indexOf(r.placeholder())))
                        .toList();
                TreeMap<String, String> meta = new TreeMap<>();
                meta.put("provider", llm.get().providerName());
                meta.put("model", answer.response().model());
                meta.put("attempts", Integer.toString(n));
                model = new TranslatedModel(name, state.kind(), parsed.sql(), used, List.of(),
                        parsed.materialization(), "llm", parsed.notes(), meta, List.of());
                problem = check.check(model, o -> context.state().object(o)
                        .filter(s -> s.status() == ObjectStatus.CONVERTED).flatMap(ObjectState::model));
            } catch (IllegalArgumentException | DataMigrateException e) {
                problem = Optional.of(e.getMessage());
            }
            if (problem.isEmpty()) {
                TranslatedModel accepted = model;
                context.state().addDiagnostic(Diagnostic.warning(BuiltinAgents.LLM_TRANSLATED, object.location(),
                        "translated by the LLM (" + llm.get().providerName() + ", " + answer.response().model()
                                + ") in " + n + " attempt" + (n == 1 ? "" : "s") + "; review it before use")
                        .withObject(name.toString()));
                context.state().update(name, s -> s.withModel(Optional.of(accepted), ObjectStatus.CONVERTED)
                        .withNote("LLM attempt " + accepted.meta().get("attempts") + " passed every check"
                                + (check.executes() ? ", execution on the target included" : " (parse only)")));
                finished(context, name, "converted in " + n);
                return true;
            }
            errors.add("attempt " + n + ": " + problem.get());
            previous.add(new String[] {answer.response().text(), problem.get()});
        }
        String reasons = String.join("; ", errors);
        context.state().addDiagnostic(Diagnostic.warning(BuiltinAgents.LLM_GAVE_UP, object.location(),
                "no LLM translation passed validation: " + reasons).withObject(name.toString()));
        context.state().update(name, s -> {
            ObjectState next = s.withStatus(ObjectStatus.NEEDS_REVIEW);
            for (String e : errors) {
                next = next.withNote(e);
            }
            return next;
        });
        finished(context, name, "needs review");
        return true;
    }

    private static void finished(AgentContext context, ObjectName name, String message) {
        context.event(new AgentEvent(BuiltinAgents.GENERATION, AgentEvent.Kind.OBJECT_FINISHED, Optional.of(name), 0,
                TokenUsage.NONE, message));
    }
}
