package ai.datamigrate.core.internal.plugin;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.agent.AgentFactory;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.config.ConfigurableFactory;
import ai.datamigrate.spi.llm.LlmProviderFactory;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.spi.output.OutputTargetFactory;
import ai.datamigrate.spi.source.SourceReaderFactory;
import ai.datamigrate.spi.target.TargetDialectFactory;
import ai.datamigrate.spi.translate.TranslatorFactory;
import ai.datamigrate.spi.validate.QueryValidatorFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The plugins of one run and what they contribute, checked once at start: plugin ids well formed and unique,
 * contribution names unique per kind. Lookups that fail list what is available.
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public final class PluginRegistry {

    /** A contribution with the plugin it came from, so that errors can name both. */
    public record Contribution<F extends ConfigurableFactory>(F factory, LoadedPlugin plugin) {
        public String name() {
            return factory.name();
        }
    }

    private final List<LoadedPlugin> plugins;
    private final List<Contribution<SourceReaderFactory>> sourceReaders;
    private final List<Contribution<TargetDialectFactory>> targetDialects;
    private final List<Contribution<OutputTargetFactory>> outputTargets;
    private final List<Contribution<DataLoaderFactory>> dataLoaders;
    private final List<Contribution<TranslatorFactory>> translators;
    private final List<Contribution<LlmProviderFactory>> llmProviders;
    private final List<Contribution<QueryValidatorFactory>> queryValidators;
    private final List<Contribution<AgentFactory>> agents;

    public PluginRegistry(List<LoadedPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
        Map<String, LoadedPlugin> byId = new HashMap<>();
        for (LoadedPlugin plugin : plugins) {
            String id = callPlugin(plugin, "report its id", plugin.plugin()::id);
            if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
                throw new DataMigrateException(ErrorCode.PLUGIN_INVALID, "plugin " + plugin.plugin().getClass().getName()
                        + " from " + plugin.origin() + " has an invalid id '" + id + "' (expected [a-z][a-z0-9-]*)");
            }
            LoadedPlugin previous = byId.putIfAbsent(id, plugin);
            if (previous != null) {
                throw new DataMigrateException(ErrorCode.PLUGIN_DUPLICATE_ID, "two plugins have the id '" + id + "': "
                        + previous.plugin().getClass().getName() + " from " + previous.origin() + " and "
                        + plugin.plugin().getClass().getName() + " from " + plugin.origin());
            }
        }
        this.sourceReaders = collect("source reader", p -> p.plugin().sourceReaders());
        this.targetDialects = collect("target dialect", p -> p.plugin().targetDialects());
        this.outputTargets = collect("output target", p -> p.plugin().outputTargets());
        this.dataLoaders = collect("data loader", p -> p.plugin().dataLoaders());
        this.translators = collect("translator", p -> p.plugin().translators());
        this.llmProviders = collect("LLM provider", p -> p.plugin().llmProviders());
        this.queryValidators = collect("query validator", p -> p.plugin().queryValidators());
        this.agents = collect("agent", p -> p.plugin().agents());
    }

    private <F extends ConfigurableFactory> List<Contribution<F>> collect(String kind,
                                                                         Function<LoadedPlugin, List<F>> contributions) {
        List<Contribution<F>> result = new ArrayList<>();
        Map<String, Contribution<F>> byName = new HashMap<>();
        for (LoadedPlugin plugin : plugins) {
            for (F factory : callPlugin(plugin, "list its " + kind + "s", () -> contributions.apply(plugin))) {
                Contribution<F> contribution = new Contribution<>(factory, plugin);
                String name = callPlugin(plugin, "name its " + kind, factory::name);
                if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
                    throw new DataMigrateException(ErrorCode.PLUGIN_INVALID, "plugin '" + plugin.id() + "' ("
                            + plugin.origin() + ") contributes a " + kind + " with an invalid name '" + name + "'");
                }
                Contribution<F> previous = byName.putIfAbsent(name, contribution);
                if (previous != null) {
                    throw new DataMigrateException(ErrorCode.PLUGIN_DUPLICATE_ID, "two " + kind + "s are named '"
                            + name + "': from plugin '" + previous.plugin().id() + "' (" + previous.plugin().origin()
                            + ") and from plugin '" + plugin.id() + "' (" + plugin.origin() + ")");
                }
                result.add(contribution);
            }
        }
        return List.copyOf(result);
    }

    /** Calls into a plugin; anything it throws becomes an error that names the plugin. */
    public static <T> T callPlugin(LoadedPlugin plugin, String action, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (DataMigrateException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new DataMigrateException(ErrorCode.PLUGIN_FAILED, "plugin '" + plugin.plugin().getClass().getName()
                    + "' (" + plugin.origin() + ") failed to " + action + ": " + e, e);
        }
    }

    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    public List<Contribution<SourceReaderFactory>> sourceReaders() {
        return sourceReaders;
    }

    public List<Contribution<TargetDialectFactory>> targetDialects() {
        return targetDialects;
    }

    public List<Contribution<OutputTargetFactory>> outputTargets() {
        return outputTargets;
    }

    public List<Contribution<TranslatorFactory>> translators() {
        return translators;
    }

    public List<Contribution<DataLoaderFactory>> dataLoaders() {
        return dataLoaders;
    }

    public List<Contribution<LlmProviderFactory>> llmProviders() {
        return llmProviders;
    }

    public List<Contribution<QueryValidatorFactory>> queryValidators() {
        return queryValidators;
    }

    public List<Contribution<AgentFactory>> agents() {
        return agents;
    }

    public Contribution<LlmProviderFactory> llmProvider(String name) {
        return find(llmProviders, "LLM provider", name);
    }

    public Contribution<TargetDialectFactory> targetDialect(String name) {
        return find(targetDialects, "target dialect", name);
    }

    public Contribution<OutputTargetFactory> outputTarget(String name) {
        return find(outputTargets, "output target", name);
    }

    public Contribution<SourceReaderFactory> sourceReader(String name) {
        return find(sourceReaders, "source reader", name);
    }

    private static <F extends ConfigurableFactory> Contribution<F> find(List<Contribution<F>> contributions,
                                                                       String kind, String name) {
        return contributions.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new DataMigrateException(ErrorCode.PLUGIN_NOT_FOUND, "no " + kind + " named '"
                        + name + "'; available: " + names(contributions)));
    }

    public static String names(List<? extends Contribution<?>> contributions) {
        return contributions.isEmpty() ? "(none)"
                : String.join(", ", contributions.stream().map(Contribution::name).sorted().toList());
    }

    /** Every configuration spec, so that the host can check keys and mask secrets before anything runs. */
    public List<ConfigSpec> configSpecs() {
        List<ConfigSpec> specs = new ArrayList<>();
        for (List<? extends Contribution<?>> list : List.of(sourceReaders, targetDialects, outputTargets, dataLoaders, translators,
                llmProviders, queryValidators, agents)) {
            for (Contribution<?> c : list) {
                specs.add(callPlugin(c.plugin(), "describe its configuration", c.factory()::configSpec));
            }
        }
        return specs;
    }

    public Set<String> secretKeys() {
        Set<String> keys = new TreeSet<>();
        configSpecs().forEach(s -> keys.addAll(s.secretKeys()));
        return keys;
    }

    public Optional<LoadedPlugin> plugin(String id) {
        return plugins.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
