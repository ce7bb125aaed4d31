package ai.datamigrate.plugin.postgres.internal;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlWriter;
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

    /**
     * {@code LISTAGG(x, sep) WITHIN GROUP (ORDER BY k)} as PostgreSQL writes an ordered string aggregate:
     * {@code string_agg(x, sep ORDER BY k)}. Calcite renders the WITHIN GROUP form, which PostgreSQL reads as an
     * ordered-set aggregate with one more argument and rejects.
     */
    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        if (call.getKind() == SqlKind.WITHIN_GROUP && call.operand(0) instanceof SqlCall aggregate
                && aggregate.getKind() == SqlKind.LISTAGG && call.operand(1) instanceof SqlNodeList order
                && !order.isEmpty()) {
            SqlWriter.Frame frame = writer.startFunCall("STRING_AGG");
            for (SqlNode operand : aggregate.getOperandList()) {
                writer.sep(",");
                operand.unparse(writer, 0, 0);
            }
            writer.keyword("ORDER BY");
            writer.list(SqlWriter.FrameTypeEnum.ORDER_BY_LIST, SqlWriter.COMMA, order);
            writer.endFunCall(frame);
            return;
        }
        super.unparseCall(writer, call, leftPrec, rightPrec);
    }
}
