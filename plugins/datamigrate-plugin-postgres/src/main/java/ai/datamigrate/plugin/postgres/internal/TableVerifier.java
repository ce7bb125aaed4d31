package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.catalog.Table;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a loaded table with what the source sent: the row count, and per column the non-null count, min, max
 * and sum computed by PostgreSQL, and the value hash of the values read back through a cursor (hashed in Java, the
 * same way as the source side). Runs inside the table's transaction, before the commit.
 */
final class TableVerifier {

    private static final int FETCH_SIZE = 10_000;

    private TableVerifier() {
    }

    /** @return one phrase per difference, naming the column; empty when the table matches */
    static List<String> verify(Connection connection, PostgresTargetDialect dialect, String schema, Table table,
                               List<ColumnConverter> converters, long sourceRows, long copiedRows,
                               List<ColumnStats> source) throws SQLException {
        String from = dialect.quoteIdentifier(schema) + "." + dialect.quoteIdentifier(table.name().name());
        List<ColumnStats> target = new ArrayList<>();
        StringBuilder aggregates = new StringBuilder("select count(*)");
        for (int i = 0; i < converters.size(); i++) {
            String column = dialect.quoteIdentifier(table.columns().get(i).name());
            ColumnConverter.Kind kind = converters.get(i).kind();
            aggregates.append(", count(").append(column).append(')');
            if (kind.ordered()) {
                aggregates.append(", min(").append(column).append("), max(").append(column).append(')');
            }
            if (kind.summed()) {
                aggregates.append(", sum(").append(column).append(')');
            }
            target.add(new ColumnStats(kind));
        }
        List<String> differences = new ArrayList<>();
        long targetRows;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(aggregates.append(" from ").append(from).toString())) {
            rows.next();
            targetRows = rows.getLong(1);
            int index = 2;
            for (int i = 0; i < converters.size(); i++) {
                ColumnConverter converter = converters.get(i);
                long count = rows.getLong(index++);
                String min = null;
                String max = null;
                BigDecimal sum = null;
                if (converter.kind().ordered()) {
                    min = converter.canonical(rows, index++);
                    max = converter.canonical(rows, index++);
                }
                if (converter.kind().summed()) {
                    sum = rows.getBigDecimal(index++);
                }
                target.get(i).setAggregates(count, min, max, sum);
            }
        }
        if (sourceRows != copiedRows || sourceRows != targetRows) {
            differences.add("row count " + sourceRows + " (source) vs " + copiedRows + " (copied) vs " + targetRows
                    + " (target)");
        }
        try (Statement statement = connection.createStatement()) {
            // a cursor: the values stream back in batches instead of filling memory
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery("select * from " + from)) {
                while (rows.next()) {
                    for (int i = 0; i < converters.size(); i++) {
                        target.get(i).addHashOnly(converters.get(i).canonical(rows, i + 1));
                    }
                }
            }
        }
        for (int i = 0; i < converters.size(); i++) {
            for (String difference : source.get(i).differences(target.get(i))) {
                differences.add("column " + table.columns().get(i).name() + ": " + difference);
            }
        }
        return differences;
    }
}
