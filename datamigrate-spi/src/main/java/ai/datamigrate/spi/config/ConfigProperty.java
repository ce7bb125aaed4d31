package ai.datamigrate.spi.config;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * One configuration key a plugin service understands.
 *
 * @param key          the full, namespaced key, e.g. {@code dbt.naming}
 * @param description  one line for {@code datamigrate plugins}
 * @param defaultValue the value used when the key is absent, if any
 * @param secret       whether the value must be masked in every message and log
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ConfigProperty(String key, String description, Optional<String> defaultValue, boolean secret) {

    public ConfigProperty {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }

    public static ConfigProperty of(String key, String description, String defaultValue) {
        return new ConfigProperty(key, description, Optional.of(defaultValue), false);
    }

    /** A key that may be absent and has no default; the service decides what absence means. */
    public static ConfigProperty optional(String key, String description) {
        return new ConfigProperty(key, description, Optional.empty(), false);
    }

    public static ConfigProperty required(String key, String description) {
        return new ConfigProperty(key, description, Optional.empty(), false);
    }

    public static ConfigProperty secret(String key, String description) {
        return new ConfigProperty(key, description, Optional.empty(), true);
    }
}
