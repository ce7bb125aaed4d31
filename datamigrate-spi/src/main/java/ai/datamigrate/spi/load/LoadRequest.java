package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.List;
import java.util.Objects;

/**
 * What to create (and, later, load) on the target.
 *
 * @param database    the catalog whose tables become raw tables
 * @param targetUrl   where, e.g. {@code jdbc:postgresql://localhost:5432/analytics}; never holds a password
 * @param rawSchema   the schema for the source's {@code dbo} tables; other source schemas go to
 *                    {@code <rawSchema>_<schema in snake_case>} (the layout dbt sources expect)
 * @param tables      only these tables; empty means all
 * @param replace     drop and re-create raw tables that exist
 * @param schemaOnly  create the tables without rows
 * @param rows        where the rows come from (required unless {@code schemaOnly})
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LoadRequest(Database database, String targetUrl, String rawSchema, List<ObjectName> tables,
                          boolean replace, boolean schemaOnly, java.util.Optional<ai.datamigrate.spi.data.RowSource> rows) {
    public LoadRequest {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(rawSchema, "rawSchema");
        tables = List.copyOf(tables);
        Objects.requireNonNull(rows, "rows");
    }

    /** A request without rows (schema only, or a source that has none). */
    public LoadRequest(Database database, String targetUrl, String rawSchema, List<ObjectName> tables,
                       boolean replace, boolean schemaOnly) {
        this(database, targetUrl, rawSchema, tables, replace, schemaOnly, java.util.Optional.empty());
    }
}
