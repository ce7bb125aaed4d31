package ai.datamigrate.core;

import ai.datamigrate.core.internal.AtomicOutputWriter;
import ai.datamigrate.core.internal.CatalogJson;
import ai.datamigrate.core.internal.HostPluginContext;
import ai.datamigrate.core.internal.InputFiles;
import ai.datamigrate.core.internal.agent.ModelsFile;
import ai.datamigrate.core.internal.agent.ProjectValidation;
import ai.datamigrate.core.internal.config.SecretMasker;
import ai.datamigrate.core.internal.config.Settings;
import ai.datamigrate.core.internal.plugin.PluginRegistry.Contribution;
import ai.datamigrate.core.internal.plugin.PluginRegistry;
import ai.datamigrate.core.report.MigrationReport;
import ai.datamigrate.core.report.ReportBuilder;
import ai.datamigrate.core.report.ReportFiles;
import ai.datamigrate.core.report.ReportHeader;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.config.ConfigurableFactory;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.spi.load.LoadRequest;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.output.GeneratedFile;
import ai.datamigrate.spi.output.OutputRequest;
import ai.datamigrate.spi.output.OutputResult;
import ai.datamigrate.spi.output.OutputTargetFactory;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.spi.source.SourceReader;
import ai.datamigrate.spi.source.SourceReaderFactory;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TargetDialectFactory;
import ai.datamigrate.spi.translate.TranslationRequest;
import ai.datamigrate.spi.translate.TranslationResult;
import ai.datamigrate.spi.translate.TranslatorFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host of one run: the plugins found, the user's settings checked against what the plugins declare, and the
 * operations {@link DataMigrate} offers. Package-private: embedding applications and the CLI use {@link DataMigrate}.
 */
final class DataMigrateHost {

    private static final Logger LOG = LoggerFactory.getLogger(DataMigrateHost.class);
    private static final ErrorCode LOAD_NO_ROWS = new ErrorCode("DM-LOAD-NO-ROWS", ai.datamigrate.spi.ErrorKind.USER,
            false);

    private final PluginRegistry registry;
    private final Settings settings;
    private final SecretMasker masker;
    private final PluginContext context;

    @Inject
    public DataMigrateHost(PluginRegistry registry, Settings settings) {
        this.registry = registry;
        this.settings = settings;
        this.masker = new SecretMasker(settings, registry.secretKeys());
        this.context = new HostPluginContext(version(), masker);
        validateSettings();
    }

    /** The host's version, from the jar manifest. */
    public static String version() {
        String version = DataMigrateHost.class.getPackage().getImplementationVersion();
        Module module = DataMigrateHost.class.getModule();
        if (version == null && module.getDescriptor() != null) {
            version = module.getDescriptor().rawVersion().orElse(null);
        }
        return version == null ? "dev" : version;
    }

    public PluginRegistry plugins() {
        return registry;
    }

    public SecretMasker masker() {
        return masker;
    }

    /**
     * Rejects keys no plugin declares. Several services may share a namespace (the postgres dialect and loader
     * both use {@code postgres.}), so the known keys of a namespace are those of all its services together.
     */
    private void validateSettings() {
        Map<String, Set<String>> known = new java.util.TreeMap<>();
        for (ConfigSpec spec : registry.configSpecs()) {
            known.computeIfAbsent(spec.namespace(), n -> new TreeSet<>()).addAll(spec.keys());
        }
        for (Map.Entry<String, String> setting : settings.values().entrySet()) {
            String key = setting.getKey();
            String namespace = key.substring(0, key.indexOf('.'));
            Set<String> keys = known.get(namespace);
            if (keys == null) {
                throw new DataMigrateException(ErrorCode.CONFIG_UNKNOWN_KEY, "no plugin uses configuration namespace '"
                        + namespace + "'; known namespaces: " + String.join(", ", known.keySet()));
            }
            if (!keys.contains(key)) {
                throw new DataMigrateException(ErrorCode.CONFIG_UNKNOWN_KEY, "unknown configuration key '" + key
                        + "'; known keys: " + (keys.isEmpty() ? "(none)" : String.join(", ", keys)));
            }
        }
    }

    /** Reads the input into a catalog. */
    public InspectResult inspect(Input input, Map<String, String> variables) {
        return read(input, variables).inspected();
    }

    /** The reader that read an input, kept so that the rows can come from the same reader as the catalog. */
    private record Reading(Contribution<SourceReaderFactory> contribution, SourceReader reader, SourceInput input,
                           InspectResult inspected) {
    }

    private Reading read(Input input, Map<String, String> variables) {
        input.path().ifPresent(InputFiles::check);
        SourceInput sourceInput = new SourceInput(input.location(), input.path(), variables);
        String shown = masker.mask(input.location());
        Contribution<SourceReaderFactory> reader = registry.sourceReaders().stream()
                .filter(c -> PluginRegistry.callPlugin(c.plugin(), "check the input", () -> c.factory().accepts(sourceInput)))
                .findFirst()
                .orElseThrow(() -> new DataMigrateException(ErrorCode.INPUT_UNREADABLE, "no source reader accepts "
                        + shown + "; available readers: " + describe(registry.sourceReaders())));
        LOG.debug("reading {} with source reader '{}'", shown, reader.name());
        SourceReader instance = PluginRegistry.callPlugin(reader.plugin(), "create source reader '" + reader.name()
                + "'", () -> reader.factory().create(configFor(reader.factory()), context));
        SourceReadResult result = PluginRegistry.callPlugin(reader.plugin(), "read " + shown,
                () -> instance.read(sourceInput));
        return new Reading(reader, instance, sourceInput,
                new InspectResult(reader.name(), result.database(), sorted(result.diagnostics())));
    }

    /** Reads the input and writes the output folder atomically, the migration report included. */
    public MigrateResult migrate(MigrateRequest request) {
        Path stateDir = stateDir(request.out());
        Generation run = generate(request.input(), request.variables(), request.target(), request.output(),
                request.agents(), Optional.of(stateDir));
        MigrationReport report = run.report("migrate", request.input(), displayName(request.input()), false);
        List<GeneratedFile> files = new ArrayList<>();
        for (GeneratedFile file : run.output().files()) {
            if (ReportFiles.NAMES.contains(file.path())) {
                // the host owns the report files; a plugin file of the same name would be silently lost otherwise
                LOG.warn("output '{}' generated {}, which the migration report replaces", run.outputName(), file.path());
            } else {
                files.add(file);
            }
        }
        files.addAll(ReportFiles.render(report));
        Map<ai.datamigrate.spi.catalog.ObjectName, String> locations = new java.util.HashMap<>();
        report.objects().forEach(o -> locations.putIfAbsent(new ai.datamigrate.spi.catalog.ObjectName(o.schema(),
                o.name()), o.location()));
        files.add(new GeneratedFile(ModelsFile.PATH, ModelsFile.of(run.target(), run.models(),
                run.output().outcomes(), n -> locations.getOrDefault(n, "")).json()));
        files.sort(Comparator.comparing(GeneratedFile::path));
        AtomicOutputWriter.Preserved preserved = AtomicOutputWriter.writeProject(request.out(), files,
                request.force(), "DataMigrate " + version() + " from " + displayName(request.input())
                        + " (source reader " + run.inspected().sourceReader() + ", target " + run.target()
                        + ", output " + run.outputName() + ")");
        AtomicOutputWriter.deleteQuietly(stateDir); // the run completed: nothing to resume
        return new MigrateResult(request.out(), run.inspected().database(),
                files.stream().map(GeneratedFile::path).toList(), run.diagnostics(), report, preserved.keptEdits(),
                preserved.keptFiles());
    }

    /**
     * Creates the raw tables of the input's catalog on the target database and, unless schema only, loads the rows
     * that the same source reader streams from the input. The loader is the first one that accepts the URL.
     */
    public LoadResult load(Input input, Map<String, String> variables, LoadRequestOptions options) {
        return load(input, variables, options, ai.datamigrate.spi.load.LoadListener.NONE);
    }

    /**
     * {@link #load(Input, Map, LoadRequestOptions)} with progress events for {@code listener}; with a report folder in
     * the options, writes {@code load-report.json} and {@code load-report.md} there (verification per table and
     * column), replacing those of an earlier load.
     */
    public LoadResult load(Input input, Map<String, String> variables, LoadRequestOptions options,
                           ai.datamigrate.spi.load.LoadListener listener) {
        Contribution<DataLoaderFactory> loader = registry.dataLoaders().stream()
                .filter(c -> PluginRegistry.callPlugin(c.plugin(), "check the target URL",
                        () -> c.factory().accepts(options.targetUrl())))
                .findFirst()
                .orElseThrow(() -> new DataMigrateException(ErrorCode.PLUGIN_NOT_FOUND, "no data loader accepts "
                        + masker.mask(options.targetUrl()) + "; available loaders: " + describe(registry.dataLoaders())));
        Reading reading = read(input, variables);
        InspectResult inspected = reading.inspected();
        Optional<RowSource> rows = Optional.empty();
        if (!options.schemaOnly()) {
            rows = PluginRegistry.callPlugin(reading.contribution().plugin(), "open the rows of "
                            + masker.mask(input.location()),
                    () -> reading.reader().rows(reading.input()));
            if (rows.isEmpty()) {
                throw new DataMigrateException(LOAD_NO_ROWS, "source reader '" + inspected.sourceReader()
                        + "' cannot read rows from " + masker.mask(input.location()) + "; use --schema-only to create the raw tables only");
            }
        }
        Optional<RowSource> loadRows = rows;
        Map<String, String> config = loaderConfig(loader.factory(), options);
        LoadResult result = PluginRegistry.callPlugin(loader.plugin(), "load into " + masker.mask(options.targetUrl()),
                () -> loader.factory().create(config, context).load(new LoadRequest(
                        inspected.database(), options.targetUrl(), options.rawSchema(), options.tables(),
                        options.replace(), options.schemaOnly(), loadRows, options.jobs(), options.resume(),
                        listener)));
        List<Diagnostic> diagnostics = new ArrayList<>(inspected.diagnostics());
        diagnostics.addAll(result.diagnostics());
        LoadResult loaded = new LoadResult(result.tables(), sorted(diagnostics), result.verifications());
        options.reportDir().ifPresent(dir -> ai.datamigrate.core.report.LoadReport.write(dir, new
                ai.datamigrate.core.report.LoadReport(version(), displayName(input), inspected.database().name(),
                masker.mask(options.targetUrl()), options.rawSchema(), options.schemaOnly(), loaded)));
        return loaded;
    }

    /**
     * The loader's settings plus the reject options of the command line. {@link LoadRequest} has no fields for them
     * yet, so they travel as the loader's own {@code <namespace>.reject-dir} / {@code <namespace>.max-rejects} keys,
     * and only to a loader that declares them; the command line wins over {@code --set}.
     */
    private Map<String, String> loaderConfig(DataLoaderFactory factory, LoadRequestOptions options) {
        Map<String, String> config = new java.util.HashMap<>(configFor(factory));
        String namespace = factory.configSpec().namespace();
        Set<String> declared = factory.configSpec().keys();
        options.rejectDir().filter(d -> declared.contains(namespace + ".reject-dir"))
                .ifPresent(d -> config.put(namespace + ".reject-dir", d.toString()));
        if (options.maxRejects().isPresent() && declared.contains(namespace + ".max-rejects")) {
            config.put(namespace + ".max-rejects", Long.toString(options.maxRejects().getAsLong()));
        }
        return Map.copyOf(config);
    }

    /**
     * Executes every model of a project written by {@link #migrate} on the target, each in a transaction that is
     * rolled back, on top of the raw tables loaded into {@code rawSchema} and of temporary views standing in for the
     * models it reads. The models are checked as generated ({@code .datamigrate/models.json}).
     */
    public List<ValidationResult> validate(Path project, String targetUrl, String rawSchema) {
        ModelsFile models = ModelsFile.read(project);
        Contribution<TargetDialectFactory> targetFactory = registry.targetDialect(models.target());
        Contribution<ai.datamigrate.spi.validate.QueryValidatorFactory> factory = registry.queryValidators().stream()
                .filter(c -> c.name().equals(models.target()) && c.factory().accepts(targetUrl)).findFirst()
                .orElseThrow(() -> new DataMigrateException(ErrorCode.PLUGIN_NOT_FOUND, "no query validator for target '"
                        + models.target() + "' accepts " + masker.mask(targetUrl)));
        TargetDialect dialect = PluginRegistry.callPlugin(targetFactory.plugin(), "create target dialect '"
                + targetFactory.name() + "'", () -> targetFactory.factory().create(configFor(targetFactory.factory()),
                context));
        try (ai.datamigrate.spi.validate.QueryValidator validator = PluginRegistry.callPlugin(factory.plugin(),
                "create query validator '" + factory.name() + "'", () -> factory.factory().create(
                        Optional.of(targetUrl), rawSchema, configFor(factory.factory()), context))) {
            return ProjectValidation.run(models, validator, dialect).stream()
                    .map(r -> new ValidationResult(r.entry().model(), r.entry().object(), r.entry().kind(),
                            r.entry().location(), r.entry().file(), r.entry().translation().origin(), r.error()))
                    .toList();
        }
    }

    /**
     * Reads the input and runs the output target's generation like {@link #migrate}, but writes only the three
     * report files into {@code out} (atomically), with an effort estimate per object: what would convert, what
     * needs a human and roughly how long that takes. A folder that holds nothing but an earlier report is
     * replaced; any other non-empty folder must have been written by DataMigrate.
     */
    public AssessResult assess(Input input, Map<String, String> variables, String target, String output, Path out) {
        Generation run = generate(input, variables, target, output, AgentOptions.rulesOnly(), Optional.empty());
        MigrationReport report = run.report("assess", input, displayName(input), true);
        List<GeneratedFile> files = ReportFiles.render(report);
        AtomicOutputWriter.write(out, files, holdsOnlyAReport(out));
        return new AssessResult(out, run.inspected().database(), files.stream().map(GeneratedFile::path).toList(),
                run.diagnostics(), report);
    }

    /** One run of the reader and the output target, before anything is written. */
    private record Generation(InspectResult inspected, String target, String outputName, OutputResult output,
                              List<Diagnostic> diagnostics, AgentRun.Traces traces,
                              List<ai.datamigrate.spi.output.TranslatedModel> models) {
        MigrationReport report(String command, Input input, String inputName, boolean effort) {
            ReportBuilder builder = ReportBuilder.of(new ReportHeader(MigrationReport.FORMAT_VERSION, version(),
                            command, inputName, inspected.database().name(), inspected.sourceReader(), target,
                            outputName), inspected.database())
                    .diagnostics(diagnostics).outcomes(output.outcomes())
                    .llm(traces.perObject(), traces.run());
            input.path().ifPresent(builder::input);
            return (effort ? builder.withEffortEstimate() : builder).build();
        }
    }

    /**
     * Translates the catalog's code with the translator for its source reader; without one (or with none installed)
     * nothing is translated and the output reports those objects as not migrated.
     */
    private TranslationResult translate(InspectResult inspected, TargetDialect dialect) {
        Optional<Contribution<TranslatorFactory>> translator = registry.translators().stream()
                .filter(c -> PluginRegistry.callPlugin(c.plugin(), "list its source readers",
                        () -> c.factory().sourceReaders()).contains(inspected.sourceReader()))
                .findFirst();
        if (translator.isEmpty()) {
            LOG.debug("no translator for source reader '{}'", inspected.sourceReader());
            return new TranslationResult(List.of(), List.of());
        }
        Contribution<TranslatorFactory> chosen = translator.get();
        return PluginRegistry.callPlugin(chosen.plugin(), "translate with '" + chosen.name() + "'",
                () -> chosen.factory().create(configFor(chosen.factory()), context)
                        .translate(new TranslationRequest(inspected.database(), dialect)));
    }

    /** Where a migration keeps its resumable state while it runs: beside the output folder, hidden. */
    static Path stateDir(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        Path parent = absolute.getParent() == null ? absolute : absolute.getParent();
        return parent.resolve("." + absolute.getFileName() + ".datamigrate-run");
    }

    private Generation generate(Input input, Map<String, String> variables, String target, String output,
                                AgentOptions agents, Optional<Path> stateDir) {
        Contribution<TargetDialectFactory> targetFactory = registry.targetDialect(target);
        Contribution<OutputTargetFactory> outputFactory = registry.outputTarget(output);
        InspectResult inspected = inspect(input, variables);
        TargetDialect dialect = PluginRegistry.callPlugin(targetFactory.plugin(), "create target dialect '"
                + targetFactory.name() + "'", () -> targetFactory.factory().create(configFor(targetFactory.factory()),
                context));
        // only work that is costly to redo is worth resuming: LLM calls, and third-party agents (which may call
        // anything); a rules-only run is cheaper to repeat than to checkpoint after every step
        Optional<Path> keptState = agents.llm().isPresent() || !registry.agents().isEmpty() ? stateDir
                : Optional.empty();
        // the run state's fingerprint hashes the whole catalog: only a run that keeps state needs it, and it is
        // computed on another core while this one translates
        CompletableFuture<String> fingerprint = keptState.isEmpty() ? CompletableFuture.completedFuture("")
                : CompletableFuture.supplyAsync(() -> AgentRun.fingerprint(inspected, targetFactory.name(), output,
                        agents));
        TranslationResult translation = translate(inspected, dialect);
        List<Diagnostic> translated = new ArrayList<>(inspected.diagnostics());
        translated.addAll(translation.diagnostics());
        AgentRun agentRun = new AgentRun(registry, masker, context, this::configFor);
        AgentRun.Result agentResult = agentRun.run(inspected, targetFactory.name(), output, dialect,
                sorted(translated), translation.models(), agents, keptState, fingerprint::join);
        List<Diagnostic> earlier = agentResult.diagnostics();
        OutputResult result = PluginRegistry.callPlugin(outputFactory.plugin(), "generate output '"
                + outputFactory.name() + "'", () -> outputFactory.factory().create(configFor(outputFactory.factory()),
                context).generate(new OutputRequest(inspected.database(), dialect, earlier, agentResult.models(),
                        agentResult.annotations())));
        List<Diagnostic> diagnostics = new ArrayList<>(earlier);
        diagnostics.addAll(result.diagnostics());
        return new Generation(inspected, targetFactory.name(), outputFactory.name(), result, sorted(diagnostics),
                agentResult.traces(), agentResult.models());
    }

    /** How reports and messages name the input: its file name, or its URL with the settings' secrets masked. */
    private String displayName(Input input) {
        return masker.mask(input.displayName());
    }

    /** Whether {@code out} is missing, empty or holds only report files, so that replacing it loses nothing else. */
    private static boolean holdsOnlyAReport(Path out) {
        if (!Files.isDirectory(out)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(out)) {
            return entries.allMatch(p -> Files.isRegularFile(p)
                    && ReportFiles.NAMES.contains(p.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }

    public String catalogJson(InspectResult result) {
        return CatalogJson.toJson(result.database(), result.diagnostics());
    }

    /** The settings a service declared; keys of the same namespace that belong to a sibling service are left out. */
    Map<String, String> configFor(ConfigurableFactory factory) {
        Set<String> declared = factory.configSpec().keys();
        return settings.values().entrySet().stream().filter(e -> declared.contains(e.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().sorted().toList();
    }

    private static String describe(List<? extends Contribution<?>> contributions) {
        return contributions.isEmpty() ? "(none)" : contributions.stream()
                .map(c -> c.name() + (c.factory().description().isBlank() ? "" : " (" + c.factory().description() + ")"))
                .sorted().collect(Collectors.joining(", "));
    }
}
