package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How {@link DataMigrateHost#load} should load.
 *
 * @param targetUrl  a JDBC URL without credentials (they come from configuration or the environment)
 * @param rawSchema  the target schema for the source's dbo tables (others get {@code <rawSchema>_<schema>})
 * @param tables     only these tables; empty means all
 * @param replace    drop and re-create raw tables that exist
 * @param schemaOnly create the tables without rows
 * @param rejectDir  where rows that cannot be converted are written; empty: the loader's setting or default
 * @param maxRejects rejected rows a table may have and still be loaded; empty: the loader's setting or default (0)
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LoadRequestOptions(String targetUrl, String rawSchema, List<ObjectName> tables, boolean replace,
                                 boolean schemaOnly, Optional<Path> rejectDir, OptionalLong maxRejects) {
    public LoadRequestOptions {
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(rawSchema, "rawSchema");
        tables = List.copyOf(tables);
        Objects.requireNonNull(rejectDir, "rejectDir");
        Objects.requireNonNull(maxRejects, "maxRejects");
        if (maxRejects.isPresent() && maxRejects.getAsLong() < 0) {
            throw new IllegalArgumentException("maxRejects must be 0 or more: " + maxRejects.getAsLong());
        }
    }

    /** Options with the loader's reject settings. */
    public LoadRequestOptions(String targetUrl, String rawSchema, List<ObjectName> tables, boolean replace,
                              boolean schemaOnly) {
        this(targetUrl, rawSchema, tables, replace, schemaOnly, Optional.empty(), OptionalLong.empty());
    }

    public LoadRequestOptions withRejectDir(Path directory) {
        return new LoadRequestOptions(targetUrl, rawSchema, tables, replace, schemaOnly, Optional.of(directory),
                maxRejects);
    }

    public LoadRequestOptions withMaxRejects(long max) {
        return new LoadRequestOptions(targetUrl, rawSchema, tables, replace, schemaOnly, rejectDir,
                OptionalLong.of(max));
    }
}
