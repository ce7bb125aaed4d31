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

    /**
     * Plain {@code '...'} literals, also for non-ASCII text: PostgreSQL databases are UTF-8, and Calcite's default
     * {@code U&'\\00e9'} escapes are unreadable (and T-SQL's {@code N'..'} means nothing more than that).
     */
    @Override
    public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
        buf.append(literalQuoteString);
        buf.append(val.replace(literalEndQuoteString, literalEscapedQuote));
        buf.append(literalEndQuoteString);
    }
}
