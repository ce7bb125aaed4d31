package ai.datamigrate.plugin.duckdb.internal;

import java.util.Locale;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.DuckDBSqlDialect;

/**
 * Calcite's DuckDB dialect with DataMigrate's identifier policy: quote only what DuckDB needs quoted (upper case,
 * spaces, reserved words) instead of everything. Translators add their function and clause rewrites on the tree; this
 * class only fixes rendering, including the functions whose DuckDB signature differs from the PostgreSQL one that
 * translators write.
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

    /**
     * {@code lpad}/{@code rpad} with two arguments pad with spaces in PostgreSQL (and in the translators' output);
     * DuckDB has only the three-argument form, so the space is written out.
     */
    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        String name = call.getOperator().getName().toLowerCase(Locale.ROOT);
        if ((name.equals("lpad") || name.equals("rpad")) && call.operandCount() == 2) {
            SqlCall padded = call.getOperator().createCall(call.getParserPosition(), call.operand(0), call.operand(1),
                    SqlLiteral.createCharString(" ", call.getParserPosition()));
            super.unparseCall(writer, padded, leftPrec, rightPrec);
            return;
        }
        super.unparseCall(writer, call, leftPrec, rightPrec);
    }

    /** Plain {@code '...'} literals, also for non-ASCII text: DuckDB strings are UTF-8 and has no {@code U&'..'}. */
    @Override
    public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
        buf.append(literalQuoteString);
        buf.append(val.replace(literalEndQuoteString, literalEscapedQuote));
        buf.append(literalEndQuoteString);
    }
}
