package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.config.ConfigProperty;
import java.util.List;
import java.util.Objects;

/**
 * A plugin found on the class path or module path, and what it contributes.
 *
 * @param id          the plugin's id, e.g. {@code postgres}
 * @param version     the plugin's own version
 * @param description one line on what it is for; may be empty
 * @param origin      where it was loaded from: a jar or folder name, or a module name
 * @param services    what it contributes, in a stable order (by kind, then name)
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record PluginInfo(String id, String version, String description, String origin, List<Service> services) {

    public PluginInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(origin, "origin");
        services = List.copyOf(services);
    }

    /** The kinds of service a plugin can contribute, in the order they are listed. */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    public enum Kind {
        SOURCE_READER("source reader"),
        TARGET_DIALECT("target dialect"),
        OUTPUT_TARGET("output target"),
        TRANSLATOR("translator"),
        DATA_LOADER("data loader"),
        QUERY_VALIDATOR("query validator"),
        LLM_PROVIDER("LLM provider"),
        AGENT("agent");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How the kind reads in a sentence, e.g. {@code source reader}. */
        public String label() {
            return label;
        }
    }

    /**
     * One contribution of a plugin.
     *
     * @param kind        what it is
     * @param name        the name users select it by, e.g. {@code --target postgres}
     * @param description one line; may be empty
     * @param config      the configuration keys it reads ({@code --set key=value} on the command line)
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    public record Service(Kind kind, String name, String description, List<ConfigProperty> config) {
        public Service {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            config = List.copyOf(config);
        }
    }
}
