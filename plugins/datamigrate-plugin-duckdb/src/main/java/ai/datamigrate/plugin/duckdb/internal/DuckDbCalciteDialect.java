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
     * DuckDB has only the three-argument form, so the space is written out. {@code to_char(date, template)}, which
     * DuckDB lacks, becomes {@code strftime} with the template's codes.
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
        if (name.equals("to_char") && call.operandCount() == 2 && call.operand(1) instanceof SqlLiteral template
                && template.getValue() instanceof org.apache.calcite.util.NlsString text) {
            java.util.Optional<String> format = strftime(text.getValue());
            if (format.isPresent()) {
                SqlCall formatted = new org.apache.calcite.sql.SqlUnresolvedFunction(new org.apache.calcite.sql
                        .SqlIdentifier("strftime", call.getParserPosition()), null, null, null, null,
                        org.apache.calcite.sql.SqlFunctionCategory.USER_DEFINED_FUNCTION).createCall(
                        call.getParserPosition(), call.operand(0), SqlLiteral.createCharString(format.get(),
                                call.getParserPosition()));
                super.unparseCall(writer, formatted, leftPrec, rightPrec);
                return;
            }
        }
        super.unparseCall(writer, call, leftPrec, rightPrec);
    }

    /** PostgreSQL {@code to_char} template patterns translators write, longest first, as DuckDB strftime codes. */
    private static final String[][] TEMPLATE = {
        {"FMMonth", "%B"}, {"FMDay", "%A"}, {"FMHH24", "%-H"}, {"FMHH12", "%-I"}, {"FMDD", "%-d"}, {"FMMM", "%-m"},
        {"YYYY", "%Y"}, {"HH24", "%H"}, {"HH12", "%I"}, {"Mon", "%b"}, {"Dy", "%a"}, {"YY", "%y"}, {"MM", "%m"},
        {"DD", "%d"}, {"HH", "%I"}, {"MI", "%M"}, {"SS", "%S"}, {"MS", "%g"}, {"US", "%f"}, {"AM", "%p"},
        {"PM", "%p"},
    };

    /**
     * A {@code to_char} date template as a {@code strftime} format; empty when it holds a letter pattern not in
     * {@link #TEMPLATE} (the call is then written as it is, and DuckDB reports it).
     */
    static java.util.Optional<String> strftime(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            boolean matched = false;
            for (String[] pattern : TEMPLATE) {
                if (template.startsWith(pattern[0], i)) {
                    out.append(pattern[1]);
                    i += pattern[0].length();
                    matched = true;
                    break;
                }
            }
            if (matched) {
                continue;
            }
            char c = template.charAt(i);
            if (Character.isLetter(c)) {
                return java.util.Optional.empty();
            }
            out.append(c == '%' ? "%%" : String.valueOf(c));
            i++;
        }
        return java.util.Optional.of(out.toString());
    }

    /** Plain {@code '...'} literals, also for non-ASCII text: DuckDB strings are UTF-8 and has no {@code U&'..'}. */
    @Override
    public void quoteStringLiteral(StringBuilder buf, String charsetName, String val) {
        buf.append(literalQuoteString);
        buf.append(val.replace(literalEndQuoteString, literalEscapedQuote));
        buf.append(literalEndQuoteString);
    }
}
