package ai.datamigrate.core;

import ai.datamigrate.core.internal.config.Settings;
import ai.datamigrate.core.internal.plugin.PluginLoader;
import ai.datamigrate.core.internal.plugin.PluginRegistry;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/** Guice wiring of the host behind {@link DataMigrate}. Plugins never see Guice. */
final class CoreModule extends AbstractModule {

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
