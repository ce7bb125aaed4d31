package ai.datamigrate.support.target;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a loader writes the rows it rejects, and how many a table may have and still load: the
 * {@code <namespace>.reject-dir} and {@code <namespace>.max-rejects} settings, which the host fills from
 * {@code load --reject-dir} and {@code --max-rejects}.
 *
 * @param directory  where {@code <schema>.<table>.rejects.tsv} files go
 * @param maxRejects rejected rows a table may have and still be loaded (without them)
 */
public record RejectOptions(Path directory, long maxRejects) {

    public static final String DEFAULT_DIRECTORY = "datamigrate-rejects";

    /** The two settings, for a loader's {@link ConfigSpec}. */
    public static List<ConfigProperty> properties(String namespace) {
        return List.of(
                ConfigProperty.of(namespace + ".reject-dir",
                        "folder for <schema>.<table>.rejects.tsv files (load --reject-dir)", DEFAULT_DIRECTORY),
                ConfigProperty.of(namespace + ".max-rejects",
                        "rejected rows a table may have and still load (load --max-rejects)", "0"));
    }

    /** The settings' values in {@code config} (validated against {@code spec} already), defaults included. */
    public static RejectOptions of(ConfigSpec spec, Map<String, String> config) {
        String key = spec.namespace() + ".max-rejects";
        String maxRejects = spec.value(config, key).orElseThrow();
        long max;
        try {
            max = Long.parseLong(maxRejects.strip());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 0) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid value '" + maxRejects + "' for '"
                    + key + "'; expected a whole number, 0 or more");
        }
        return new RejectOptions(Path.of(spec.value(config, spec.namespace() + ".reject-dir").orElseThrow()), max);
    }
}
