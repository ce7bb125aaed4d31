package ai.datamigrate.core;

import ai.datamigrate.core.config.Settings;
import ai.datamigrate.core.plugin.PluginLoader;
import ai.datamigrate.core.plugin.PluginRegistry;
import ai.datamigrate.spi.Api;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** Guice wiring of the host for the CLI and the server. Plugins never see Guice. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class CoreModule extends AbstractModule {

    private final Settings settings;
    private final ClassLoader pluginLoader;

    public CoreModule(Settings settings, ClassLoader pluginLoader) {
        this.settings = settings;
        this.pluginLoader = pluginLoader;
    }

    @Override
    protected void configure() {
        bind(Settings.class).toInstance(settings);
        bind(DataMigrateHost.class).in(Singleton.class);
    }

    @Provides
    @Singleton
    PluginRegistry pluginRegistry() {
        return PluginLoader.load(pluginLoader);
    }
}
