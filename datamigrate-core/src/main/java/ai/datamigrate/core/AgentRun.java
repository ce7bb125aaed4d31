package ai.datamigrate.core;

import ai.datamigrate.core.internal.CatalogJson;
import ai.datamigrate.core.internal.agent.LlmGateway;
import ai.datamigrate.core.internal.agent.Orchestrator;
import ai.datamigrate.core.internal.config.SecretMasker;
import ai.datamigrate.core.internal.plugin.PluginRegistry.Contribution;
import ai.datamigrate.core.internal.plugin.PluginRegistry;
import ai.datamigrate.core.report.LlmRunSummary;
import ai.datamigrate.core.report.LlmTrace;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.agent.AgentFactory;
import ai.datamigrate.spi.agent.Classification;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.config.ConfigurableFactory;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmProviderFactory;
import ai.datamigrate.spi.output.ObjectAnnotations;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.validate.QueryCheck;
import ai.datamigrate.spi.validate.QueryValidator;
import ai.datamigrate.spi.validate.QueryValidatorFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;

/** Wires one run of the agent pipeline from the registry's contributions and the user's options. */
final class AgentRun {

    static final ErrorCode LLM_UNCHECKABLE = new ErrorCode("DM-LLM-NO-VALIDATOR", ai.datamigrate.spi.ErrorKind.USER,
            false);

    /** What the report needs. */
    record Traces(Map<String, LlmTrace> perObject, Optional<LlmRunSummary> run) {
    }

    record Result(List<TranslatedModel> models, List<Diagnostic> diagnostics, Traces traces,
                  Map<ObjectName, ObjectAnnotations> annotations) {
    }

    private final PluginRegistry registry;
    private final SecretMasker masker;
    private final PluginContext context;
    private final Function<ConfigurableFactory, Map<String, String>> configFor;

    AgentRun(PluginRegistry registry, SecretMasker masker, PluginContext context,
             Function<ConfigurableFactory, Map<String, String>> configFor) {
        this.registry = registry;
        this.masker = masker;
        this.context = context;
        this.configFor = configFor;
    }

    Result run(InspectResult inspected, String target, String output, TargetDialect dialect,
               List<Diagnostic> diagnostics, List<TranslatedModel> ruleModels, AgentOptions options,
               Optional<Path> stateDir, Supplier<String> fingerprint) {
        Optional<Contribution<QueryValidatorFactory>> validatorFactory = registry.queryValidators().stream()
                .filter(c -> c.name().equals(target)).findFirst();
        if (options.llm().isPresent() && validatorFactory.isEmpty()) {
            throw new DataMigrateException(LLM_UNCHECKABLE, "no plugin validates SQL for target '" + target
                    + "', so LLM answers could not be checked; run without --llm");
        }
        options.validateUrl().ifPresent(url -> {
            if (validatorFactory.isEmpty() || !validatorFactory.get().factory().accepts(url)) {
                throw new DataMigrateException(ErrorCode.PLUGIN_NOT_FOUND, "no query validator for target '" + target
                        + "' accepts " + masker.mask(url));
            }
        });
        Optional<LlmGateway> gateway = options.llm().map(name -> gateway(name, options));
        List<Orchestrator.Placed> custom = new ArrayList<>();
        for (Contribution<AgentFactory> c : registry.agents()) {
            Map<String, String> config = configFor.apply(c.factory());
            String placement = config.getOrDefault(c.factory().configSpec().namespace() + ".placement",
                    PluginRegistry.callPlugin(c.plugin(), "place its agent", c.factory()::placement));
            custom.add(new Orchestrator.Placed(PluginRegistry.callPlugin(c.plugin(), "create agent '" + c.name() + "'",
                    () -> c.factory().create(config, context)), placement));
        }
        Orchestrator.Outcome outcome;
        try (QueryValidator validator = validatorFactory.map(c -> PluginRegistry.callPlugin(c.plugin(),
                "create query validator '" + c.name() + "'", () -> c.factory().create(options.validateUrl(),
                        options.rawSchema(), configFor.apply(c.factory()), context))).orElseGet(TrustingValidator::new)) {
            outcome = new Orchestrator(new Orchestrator.Options(gateway, options.maxAttempts(), options.maxTokens(),
                    options.jobs(), stateDir, options.resume(), fingerprint.get(), options.listener(), options.llmDocs()))
                    .run(inspected.database(), diagnostics, ruleModels, dialect, validator, custom);
        }
        Map<String, LlmTrace> traces = new TreeMap<>();
        for (ObjectState o : outcome.objects()) {
            if (o.classification() == Classification.LLM_CANDIDATE) {
                traces.put(o.kind() + " " + o.object(), new LlmTrace(o.attempts(), o.tokens().inputTokens(),
                        o.tokens().outputTokens(), o.costUsd(), o.status().name().toLowerCase(java.util.Locale.ROOT),
                        o.notes()));
            }
        }
        Optional<LlmRunSummary> run = gateway.map(g -> new LlmRunSummary(g.providerName(), g.model(),
                outcome.llmCalls(), outcome.cacheHits(), outcome.tokensPaid().inputTokens(),
                outcome.tokensPaid().outputTokens(), outcome.costUsd(), outcome.llmStopped()));
        // agents' meta and tags on objects without a model of their own (tables) go to the output as annotations
        Map<ObjectName, ObjectAnnotations> annotations = new TreeMap<>();
        for (ObjectState o : outcome.objects()) {
            if (o.model().isEmpty() && (!o.meta().isEmpty() || !o.tags().isEmpty())) {
                annotations.put(o.object(), new ObjectAnnotations(o.meta(), o.tags()));
            }
        }
        return new Result(outcome.models(), outcome.diagnostics().stream().sorted().toList(), new Traces(traces, run),
                annotations);
    }

    private LlmGateway gateway(String name, AgentOptions options) {
        Optional<LlmProvider> provider = Optional.empty();
        if (!options.offline()) {
            Contribution<LlmProviderFactory> c = registry.llmProvider(name);
            provider = Optional.of(PluginRegistry.callPlugin(c.plugin(), "create LLM provider '" + name + "'",
                    () -> c.factory().create(configFor.apply(c.factory()), context)));
        }
        return new LlmGateway(name, provider, options.cacheDir(), options.budgetUsd(), Math.min(options.jobs(), 4));
    }

    /**
     * The run's inputs that decide its outcome; a checkpoint made from others is not resumed. It hashes the whole
     * catalog, so the host computes it only for a run that keeps state, beside the translation.
     */
    static String fingerprint(InspectResult inspected, String target, String output, AgentOptions options) {
        String text = CatalogJson.toJson(inspected.database(), inspected.diagnostics()) + "\n" + target + "\n" + output
                + "\n" + options.llm().orElse("-") + "\n" + options.offline() + "\n" + options.maxAttempts() + "\n"
                + options.validateUrl().isPresent() + "\n" + options.llmDocs();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For a target without a validator and no LLM: rule models are taken as translated. */
    private static final class TrustingValidator implements QueryValidator {
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
            return QueryCheck.failed("no validator for this target");
        }

        @Override
        public String rawRelation(ObjectName sourceTable) {
            return sourceTable.toString();
        }

        @Override
        public void close() {
        }
    }
}
