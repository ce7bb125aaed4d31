package ai.datamigrate.core.internal.plugin;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import java.util.Objects;

/**
 * A plugin found by the loader.
 *
 * @param origin where it came from: the jar or folder name, or the module name — used in error messages
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public record LoadedPlugin(DataMigratePlugin plugin, String origin) {

    public LoadedPlugin {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(origin, "origin");
    }

    public String id() {
        return plugin.id();
    }
}
