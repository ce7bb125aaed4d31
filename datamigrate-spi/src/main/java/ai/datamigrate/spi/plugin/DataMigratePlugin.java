package ai.datamigrate.spi.plugin;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.spi.translate.TranslatorFactory;
import ai.datamigrate.spi.output.OutputTargetFactory;
import ai.datamigrate.spi.source.SourceReaderFactory;
import ai.datamigrate.spi.target.TargetDialectFactory;
import java.util.List;

/**
 * The one entry class of a plugin, found with {@link java.util.ServiceLoader}: declare it with
 * {@code provides ai.datamigrate.spi.plugin.DataMigratePlugin with ...} in {@code module-info.java} and in
 * {@code META-INF/services/ai.datamigrate.spi.plugin.DataMigratePlugin} for class-path users.
 *
 * <p>Every contribution method defaults to nothing, so a plugin implements only what it offers and new
 * kinds of contributions never break existing plugins.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface DataMigratePlugin {

    /** Unique id, {@code [a-z][a-z0-9-]*}. */
    String id();

    /**
     * The plugin's version; defaults to the jar manifest's Implementation-Version on the class path and to the
     * module's version on the module path.
     */
    default String version() {
        String version = getClass().getPackage().getImplementationVersion();
        if (version == null && getClass().getModule().getDescriptor() != null) {
            version = getClass().getModule().getDescriptor().rawVersion().orElse(null);
        }
        return version == null ? "dev" : version;
    }

    /** One line saying what the plugin is for. */
    default String description() {
        return "";
    }

    /** Readers that turn an input (a script, a project, a live database) into a catalog. */
    default List<SourceReaderFactory> sourceReaders() {
        return List.of();
    }

    /** SQL dialects the generated code can target. */
    default List<TargetDialectFactory> targetDialects() {
        return List.of();
    }

    /** Writers that turn a catalog into files (a dbt project, a report). */
    default List<OutputTargetFactory> outputTargets() {
        return List.of();
    }

    /** Loaders that create (and fill) raw tables on a target database. */
    default List<DataLoaderFactory> dataLoaders() {
        return List.of();
    }

    /** Translators of source code (views, routines) into the target's SQL. */
    default List<TranslatorFactory> translators() {
        return List.of();
    }

    /** Large language model providers ({@code --llm claude}). */
    default List<ai.datamigrate.spi.llm.LlmProviderFactory> llmProviders() {
        return List.of();
    }

    /** Validators of generated SQL for a target. */
    default List<ai.datamigrate.spi.validate.QueryValidatorFactory> queryValidators() {
        return List.of();
    }

    /** Agents added to every migration run. */
    default List<ai.datamigrate.spi.agent.AgentFactory> agents() {
        return List.of();
    }
}
