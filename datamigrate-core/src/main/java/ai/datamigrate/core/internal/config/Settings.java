package ai.datamigrate.core.internal.config;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The user's configuration: a flat map of namespaced keys ({@code dbt.naming=snake}) as given with
 * {@code --set}. Each plugin service sees only its own namespace.
 */
@Api(status = Api.Status.INTERNAL, since = "0.1")
public record Settings(SortedMap<String, String> values) {

    public Settings {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
        for (String key : values.keySet()) {
            if (!key.matches("[a-z][a-z0-9-]*\\.[a-z0-9.-]+")) {
                throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE,
                        "configuration key '" + key + "' must be namespaced, e.g. dbt.naming");
            }
        }
    }

    public static Settings empty() {
        return new Settings(new TreeMap<>());
    }

    public static Settings of(Map<String, String> values) {
        return new Settings(new TreeMap<>(values));
    }

    /** Parses {@code key=value}; the message names the bad argument. */
    public static Map.Entry<String, String> parseAssignment(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE,
                    "expected key=value but got '" + assignment + "'");
        }
        return Map.entry(assignment.substring(0, eq).strip(), assignment.substring(eq + 1));
    }

    public Settings with(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Settings(copy);
    }

    /** The namespaces used, e.g. {@code dbt} for {@code dbt.naming}. */
    public java.util.Set<String> namespaces() {
        java.util.TreeSet<String> namespaces = new java.util.TreeSet<>();
        values.keySet().forEach(k -> namespaces.add(k.substring(0, k.indexOf('.'))));
        return namespaces;
    }
}
