package ai.datamigrate.plugin.mssql.internal.data;

import ai.datamigrate.spi.catalog.ObjectName;
import java.util.List;
import java.util.Objects;

/**
 * Rows for one table, from one or more consecutive {@code INSERT} statements with the same column list.
 *
 * @param table          the table as the script names it (schema {@code dbo} when it names none); match it to the
 *                       catalog case-insensitively
 * @param columns        the statement's column list; empty when it has none, meaning every column in table order
 * @param identityInsert whether {@code SET IDENTITY_INSERT table ON} was in effect: the rows carry identity values
 * @param rows           at most the reader's batch size
 */
public record RowBatch(ObjectName table, List<String> columns, boolean identityInsert, List<Row> rows) {
    public RowBatch {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
