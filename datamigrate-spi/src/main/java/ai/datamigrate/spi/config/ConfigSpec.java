package ai.datamigrate.spi.config;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The configuration keys one plugin service understands, under one namespace ({@code dbt.}, {@code mssql.}).
 * The host uses it to reject unknown keys and mask secrets before the service sees the map; the service uses
 * it to read values with their defaults when it binds them to its own typed record.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ConfigSpec(String namespace, List<ConfigProperty> properties) {

    public ConfigSpec {
        if (!namespace.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("namespace must match [a-z][a-z0-9-]*: " + namespace);
        }
        properties = List.copyOf(properties);
        for (ConfigProperty property : properties) {
            if (!property.key().startsWith(namespace + ".")) {
                throw new IllegalArgumentException(
                        "key " + property.key() + " is outside namespace " + namespace);
            }
        }
    }

    public static ConfigSpec empty(String namespace) {
        return new ConfigSpec(namespace, List.of());
    }

    public Set<String> keys() {
        return properties.stream().map(ConfigProperty::key).collect(Collectors.toCollection(TreeSet::new));
    }

    public Set<String> secretKeys() {
        return properties.stream().filter(ConfigProperty::secret).map(ConfigProperty::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The keys of {@code config} in this namespace; keys of other namespaces are not this spec's business. */
    public Map<String, String> select(Map<String, String> config) {
        return config.entrySet().stream()
                .filter(e -> e.getKey().startsWith(namespace + "."))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Fails with the list of known keys when {@code config} holds a key of this namespace that is not declared. */
    public void validate(Map<String, String> config) {
        Set<String> known = keys();
        for (String key : new TreeSet<>(select(config).keySet())) {
            if (!known.contains(key)) {
                throw new DataMigrateException(ErrorCode.CONFIG_UNKNOWN_KEY,
                        "unknown configuration key '" + key + "'; known keys: "
                                + (known.isEmpty() ? "(none)" : String.join(", ", known)));
            }
        }
    }

    /** The configured value, or the declared default. */
    public Optional<String> value(Map<String, String> config, String key) {
        ConfigProperty property = properties.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("undeclared key " + key));
        return Optional.ofNullable(config.get(key)).or(property::defaultValue);
    }

    /** The configured value, which must be one of {@code allowed}. */
    public String choice(Map<String, String> config, String key, Set<String> allowed) {
        String value = value(config, key).orElseThrow(() -> new DataMigrateException(
                ErrorCode.CONFIG_INVALID_VALUE, "missing configuration key '" + key + "'"));
        if (!allowed.contains(value)) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid value '" + value + "' for '"
                    + key + "'; expected one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return value;
    }
}
