package ai.datamigrate.support.target;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.validate.QueryCheck;
import ai.datamigrate.spi.validate.QueryValidator;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * What the targets' query validators share: parsing with {@link QueryShape}, the raw tables' names
 * ({@link RawLayout}), and execution on one connection, each check in a transaction that is always rolled back.
 * A target says how it runs a check inside that transaction ({@link #check}) and how it words a driver's error.
 */
public abstract class JdbcQueryValidator implements QueryValidator {

    private final TargetDialect dialect;
    private final Optional<Connection> connection;
    private final String rawSchema;
    private final PluginContext context;

    protected JdbcQueryValidator(TargetDialect dialect, Optional<Connection> connection, String rawSchema,
                                 PluginContext context) {
        this.dialect = dialect;
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
    public final synchronized QueryCheck execute(List<String> setup, String query) {
        if (connection.isEmpty()) {
            return QueryCheck.failed("no target connection");
        }
        Connection c = connection.get();
        try {
            c.setAutoCommit(false);
            try {
                return check(c, setup, query);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return QueryCheck.failed(maskSecrets(describe(e, query)));
        }
    }

    /**
     * Sets up the stand-in views and runs the query, in the transaction {@link #execute} rolls back afterwards.
     *
     * @throws SQLException the target's error, which {@link #describe} words
     */
    protected abstract QueryCheck check(Connection connection, List<String> setup, String query) throws SQLException;

    /** The target's error about {@code query} as the check reports it (secrets are masked afterwards). */
    protected String describe(SQLException error, String query) {
        return String.valueOf(error.getMessage());
    }

    protected final String maskSecrets(String text) {
        return context.maskSecrets(text);
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
