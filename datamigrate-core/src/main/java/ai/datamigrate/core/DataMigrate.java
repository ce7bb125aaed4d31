package ai.datamigrate.core;

import ai.datamigrate.core.internal.config.SecretMasker;
import ai.datamigrate.core.internal.config.Settings;
import ai.datamigrate.core.internal.plugin.LoadedPlugin;
import ai.datamigrate.core.internal.plugin.PluginRegistry.Contribution;
import ai.datamigrate.core.internal.plugin.PluginRegistry;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.load.LoadResult;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The entry point for applications that embed DataMigrate, and what the command line itself uses.
 *
 * <pre>{@code
 * DataMigrate dataMigrate = DataMigrate.builder()
 *         .setting("postgres.schema-prefix", "legacy_")   // what the CLI takes as --set key=value
 *         .progress(myListener)
 *         .build();
 * MigrateResult result = dataMigrate.migrate(MigrateRequest.builder(Path.of("shop.sql"), Path.of("shop_dbt"))
 *         .target("postgres").build());
 * result.report().summary();
 * }</pre>
 *
 * <p>Building finds the plugins with {@link java.util.ServiceLoader} (on the module path when this module is a
 * named module, else on the class path of the given class loader) and checks the settings against the keys the
 * plugins declare. An instance is immutable and may be used from several threads; each operation is independent.
 * Every failure the user can fix is a {@link DataMigrateException} of {@link ai.datamigrate.spi.ErrorKind#USER}
 * kind with a message meant for people; secrets from the settings never appear in messages (see {@link #mask}).
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class DataMigrate {

    private final DataMigrateHost host;
    private final ProgressListener progress;

    private DataMigrate(DataMigrateHost host, ProgressListener progress) {
        this.host = host;
        this.progress = progress;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The version of DataMigrate, from the jar manifest; {@code dev} when run from classes. */
    public static String version() {
        return DataMigrateHost.version();
    }

    /** The plugins found, by id, with what each contributes. */
    public List<PluginInfo> plugins() {
        PluginRegistry registry = host.plugins();
        List<PluginInfo> plugins = new ArrayList<>();
        for (LoadedPlugin plugin : registry.plugins()) {
            List<PluginInfo.Service> services = new ArrayList<>();
            add(services, PluginInfo.Kind.SOURCE_READER, registry.sourceReaders(), plugin);
            add(services, PluginInfo.Kind.TARGET_DIALECT, registry.targetDialects(), plugin);
            add(services, PluginInfo.Kind.OUTPUT_TARGET, registry.outputTargets(), plugin);
            add(services, PluginInfo.Kind.TRANSLATOR, registry.translators(), plugin);
            add(services, PluginInfo.Kind.DATA_LOADER, registry.dataLoaders(), plugin);
            add(services, PluginInfo.Kind.QUERY_VALIDATOR, registry.queryValidators(), plugin);
            add(services, PluginInfo.Kind.LLM_PROVIDER, registry.llmProviders(), plugin);
            add(services, PluginInfo.Kind.AGENT, registry.agents(), plugin);
            plugins.add(new PluginInfo(plugin.id(), plugin.plugin().version(), plugin.plugin().description(),
                    plugin.origin(), services));
        }
        plugins.sort(Comparator.comparing(PluginInfo::id));
        return List.copyOf(plugins);
    }

    private static void add(List<PluginInfo.Service> services, PluginInfo.Kind kind,
                            List<? extends Contribution<?>> contributions, LoadedPlugin plugin) {
        contributions.stream().filter(c -> c.plugin() == plugin).sorted(Comparator.comparing(Contribution::name))
                .forEach(c -> services.add(new PluginInfo.Service(kind, c.name(), c.factory().description(),
                        c.factory().configSpec().properties())));
    }

    /** Reads a script, an SSDT project or a live database into a catalog, without writing anything. */
    public InspectResult inspect(Path input) {
        return inspect(input, Map.of());
    }

    /** {@link #inspect(Path)} with script variables (SQLCMD {@code $(name)}). */
    public InspectResult inspect(Path input, Map<String, String> variables) {
        return host.inspect(Input.of(input), variables);
    }

    /** Reads a file input or a database URL ({@link Input#parse}) into a catalog, with script variables. */
    public InspectResult inspect(Input input, Map<String, String> variables) {
        return host.inspect(input, variables);
    }

    /** The catalog of an inspection as JSON, the format {@code datamigrate inspect --json} prints. */
    public String catalogJson(InspectResult inspected) {
        return host.catalogJson(inspected);
    }

    /**
     * Translates like {@link #migrate} but writes only the migration report (JSON, Markdown, HTML) into the
     * request's folder, with an effort estimate per object. The request's agent options and {@code force} are not
     * used: an assessment never calls an LLM, and replaces only a folder that holds nothing but an earlier report.
     */
    public AssessResult assess(MigrateRequest request) {
        return host.assess(request.input(), request.variables(), request.target(), request.output(), request.out());
    }

    /**
     * Migrates: reads the input, translates, runs the agent pipeline and writes the project folder atomically, with
     * the migration report. Progress of the pipeline goes to the request's listener and to this instance's.
     */
    public MigrateResult migrate(MigrateRequest request) {
        Consumer<ai.datamigrate.spi.agent.AgentEvent> own = request.agents().listener();
        AgentOptions agents = progress == ProgressListener.NONE ? request.agents()
                : request.agents().withListener(event -> {
                    own.accept(event);
                    progress.onMigrationEvent(event);
                });
        return host.migrate(request.withAgents(agents));
    }

    /**
     * Creates the input's tables in the target database's raw schema and, unless schema only, loads and verifies
     * their rows. Progress goes to this instance's listener.
     */
    public LoadResult load(Path input, LoadRequestOptions options) {
        return load(input, Map.of(), options);
    }

    /** {@link #load(Path, LoadRequestOptions)} with script variables (e.g. the folder of BULK INSERT files). */
    public LoadResult load(Path input, Map<String, String> variables, LoadRequestOptions options) {
        return host.load(Input.of(input), variables, options, progress::onLoadEvent);
    }

    /** {@link #load(Path, Map, LoadRequestOptions)} with the events also sent to {@code listener}. */
    public LoadResult load(Path input, Map<String, String> variables, LoadRequestOptions options,
                           ProgressListener listener) {
        return load(Input.of(input), variables, options, listener);
    }

    /**
     * Loads from a file input or a live database ({@link Input#parse}, e.g. {@code jdbc:sqlserver://...}), with the
     * events sent to {@code listener} and to this instance's listener.
     */
    public LoadResult load(Input input, Map<String, String> variables, LoadRequestOptions options,
                           ProgressListener listener) {
        return host.load(input, variables, options, event -> {
            listener.onLoadEvent(event);
            progress.onLoadEvent(event);
        });
    }

    /**
     * Executes every model of a project that {@link #migrate} wrote on the target, each in a transaction that is
     * rolled back, over the raw tables in {@code rawSchema}; one result per model, in the project's order.
     */
    public List<ValidationResult> validate(Path project, String targetUrl, String rawSchema) {
        return host.validate(project, targetUrl, rawSchema);
    }

    /** The text with every secret value of the settings (declared secret, or named like one) replaced. */
    public String mask(String text) {
        return host.masker().mask(text);
    }

    /** Collects the settings and listener of a {@link DataMigrate}. Not thread-safe; build once, share the result. */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {

        private final Map<String, String> settings = new TreeMap<>();
        private ClassLoader classLoader;
        private ProgressListener progress = ProgressListener.NONE;

        private Builder() {
        }

        /**
         * One plugin setting, {@code <namespace>.<key>}, e.g. {@code claude.model}. Unknown keys fail {@link #build}.
         * Secrets (API keys, passwords) are better left to the environment variables the plugins document.
         */
        public Builder setting(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            settings.put(key, value);
            return this;
        }

        /** Several settings at once; see {@link #setting}. */
        public Builder settings(Map<String, String> values) {
            values.forEach(this::setting);
            return this;
        }

        /**
         * Where plugins are found when DataMigrate runs on the class path; default: the thread's context class
         * loader. On the module path, plugins are found in the module layer of this module.
         */
        public Builder pluginClassLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Receives progress of every operation. */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The text with the values of the settings named like credentials ({@code *key*}, {@code *password*},
         * {@code *secret*}, {@code *token*}) replaced: for messages about a failure before {@link #build} returned.
         */
        public String mask(String text) {
            try {
                return new SecretMasker(Settings.of(new TreeMap<>(settings)), Set.of()).mask(text);
            } catch (DataMigrateException malformed) {
                return text; // a malformed key holds no value to hide
            }
        }

        /**
         * Finds the plugins and checks the settings.
         *
         * @throws DataMigrateException when a setting is unknown or invalid, or a plugin cannot be loaded; the message
         *                              never holds a secret value of the settings
         */
        public DataMigrate build() {
            ClassLoader loader = classLoader != null ? classLoader
                    : Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                    DataMigrate.class.getClassLoader());
            Settings values = Settings.of(new TreeMap<>(settings)); // a malformed key: the message names the key
            try {
                return new DataMigrate(Guice.createInjector(new CoreModule(values, loader))
                        .getInstance(DataMigrateHost.class), progress);
            } catch (CreationException | ProvisionException e) {
                throw masked(unwrap(e), values);
            }
        }

        private static RuntimeException unwrap(RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof DataMigrateException dataMigrateException) {
                    return dataMigrateException;
                }
            }
            return e;
        }

        /** Before the plugins are known, masks at least the values of keys named like credentials. */
        private static RuntimeException masked(RuntimeException e, Settings values) {
            if (!(e instanceof DataMigrateException dm) || dm.getMessage() == null) {
                return e;
            }
            String message = new SecretMasker(values, Set.of()).mask(dm.getMessage());
            if (message.equals(dm.getMessage())) {
                return dm;
            }
            DataMigrateException clean = new DataMigrateException(dm.errorCode(), message); // no cause: it holds the value
            clean.setStackTrace(dm.getStackTrace());
            return clean;
        }
    }
}
