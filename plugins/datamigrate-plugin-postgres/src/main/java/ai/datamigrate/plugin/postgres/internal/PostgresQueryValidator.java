package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.validate.QueryCheck;
import ai.datamigrate.spi.validate.QueryValidator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Checks SQL for PostgreSQL. Parsing uses Calcite's parser; execution happens on one connection, each check in a
 * transaction that is always rolled back: the temporary views standing in for upstream models are created, the
 * transaction is then switched to read-only, and the query runs as {@code SELECT count(*) FROM (<query>) q} through
 * the extended protocol, under a statement timeout. The driver splits a text at its semicolons and sends every
 * statement, so each text is first split with the driver's own parser and refused unless it is one statement: a
 * stand-in view cannot end the transaction and append a write, nor can a query close the wrapper and append one.
 */
final class PostgresQueryValidator implements QueryValidator {

    private final PostgresTargetDialect dialect = new PostgresTargetDialect();
    private final Optional<Connection> connection;
    private final String rawSchema;
    private final PluginContext context;

    PostgresQueryValidator(Optional<Connection> connection, String rawSchema, PluginContext context) {
        this.connection = connection;
        this.rawSchema = rawSchema;
        this.context = context;
    }

    @Override
    public QueryCheck parse(String sql) {
        try {
            return QueryCheck.passed(QueryShape.relations(sql));
        } catch (SqlParseException e) {
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return QueryCheck.failed(message);
        } catch (IllegalArgumentException e) {
            return QueryCheck.failed(e.getMessage());
        }
    }

    @Override
    public boolean canExecute() {
        return connection.isPresent();
    }

    @Override
    public synchronized QueryCheck execute(List<String> setup, String query) {
        if (connection.isEmpty()) {
            return QueryCheck.failed("no target connection");
        }
        Connection c = connection.get();
        try {
            c.setAutoCommit(false);
            try {
                run(c, "SET LOCAL statement_timeout = '60s'");
                for (String statement : setup) {
                    if (!statement.startsWith("CREATE TEMPORARY VIEW ") || statements(statement) != 1) {
                        return QueryCheck.failed("only temporary views may be set up, one per statement, not: "
                                + statement);
                    }
                    run(c, statement);
                }
                run(c, "SET TRANSACTION READ ONLY");
                String wrapped = "SELECT count(*) FROM (" + query + "\n) AS dm_check";
                int found = statements(wrapped);
                if (found != 1) {
                    return QueryCheck.failed("expected exactly one query, found " + found + " statements");
                }
                try (PreparedStatement s = c.prepareStatement(wrapped);
                     ResultSet rows = s.executeQuery()) {
                    rows.next();
                }
                return QueryCheck.passed(List.of());
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return QueryCheck.failed(context.maskSecrets(String.valueOf(e.getMessage())));
        }
    }

    /** How many statements the driver would send for {@code sql} (it splits at semicolons outside quotes). */
    static int statements(String sql) throws SQLException {
        return org.postgresql.core.Parser.parseJdbcSql(sql, true, false, true, false, false).size();
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        }
    }

    @Override
    public String rawRelation(ObjectName sourceTable) {
        return dialect.quoteIdentifier(RawLayout.schemaFor(rawSchema, sourceTable.schema())) + "."
                + dialect.quoteIdentifier(sourceTable.name());
    }

    @Override
    public void close() {
        connection.ifPresent(c -> {
            try {
                c.close();
            } catch (SQLException e) {
                // closing a connection we only read through; nothing to recover
            }
        });
    }
}
