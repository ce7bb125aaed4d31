package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.data.RowSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to create (and load) on the target.
 *
 * @param database    the catalog whose tables become raw tables
 * @param targetUrl   where, e.g. {@code jdbc:postgresql://localhost:5432/analytics}; never holds a password
 * @param rawSchema   the schema for the source's {@code dbo} tables; other source schemas go to
 *                    {@code <rawSchema>_<schema in snake_case>} (the layout dbt sources expect)
 * @param tables      only these tables; empty means all
 * @param replace     drop and re-create raw tables that exist
 * @param schemaOnly  create the tables without rows
 * @param rows        where the rows come from (required unless {@code schemaOnly})
 * @param jobs        tables loaded at once (1 or more), each on a connection of its own; a row source that does not
 *                    {@linkplain RowSource#concurrentReads() read concurrently} is loaded one table at a time
 * @param resume      skip the tables that the target records as loaded and verified by an earlier run
 * @param listener    receives progress events
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LoadRequest(Database database, String targetUrl, String rawSchema, List<ObjectName> tables,
                          boolean replace, boolean schemaOnly, Optional<RowSource> rows, int jobs, boolean resume,
                          LoadListener listener) {
    public LoadRequest {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(rawSchema, "rawSchema");
        tables = List.copyOf(tables);
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(listener, "listener");
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more: " + jobs);
        }
    }

    /** One table at a time, no resume, no listener. */
    public LoadRequest(Database database, String targetUrl, String rawSchema, List<ObjectName> tables,
                       boolean replace, boolean schemaOnly, Optional<RowSource> rows) {
        this(database, targetUrl, rawSchema, tables, replace, schemaOnly, rows, 1, false, LoadListener.NONE);
    }

    /** A request without rows (schema only, or a source that has none). */
    public LoadRequest(Database database, String targetUrl, String rawSchema, List<ObjectName> tables,
                       boolean replace, boolean schemaOnly) {
        this(database, targetUrl, rawSchema, tables, replace, schemaOnly, Optional.empty());
    }
}
