package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.catalog.ObjectName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The target's record of which raw tables a load has filled and verified: the table {@value #TABLE} in the raw
 * schema, one row per raw table. A table's row is written in the same transaction as its rows, after verification,
 * so the record and the data commit (or vanish, when the load is killed) together: the target is the source of
 * truth for {@code load --resume}. The fingerprint is a hash of the table's {@code CREATE TABLE}, so a table whose
 * definition changed since is loaded again.
 */
final class LoadState {

    static final String TABLE = "datamigrate_load_state";

    /** What an earlier run recorded for one raw table. */
    record Entry(String fingerprint, long rows) {
    }

    private LoadState() {
    }

    static void create(Connection connection, PostgresTargetDialect dialect, String rawSchema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists " + qualified(dialect, rawSchema) + " (\n"
                    + "    target_schema text not null,\n"
                    + "    target_table text not null,\n"
                    + "    source_table text not null,\n"
                    + "    definition_hash text not null,\n"
                    + "    row_count bigint not null,\n"
                    + "    verified_at timestamptz not null default now(),\n"
                    + "    primary key (target_schema, target_table)\n)");
        }
    }

    /** The recorded tables, keyed by {@code schema.table}. */
    static Map<String, Entry> read(Connection connection, PostgresTargetDialect dialect, String rawSchema)
            throws SQLException {
        Map<String, Entry> entries = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select target_schema, target_table, definition_hash, row_count"
                     + " from " + qualified(dialect, rawSchema))) {
            while (rows.next()) {
                entries.put(rows.getString(1) + "." + rows.getString(2), new Entry(rows.getString(3),
                        rows.getLong(4)));
            }
        }
        return entries;
    }

    /** Records a verified table, inside the transaction that loaded it. */
    static void record(Connection connection, PostgresTargetDialect dialect, String rawSchema, ObjectName source,
                       String schema, String table, String fingerprint, long rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from " + qualified(dialect, rawSchema)
                + " where target_schema = ? and target_table = ?")) {
            delete.setString(1, schema);
            delete.setString(2, table);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("insert into " + qualified(dialect, rawSchema)
                + " (target_schema, target_table, source_table, definition_hash, row_count) values (?, ?, ?, ?, ?)")) {
            insert.setString(1, schema);
            insert.setString(2, table);
            insert.setString(3, source.toString());
            insert.setString(4, fingerprint);
            insert.setLong(5, rows);
            insert.executeUpdate();
        }
    }

    static String fingerprint(String ddl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ddl.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static String qualified(PostgresTargetDialect dialect, String rawSchema) {
        return dialect.quoteIdentifier(rawSchema) + "." + dialect.quoteIdentifier(TABLE);
    }
}
