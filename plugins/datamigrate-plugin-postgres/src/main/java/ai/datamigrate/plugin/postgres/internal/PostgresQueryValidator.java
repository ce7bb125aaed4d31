package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.validate.QueryCheck;
import ai.datamigrate.support.target.JdbcQueryValidator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Checks SQL for PostgreSQL. Parsing uses Calcite's parser ({@link JdbcQueryValidator}); execution happens on one connection, each check in a
 * transaction that is always rolled back: the temporary views standing in for upstream models are created, the
 * transaction is then switched to read-only, and the query runs as {@code SELECT count(*) FROM (<query>) q} through
 * the extended protocol, under a statement timeout. The driver splits a text at its semicolons and sends every
 * statement, so each text is first split with the driver's own parser and refused unless it is one statement: a
 * stand-in view cannot end the transaction and append a write, nor can a query close the wrapper and append one.
 */
final class PostgresQueryValidator extends JdbcQueryValidator {

    PostgresQueryValidator(Optional<Connection> connection, String rawSchema, PluginContext context) {
        super(new PostgresTargetDialect(), connection, rawSchema, context);
    }

    @Override
    protected QueryCheck check(Connection c, List<String> setup, String query) throws SQLException {
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
}
