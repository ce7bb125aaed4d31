package ai.datamigrate.plugin.postgres.internal;

import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/**
 * Calcite's PostgreSQL dialect with DataMigrate's identifier policy: quote only what PostgreSQL needs quoted
 * (upper case, spaces, reserved words), which is what people write by hand, instead of quoting everything.
 * Translators add their function and clause rewrites on the tree; this class only fixes rendering.
 */
final class PostgresCalciteDialect extends PostgresqlSqlDialect {

    private final PostgresTargetDialect target;

    PostgresCalciteDialect(PostgresTargetDialect target) {
        super(PostgresqlSqlDialect.DEFAULT_CONTEXT);
        this.target = target;
    }

    @Override
    protected boolean identifierNeedsQuote(String identifier) {
        return target.requiresQuoting(identifier);
    }
}
