package ai.datamigrate.plugin.duckdb.internal;

import org.apache.calcite.sql.dialect.DuckDBSqlDialect;

/**
 * Calcite's DuckDB dialect with DataMigrate's identifier policy: quote only what DuckDB needs quoted (upper case,
 * spaces, reserved words) instead of everything. Translators add their function and clause rewrites on the tree; this
 * class only fixes rendering.
 */
final class DuckDbCalciteDialect extends DuckDBSqlDialect {

    private final DuckDbTargetDialect target;

    DuckDbCalciteDialect(DuckDbTargetDialect target) {
        super(DuckDBSqlDialect.DEFAULT_CONTEXT);
        this.target = target;
    }

    @Override
    protected boolean identifierNeedsQuote(String identifier) {
        return target.requiresQuoting(identifier);
    }

    /** Plain {@code '...'} literals, also for non-ASCII text: DuckDB strings are UTF-8 and has no {@code U&'..'}. */
    @Override
    public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
        buf.append(literalQuoteString);
        buf.append(val.replace(literalEndQuoteString, literalEscapedQuote));
        buf.append(literalEndQuoteString);
    }
}
