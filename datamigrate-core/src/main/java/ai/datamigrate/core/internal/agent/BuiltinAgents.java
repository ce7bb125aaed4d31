package ai.datamigrate.core.internal.agent;

import ai.datamigrate.core.report.ReportBuilder;
import ai.datamigrate.spi.agent.Agent;
import ai.datamigrate.spi.agent.AgentContext;
import ai.datamigrate.spi.agent.AgentEvent;
import ai.datamigrate.spi.agent.Classification;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.agent.ObjectStatus;
import ai.datamigrate.spi.agent.StatePart;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.llm.TokenUsage;
import ai.datamigrate.spi.output.TranslatedModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The agents every run has, in their order: extraction, analysis, generation, validation. */
final class BuiltinAgents {

    static final String EXTRACTION = "metadata-extraction";
    static final String ANALYSIS = "schema-analysis";
    static final String GENERATION = "model-generation";
    static final String VALIDATION = "validation";
    static final String VALIDATION_FAILED = "DM-VALIDATION-FAILED";
    static final String LLM_NOT_CONFIGURED = "DM-LLM-NOT-CONFIGURED";
    static final String LLM_GAVE_UP = "DM-LLM-NEEDS-REVIEW";
    static final String LLM_TRANSLATED = "DM-LLM-TRANSLATED";

    private BuiltinAgents() {
    }

    private static AgentEvent event(String agent, AgentEvent.Kind kind, String message) {
        return new AgentEvent(agent, kind, Optional.empty(), 0, TokenUsage.NONE, message);
    }

    /** Source to catalog: the host has read the input; this step records every object of it in the state. */
    record MetadataExtraction(Map<ObjectName, TranslatedModel> ruleModels) implements Agent {
        @Override
        public String id() {
            return EXTRACTION;
        }

        @Override
        public Set<StatePart> reads() {
            return Set.of(StatePart.CATALOG);
        }

        @Override
        public Set<StatePart> writes() {
            return Set.of(StatePart.CATALOG, StatePart.MODELS);
        }

        @Override
        public void run(AgentContext context) {
            // the state already holds one entry per catalog object; attach the rule translator's models
            for (ObjectState o : context.state().objects()) {
                TranslatedModel model = ruleModels.get(o.object());
                if (model != null && model.kind().equalsIgnoreCase(o.kind()) && o.model().isEmpty()) {
                    context.state().update(o.object(), s -> s.withModel(Optional.of(model), s.status()));
                }
            }
        }
    }

    /** Classifies every object: rule-translatable, LLM candidate or unsupported, with an effort estimate. */
    record SchemaAnalysis() implements Agent {
        @Override
        public String id() {
            return ANALYSIS;
        }

        @Override
        public Set<StatePart> reads() {
            return Set.of(StatePart.CATALOG, StatePart.MODELS);
        }

        @Override
        public Set<StatePart> writes() {
            return Set.of(StatePart.CLASSIFICATION);
        }

        @Override
        public void run(AgentContext context) {
            for (ObjectState o : context.state().objects()) {
                CatalogObject object = Orchestrator.catalogObject(context.state(), o.object(), o.kind());
                int lines = object == null || object.definition().isEmpty() ? 0
                        : (int) object.definition().lines().count();
                int dependencies = Orchestrator.dependenciesOf(context.state(), o.object()).size();
                Classification verdict;
                if (!Orchestrator.CODE_KINDS.contains(o.kind()) || o.model().isPresent()) {
                    verdict = Classification.RULE;
                } else if (o.kind().equals("trigger")) {
                    verdict = Classification.UNSUPPORTED;
                } else {
                    verdict = Classification.LLM_CANDIDATE;
                }
                ai.datamigrate.core.report.ObjectStatus expected = switch (verdict) {
                    case RULE -> ai.datamigrate.core.report.ObjectStatus.CONVERTED;
                    case UNSUPPORTED -> ai.datamigrate.core.report.ObjectStatus.UNSUPPORTED;
                    default -> ai.datamigrate.core.report.ObjectStatus.NEEDS_REVIEW;
                };
                int minutes = ReportBuilder.effortMinutes(o.kind(), expected, lines, dependencies, List.of());
                context.state().update(o.object(), s -> s.classified(verdict, minutes));
            }
        }
    }

    /**
     * Rule models are taken as they are; every LLM candidate goes through the repair loop (generate, check, retry
     * with the error) when an LLM is configured, and is otherwise reported with what the LLM would have been asked.
     */
    record ModelGeneration(RepairLoop loop) implements Agent {
        @Override
        public String id() {
            return GENERATION;
        }

        @Override
        public Set<StatePart> reads() {
            return Set.of(StatePart.CATALOG, StatePart.CLASSIFICATION, StatePart.MODELS, StatePart.VALIDATION);
        }

        @Override
        public Set<StatePart> writes() {
            return Set.of(StatePart.MODELS);
        }

        @Override
        public void run(AgentContext context) {
            List<ObjectState> candidates = new java.util.ArrayList<>();
            for (ObjectState o : context.state().objects()) {
                if (o.status() != ObjectStatus.PENDING) {
                    continue; // finished before a resume
                }
                switch (o.classification()) {
                    case RULE -> context.state().update(o.object(), s -> s.withStatus(ObjectStatus.CONVERTED));
                    case UNSUPPORTED -> context.state().update(o.object(), s -> s.withStatus(ObjectStatus.UNSUPPORTED));
                    case LLM_CANDIDATE -> candidates.add(o);
                    default -> { }
                }
            }
            loop.run(context, candidates, Map.of());
        }
    }

    /** Checks every model that has not been checked; failures go back to generation through the orchestrator. */
    record Validation(ModelCheck check, RepairLoop loop) implements Agent {
        @Override
        public String id() {
            return VALIDATION;
        }

        @Override
        public Set<StatePart> reads() {
            return Set.of(StatePart.MODELS);
        }

        @Override
        public Set<StatePart> writes() {
            return Set.of(StatePart.VALIDATION, StatePart.MODELS);
        }

        @Override
        public void run(AgentContext context) {
            Map<ObjectName, String> failures = new java.util.LinkedHashMap<>();
            if (!check.executes()) {
                return; // rule models are only judged by execution; LLM models were parsed in their loop
            }
            for (ObjectState o : context.state().objects()) {
                if (o.status() != ObjectStatus.CONVERTED || o.model().isEmpty()
                        || !o.model().get().origin().equals("rule")) {
                    continue; // LLM models were checked in their loop
                }
                Optional<String> problem = check.check(o.model().get(), n -> context.state().object(n)
                        .filter(s -> s.status() == ObjectStatus.CONVERTED).flatMap(ObjectState::model));
                problem.ifPresent(p -> failures.put(o.object(), p));
            }
            for (Map.Entry<ObjectName, String> failure : failures.entrySet()) {
                ObjectState o = context.state().object(failure.getKey()).orElseThrow();
                CatalogObject object = Orchestrator.catalogObject(context.state(), o.object(), o.kind());
                context.state().addDiagnostic(Diagnostic.error(VALIDATION_FAILED, object.location(),
                        "the rule translation failed validation: " + failure.getValue()).withObject(
                        o.object().toString()));
                context.state().update(o.object(), s -> s.withNote("validation: " + failure.getValue())
                        .classified(Classification.LLM_CANDIDATE, s.effortMinutes())
                        .withModel(Optional.empty(), ObjectStatus.PENDING));
            }
            if (!failures.isEmpty()) {
                context.event(event(id(), AgentEvent.Kind.STEP_FINISHED, failures.size()
                        + " rule models failed validation; back to generation"));
                loop.run(context, failures.keySet().stream().map(n -> context.state().object(n).orElseThrow())
                        .toList(), failures);
            }
        }
    }
}
