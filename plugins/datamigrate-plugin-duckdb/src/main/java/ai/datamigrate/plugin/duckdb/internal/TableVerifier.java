package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.catalog.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a loaded table with what the source sent: the row count, and per column the non-null count, min, max and
 * exact sum, computed by DuckDB over the table. Runs inside the table's transaction, before the commit.
 */
final class TableVerifier {

    private TableVerifier() {
    }

    /** @return one phrase per difference, naming the column; empty when the table matches */
    static List<String> verify(Connection connection, DuckDbTargetDialect dialect, String schema, Table table,
                               List<DuckDbColumn> columns, long sourceRows, List<ColumnStats> source)
            throws SQLException {
        String from = dialect.quoteIdentifier(schema) + "." + dialect.quoteIdentifier(table.name().name());
        StringBuilder aggregates = new StringBuilder("select count(*)");
        for (int i = 0; i < columns.size(); i++) {
            String column = dialect.quoteIdentifier(table.columns().get(i).name());
            DuckDbColumn.Kind kind = columns.get(i).kind();
            aggregates.append(", count(").append(column).append(')');
            if (kind.ordered()) {
                aggregates.append(", min(").append(column).append("), max(").append(column).append(')');
            }
            if (kind.summed()) {
                // as text: the sum of a bigint or decimal column is a hugeint or decimal(38,s)
                aggregates.append(", cast(sum(").append(column).append(") as varchar)");
            }
        }
        List<String> differences = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(aggregates.append(" from ").append(from).toString())) {
            rows.next();
            long targetRows = rows.getLong(1);
            if (sourceRows != targetRows) {
                differences.add("row count " + sourceRows + " (source) vs " + targetRows + " (target)");
            }
            int index = 2;
            for (int i = 0; i < columns.size(); i++) {
                DuckDbColumn column = columns.get(i);
                long count = rows.getLong(index++);
                Object min = null;
                Object max = null;
                BigDecimal sum = null;
                if (column.kind().ordered()) {
                    min = column.read(rows, index++);
                    max = column.read(rows, index++);
                }
                if (column.kind().summed()) {
                    String text = rows.getString(index++);
                    sum = text == null ? null : new BigDecimal(text);
                }
                ColumnStats target = new ColumnStats(column.kind());
                target.set(count, min, max, sum);
                for (String difference : source.get(i).differences(target)) {
                    differences.add("column " + table.columns().get(i).name() + ": " + difference);
                }
            }
        }
        return differences;
    }
}
