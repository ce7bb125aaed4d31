package ai.datamigrate.plugin.duckdb.internal;

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
 * Checks SQL for DuckDB. Parsing uses Calcite's parser; execution happens on one connection to the database file,
 * opened read-only with file access and configuration changes disabled, each check in a transaction that is always
 * rolled back: the temporary views standing in for upstream models are created, then the query runs as
 * {@code SELECT count(*) FROM (<query>) q}.
 *
 * <p>DuckDB's JDBC driver runs every statement of a text it is given, not only the first, so each text is first
 * checked with DuckDB's own parser ({@code json_serialize_sql}) to be exactly one SELECT: a query cannot close the
 * wrapper's parenthesis and append a statement of its own.
 */
final class DuckDbQueryValidator extends JdbcQueryValidator {

    /** What {@link #execute} puts before the query; error columns on the query's first line are shifted back by it. */
    static final String WRAPPER_START = "SELECT count(*) FROM (";
    static final String WRAPPER_END = "\n) AS dm_check";
    private static final String VIEW_PREFIX = "CREATE TEMPORARY VIEW ";

    DuckDbQueryValidator(Optional<Connection> connection, String rawSchema, PluginContext context) {
        super(new DuckDbTargetDialect(), connection, rawSchema, context);
    }

    @Override
    protected QueryCheck check(Connection c, List<String> setup, String query) throws SQLException {
        for (String statement : setup) {
            Optional<String> body = viewBody(statement);
            if (body.isEmpty()) {
                return QueryCheck.failed("only temporary views may be set up, not: " + statement);
            }
            Optional<String> notOne = notOneSelect(c, body.get());
            if (notOne.isPresent()) {
                return QueryCheck.failed("a stand-in view " + notOne.get());
            }
            try (PreparedStatement s = c.prepareStatement(statement)) {
                s.execute();
            } catch (SQLException e) {
                return QueryCheck.failed("a stand-in view failed: " + maskSecrets(DuckDbErrors.describe(
                        String.valueOf(e.getMessage()), statement, statement.length() - body.get().length())));
            }
        }
        Optional<String> notOne = notOneSelect(c, query);
        if (notOne.isEmpty()) {
            notOne = notOneSelect(c, WRAPPER_START + query + WRAPPER_END);
        }
        if (notOne.isPresent()) {
            return QueryCheck.failed("the query " + notOne.get());
        }
        try (PreparedStatement s = c.prepareStatement(WRAPPER_START + query + WRAPPER_END);
             ResultSet rows = s.executeQuery()) {
            rows.next();
        }
        return QueryCheck.passed(List.of());
    }

    @Override
    protected String describe(SQLException error, String query) {
        return DuckDbErrors.describe(String.valueOf(error.getMessage()), WRAPPER_START + query + WRAPPER_END,
                WRAPPER_START.length());
    }

    /**
     * Empty when {@code sql} is exactly one SELECT for DuckDB's own parser; otherwise why not ("is not a single
     * SELECT: ..."), with the parser's position when it has one.
     */
    private static Optional<String> notOneSelect(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CAST(j->>'error' AS BOOLEAN), "
                + "coalesce(json_array_length(j, '$.statements'), 0), j->>'error_message', j->>'position' "
                + "FROM (SELECT json_serialize_sql(CAST(? AS VARCHAR)) AS j)")) {
            s.setString(1, sql);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getBoolean(1)) {
                    String position = r.getString(4);
                    return Optional.of("is not a single SELECT: " + r.getString(3)
                            + (position == null ? "" : " " + DuckDbErrors.position(sql, Integer.parseInt(position))));
                }
                long statements = r.getLong(2);
                return statements == 1 ? Optional.empty()
                        : Optional.of("is not a single SELECT: expected exactly one statement, found " + statements);
            }
        }
    }

    /**
     * The query of {@code CREATE TEMPORARY VIEW <name> AS <query>}; empty for any other statement. The name is one
     * identifier, plain or double-quoted (as the host writes it through the dialect).
     */
    static Optional<String> viewBody(String statement) {
        if (!statement.startsWith(VIEW_PREFIX)) {
            return Optional.empty();
        }
        int i = VIEW_PREFIX.length();
        if (i < statement.length() && statement.charAt(i) == '"') {
            i++;
            while (i < statement.length()) {
                if (statement.charAt(i) == '"') {
                    if (i + 1 < statement.length() && statement.charAt(i + 1) == '"') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i++;
            }
            i++;
        } else {
            while (i < statement.length() && (Character.isLetterOrDigit(statement.charAt(i))
                    || statement.charAt(i) == '_')) {
                i++;
            }
        }
        if (i == VIEW_PREFIX.length() || i > statement.length() || !statement.startsWith(" AS ", i)) {
            return Optional.empty();
        }
        return Optional.of(statement.substring(i + " AS ".length()));
    }
}
