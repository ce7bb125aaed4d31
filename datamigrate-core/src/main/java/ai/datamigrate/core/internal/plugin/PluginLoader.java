package ai.datamigrate.core.internal.plugin;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds plugins with {@link ServiceLoader}: named modules that {@code provides DataMigratePlugin} and class-path
 * jars with a {@code META-INF/services} entry alike.
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public final class PluginLoader {

    private PluginLoader() {
    }

    /** Plugins visible from the given class loader (which also sees the boot layer's named modules). */
    public static PluginRegistry load(ClassLoader classLoader) {
        return load(ServiceLoader.load(DataMigratePlugin.class, classLoader));
    }

    /** Plugins of a module layer, e.g. one built from a plugin folder on the module path. */
    public static PluginRegistry load(ModuleLayer layer) {
        return load(ServiceLoader.load(layer, DataMigratePlugin.class));
    }

    private static PluginRegistry load(ServiceLoader<DataMigratePlugin> serviceLoader) {
        List<LoadedPlugin> plugins = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<DataMigratePlugin> provider : serviceLoader.stream().toList()) {
                plugins.add(new LoadedPlugin(instantiate(provider), origin(provider.type())));
            }
        } catch (ServiceConfigurationError e) {
            throw new DataMigrateException(ErrorCode.PLUGIN_INVALID, "a plugin could not be loaded: " + e.getMessage(), e);
        }
        plugins.sort(Comparator.comparing(LoadedPlugin::id));
        return new PluginRegistry(plugins);
    }

    private static DataMigratePlugin instantiate(ServiceLoader.Provider<DataMigratePlugin> provider) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError | RuntimeException e) {
            throw new DataMigrateException(ErrorCode.PLUGIN_INVALID, "plugin class " + provider.type().getName()
                    + " from " + origin(provider.type()) + " could not be created: " + e.getMessage(), e);
        }
    }

    /** The jar or folder a class was loaded from, or its module's name. */
    static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                Path path = Path.of(source.getLocation().toURI());
                Path name = path.getFileName();
                if (name != null && name.toString().equals("classes") && path.getParent() != null
                        && path.getParent().getParent() != null) {
                    // target/classes of a module during development: name the module folder
                    return String.valueOf(path.getParent().getParent().getFileName());
                }
                return String.valueOf(name);
            } catch (URISyntaxException | IllegalArgumentException e) {
                return source.getLocation().toString();
            }
        }
        return type.getModule().isNamed() ? "module " + type.getModule().getName() : type.getName();
    }
}
