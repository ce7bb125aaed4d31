package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.load.ColumnVerification;
import ai.datamigrate.spi.load.TableVerification;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a loaded table with what the source sent: the row count, and per column the non-null count, min, max, sum
 * and value hash, all computed by PostgreSQL in one scan of the table. The hash is {@code hashtextextended} over each
 * value's canonical text, written in SQL to give exactly the text {@link ColumnConverter} gives on the source side.
 * Where the server hashes differently from {@link PgHash} (checked once per load with probe values), the values are
 * pulled back through a cursor and hashed here instead. Runs inside the table's transaction, before the commit.
 */
final class TableVerifier {

    private static final int FETCH_SIZE = 10_000;
    /** Probe texts: ASCII of every tail length, and multi-byte UTF-8. */
    private static final List<String> PROBES = List.of("", "a", "hello world!", "0123456789abcdefghij",
            "é 日本 😀\ttab", "1996-07-04 00:00:00.123");

    private TableVerifier() {
    }

    /** Whether the server's {@code hashtextextended} is {@link PgHash}: then the hash runs in SQL. */
    static boolean serverHashes(Connection connection) {
        StringBuilder sql = new StringBuilder("select ");
        for (int i = 0; i < PROBES.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("hashtextextended(?::text collate \"C\", 0)");
        }
        try (var query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < PROBES.size(); i++) {
                query.setString(i + 1, PROBES.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                for (int i = 0; i < PROBES.size(); i++) {
                    if (rows.getLong(i + 1) != PgHash.of(PROBES.get(i))) {
                        return false;
                    }
                }
                return true;
            }
        } catch (SQLException e) {
            // no hashtextextended (PostgreSQL before 11): hash on this side
            return false;
        }
    }

    /** The SQL text of a column whose hash equals {@link PgHash} of {@link ColumnStats#hashText}. */
    static String hashExpression(ColumnConverter.Kind kind, String column) {
        String text = switch (kind) {
            case NUMERIC -> "trim_scale(" + column + ")::text";
            case REAL -> "encode(float4send(" + column + "), 'hex')";
            case DOUBLE -> "encode(float8send(" + column + "), 'hex')";
            case BYTEA -> "E'\\\\x' || encode(" + column + ", 'hex')";
            // dates and times: text in the ISO style and UTC, which verify() sets for the transaction
            default -> column + "::text";
        };
        return "hashtextextended((" + text + ") collate \"C\", 0)";
    }

    /**
     * @param serverHashes whether the hash can run in SQL ({@link #serverHashes})
     * @return the comparison; its differences name the column
     */
    static TableVerification verify(Connection connection, PostgresTargetDialect dialect, String schema, Table table,
                                    List<ColumnConverter> converters, long sourceRows, long copiedRows,
                                    List<ColumnStats> source, boolean serverHashes) throws SQLException {
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
            if (serverHashes) {
                aggregates.append(", sum(").append(hashExpression(kind, column)).append(')');
            }
            target.add(new ColumnStats(kind));
        }
        long targetRows;
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local datestyle = 'ISO, YMD'");
            statement.execute("set local timezone = 'UTC'");
            try (ResultSet rows = statement.executeQuery(aggregates.append(" from ").append(from).toString())) {
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
                    if (serverHashes) {
                        target.get(i).setHash(rows.getBigDecimal(index++));
                    }
                }
            }
        }
        if (!serverHashes) {
            pullBackHashes(connection, from, converters, target);
        }
        List<String> differences = new ArrayList<>();
        if (sourceRows != copiedRows || sourceRows != targetRows) {
            differences.add("row count " + sourceRows + " (source) vs " + copiedRows + " (copied) vs " + targetRows
                    + " (target)");
        }
        List<ColumnVerification> columns = new ArrayList<>();
        for (int i = 0; i < converters.size(); i++) {
            String name = table.columns().get(i).name();
            for (String difference : source.get(i).differences(target.get(i))) {
                differences.add("column " + name + ": " + difference);
            }
            columns.add(new ColumnVerification(name, source.get(i).aggregates(sourceRows),
                    target.get(i).aggregates(targetRows)));
        }
        return new TableVerification(table.name(), schema + "." + table.name().name(), sourceRows, targetRows,
                columns, differences);
    }

    private static void pullBackHashes(Connection connection, String from, List<ColumnConverter> converters,
                                       List<ColumnStats> target) throws SQLException {
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
    }
}
