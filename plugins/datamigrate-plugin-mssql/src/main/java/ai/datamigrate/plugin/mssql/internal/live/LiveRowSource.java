package ai.datamigrate.plugin.mssql.internal.live;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.spi.data.RowSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rows of a live SQL Server database's tables, streamed: each {@link #read} opens a connection of its own (a
 * loader with several jobs reads several tables at once), reads the table with adaptive response buffering and a
 * fetch size, so the driver never holds more than a window of rows, and then has the server compute its own
 * aggregates ({@link LiveTableQuery#aggregates(Table)}) in the same transaction. Where the database allows snapshot
 * isolation the read and the aggregates see one snapshot, so a table written to during the load still compares
 * exactly; otherwise they run at READ COMMITTED, and concurrent writes show up as verification differences.
 */
final class LiveRowSource implements RowSource {

    static final int FETCH_SIZE = 10_000;

    private final SqlServerUrl url;
    private final Supplier<Connection> connections;
    private final Database catalog;

    /** @param connections opens a new connection to the database (credentials applied, errors already mapped) */
    LiveRowSource(SqlServerUrl url, Supplier<Connection> connections, Database catalog) {
        this.url = url;
        this.connections = connections;
        this.catalog = catalog;
    }

    @Override
    public List<ObjectName> tables() {
        return catalog.tables().map(Table::name).toList();
    }

    @Override
    public boolean concurrentReads() {
        return true;
    }

    @Override
    public void read(ObjectName name, RowConsumer consumer) {
        Table table = catalog.table(name).orElseThrow(() -> new DataMigrateException(LiveCodes.QUERY_FAILED,
                "SQL Server at " + url.host() + " has no table " + name));
        String where = url.redacted() + " " + name;
        try (Connection connection = connections.get()) {
            connection.setReadOnly(true);
            boolean snapshot = snapshotAllowed(connection);
            connection.setAutoCommit(false);
            if (snapshot) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL SNAPSHOT");
                }
            }
            try {
                if (stream(connection, table, where, consumer)) {
                    try (Statement statement = connection.createStatement();
                         ResultSet row = statement.executeQuery(LiveTableQuery.aggregates(table))) {
                        row.next();
                        consumer.sourceAggregates(LiveTableQuery.aggregates(table, row));
                    }
                }
            } finally {
                connection.rollback(); // read only: nothing to keep, and the snapshot is released
            }
        } catch (SQLException e) {
            throw new DataMigrateException(LiveCodes.QUERY_FAILED, "reading " + name + " from SQL Server at "
                    + url.host() + " failed: " + oneLine(e.getMessage()), e);
        }
    }

    /** @return false when the consumer asked to stop */
    private static boolean stream(Connection connection, Table table, String where, RowConsumer consumer)
            throws SQLException {
        List<LiveTableQuery.Read> reads = table.columns().stream().map(c -> LiveTableQuery.read(c.type())).toList();
        consumer.columns(table.columns().stream().map(c -> c.name()).toList());
        try (Statement statement = connection.createStatement(ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rows = statement.executeQuery(LiveTableQuery.select(table))) {
                Object[] values = new Object[reads.size()];
                List<Object> row = Arrays.asList(values);
                int number = 0;
                while (rows.next()) {
                    number++;
                    for (int i = 0; i < values.length; i++) {
                        values[i] = LiveTableQuery.value(rows, i + 1, reads.get(i));
                    }
                    // the row number in the result: where a reject came from
                    if (!consumer.row(row, new SourceLocation(where, number, 1))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Whether the database has ALLOW_SNAPSHOT_ISOLATION on. */
    private static boolean snapshotAllowed(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT snapshot_isolation_state FROM sys.databases WHERE name = DB_NAME()")) {
            return row.next() && row.getInt(1) == 1;
        } catch (SQLException e) {
            return false; // no view permission: READ COMMITTED
        }
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s+", " ").strip();
    }

    /** Connection properties for streaming reads, unless the URL sets them: adaptive buffering (the driver's advice). */
    static List<String[]> streamingProperties(SqlServerUrl url) {
        List<String[]> properties = new ArrayList<>();
        if (url.property("responseBuffering").isEmpty()) {
            properties.add(new String[]{"responseBuffering", "adaptive"});
        }
        return properties;
    }
}
