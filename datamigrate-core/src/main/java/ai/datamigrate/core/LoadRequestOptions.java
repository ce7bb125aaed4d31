package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.List;
import java.util.Objects;

/**
 * How {@link DataMigrateHost#load} should load.
 *
 * @param targetUrl  a JDBC URL without credentials (they come from configuration or the environment)
 * @param rawSchema  the target schema for the source's dbo tables (others get {@code <rawSchema>_<schema>})
 * @param tables     only these tables; empty means all
 * @param replace    drop and re-create raw tables that exist
 * @param schemaOnly create the tables without rows
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LoadRequestOptions(String targetUrl, String rawSchema, List<ObjectName> tables, boolean replace,
                                 boolean schemaOnly) {
    public LoadRequestOptions {
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(rawSchema, "rawSchema");
        tables = List.copyOf(tables);
    }
}
