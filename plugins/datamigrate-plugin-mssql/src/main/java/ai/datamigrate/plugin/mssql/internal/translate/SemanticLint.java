package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.plugin.mssql.internal.ast.Pos;
import ai.datamigrate.plugin.mssql.internal.translate.QueryConverter.Col;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.diagnostic.Severity;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The semantic-difference lint: while a query is translated, it notes every construct whose rows could differ between
 * SQL Server and PostgreSQL although the translation is faithful to the syntax (collations, trailing spaces,
 * {@code datetime} rounding, approximate and decimal arithmetic), one finding per construct site and code. It works on
 * the T-SQL tree's positions and the types SQL Server gives the operands, never on text.
 *
 * <p>Case: SQL Server's default collations ({@code SQL_Latin1_General_CP1_CI_AS}, {@code Latin1_General_CI_AS}) compare
 * case-insensitively; PostgreSQL's deterministic collations never do. A column's own collation (its {@code COLLATE}
 * clause in the catalog) or an explicit {@code COLLATE} in the query decides, otherwise the database default, which
 * the {@link Collation} option states. With {@link Collation#CI} comparisons and window keys are rendered with
 * {@code lower()} on both sides, which is SQL Server's {@code _CI_AS}: case-insensitive, accent-sensitive.
 */
final class SemanticLint {

    static final String CI_COMPARISON = "MSSQL-LINT-CI-COMPARISON";
    static final String CI_DISTINCT = "MSSQL-LINT-CI-DISTINCT";
    static final String CI_GROUP_BY = "MSSQL-LINT-CI-GROUP-BY";
    static final String CI_SET_OPERATION = "MSSQL-LINT-CI-SET-OPERATION";
    static final String CI_ORDER_BY = "MSSQL-LINT-CI-ORDER-BY";
    static final String COLLATE_DROPPED = "MSSQL-LINT-COLLATE-DROPPED";
    static final String TRAILING_SPACES = "MSSQL-LINT-TRAILING-SPACES";
    static final String DATETIME_ROUNDING = "MSSQL-LINT-DATETIME-ROUNDING";
    static final String APPROXIMATE_ARITHMETIC = "MSSQL-LINT-APPROXIMATE-ARITHMETIC";
    static final String DECIMAL_DIVISION = "MSSQL-LINT-DECIMAL-DIVISION";
    static final String INTEGER_DIVISION = "MSSQL-LINT-INTEGER-DIVISION";

    /** Every code, for documentation and tests. */
    static final List<String> CODES = List.of(CI_COMPARISON, CI_DISTINCT, CI_GROUP_BY, CI_SET_OPERATION, CI_ORDER_BY,
            COLLATE_DROPPED, TRAILING_SPACES, DATETIME_ROUNDING, APPROXIMATE_ARITHMETIC, DECIMAL_DIVISION,
            INTEGER_DIVISION);

    /** The {@code mssql.collation} option: what the source's default collation is, and whether to render for it. */
    enum Collation {
        /** Default collation case-insensitive (SQL Server's default); SQL unchanged, differences reported. */
        PRESERVE,
        /** Default collation case-insensitive; comparisons and window keys rendered case-insensitively. */
        CI,
        /** Default collation case-sensitive ({@code _CS_}, {@code _BIN}): only columns declared {@code _CI_} differ. */
        CS;

        static Collation of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** One finding at a position of the object's text. */
    record Finding(Severity severity, String code, Pos pos, String message) {
    }

    /** A collation a value carries: a column's (implicit) or a {@code COLLATE} clause's (explicit). */
    private record Carried(String name, boolean explicit) {
    }

    private final Collation mode;
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<SqlNode, Carried> collations = new IdentityHashMap<>();
    private final List<Typed> groupKeys = new ArrayList<>();
    private Pos inlinedAt;
    private String inlinedName;
    private int inlining;

    SemanticLint(Collation mode) {
        this.mode = mode;
    }

    Collation mode() {
        return mode;
    }

    void reset() {
        findings.clear();
        seen.clear();
        collations.clear();
        groupKeys.clear();
        inlining = 0;
        inlinedAt = null;
        inlinedName = null;
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }

    // ================================================================ where the values come from

    /** A column reference: it carries its column's collation, when the catalog declares one. */
    Typed column(Typed t, Col col) {
        col.collation().ifPresent(c -> collations.put(t.node(), new Carried(c, false)));
        return t;
    }

    /** {@code expr COLLATE name}: PostgreSQL gets the value alone (its database collation decides), noted once. */
    Typed collate(Pos pos, Typed t, String collation) {
        collations.put(t.node(), new Carried(collation, true));
        boolean ci = caseInsensitive(collation);
        report(Severity.INFO, COLLATE_DROPPED, pos, "COLLATE " + collation + " was dropped: PostgreSQL compares "
                + "and sorts with the target database's collation" + (ci ? "; the comparisons it governs are "
                + "case-insensitive in SQL Server (reported where they occur)"
                : ", which is case-sensitive as " + collation + " is (the sort order can still differ)"));
        return t;
    }

    /** The collation name a select item hands on to the view's column (a column's or an explicit one). */
    Optional<String> collationOf(SqlNode node) {
        return carried(node).map(Carried::name);
    }

    /** A call of a user scalar function is inlined: findings in its body are reported at the call. */
    void enterInline(Pos call, String function) {
        if (inlining++ == 0) {
            inlinedAt = call;
            inlinedName = function;
        }
    }

    void exitInline() {
        if (--inlining == 0) {
            inlinedAt = null;
            inlinedName = null;
        }
    }

    // ================================================================ comparisons

    /** {@code a op b} for =, <>, <, >, <=, >= (the call already built, operands in order). */
    Typed comparison(Pos pos, String op, Typed result, Typed left, Typed right) {
        if (!strings(left, right)) {
            return result;
        }
        boolean equality = op.equals("=") || op.equals("<>") || op.equals("!=");
        if (equality) {
            trailingSpaces(pos, "'" + op + "'", List.of(left, right));
        }
        return caseCompare(pos, "'" + op + "'", result, List.of(left, right));
    }

    /** {@code v [NOT] BETWEEN low AND high}. */
    Typed between(Pos pos, Typed result, Typed v, Typed low, Typed high) {
        if (!strings(v, low) || !strings(v, high)) {
            return result;
        }
        return caseCompare(pos, "BETWEEN", result, List.of(v, low, high));
    }

    /** {@code v [NOT] LIKE pattern}: letters in the pattern match either case in SQL Server. */
    Typed like(Pos pos, Typed result, Typed v, Typed pattern, boolean letterEscape) {
        if (!strings(v, pattern)) {
            return result;
        }
        return caseCompare(pos, "LIKE", result, List.of(v, pattern), letterEscape);
    }

    /** {@code v [NOT] IN (a, b, ...)}: the list's operands are the second operand of the call. */
    Typed inList(Pos pos, Typed result, Typed v) {
        if (!SqlServerTypes.isString(v.type()) || !(result.node() instanceof SqlBasicCall call)
                || !(call.operand(1) instanceof SqlNodeList list)) {
            return result;
        }
        List<Typed> operands = new ArrayList<>();
        operands.add(v);
        for (SqlNode n : list) {
            operands.add(new Typed(n, v.type()));
        }
        trailingSpaces(pos, "IN", operands);
        if (caseInsensitiveComparison(pos, "IN", operands, true)) {
            call.setOperand(0, lower(v.node()));
            call.setOperand(1, lowered(list));
        }
        return result;
    }

    /** {@code CASE v WHEN a THEN ... WHEN b ...} compares v with each WHEN value as {@code =} does. */
    Typed simpleCase(Pos pos, Typed result, Typed operand, List<Typed> whens) {
        List<Typed> operands = new ArrayList<>();
        operands.add(operand);
        operands.addAll(whens);
        if (!SqlServerTypes.isString(operand.type()) || whens.stream().anyMatch(w -> !SqlServerTypes.isString(w.type()))
                || !(result.node() instanceof org.apache.calcite.sql.fun.SqlCase node)) {
            return result;
        }
        trailingSpaces(pos, "CASE ... WHEN", operands);
        if (caseInsensitiveComparison(pos, "CASE ... WHEN", operands, true)) {
            node.setOperand(0, lower(operand.node()));
            node.setOperand(1, lowered(node.getWhenOperands()));
        }
        return result;
    }

    private Typed caseCompare(Pos pos, String what, Typed result, List<Typed> operands) {
        return caseCompare(pos, what, result, operands, false);
    }

    private Typed caseCompare(Pos pos, String what, Typed result, List<Typed> operands, boolean keepSql) {
        if (caseInsensitiveComparison(pos, what, operands, !keepSql && result.node() instanceof SqlBasicCall)) {
            SqlBasicCall call = (SqlBasicCall) result.node();
            for (int i = 0; i < operands.size() && i < call.operandCount(); i++) {
                call.setOperand(i, lower(call.operand(i)));
            }
        }
        return result;
    }

    /**
     * Reports a comparison whose strings SQL Server compares case-insensitively, when their collations make it so;
     * true when the caller is to render it with {@code lower()} (under {@code --collation ci}, where it can).
     */
    private boolean caseInsensitiveComparison(Pos pos, String what, List<Typed> operands, boolean rewritable) {
        if (!differsByCase(operands)) {
            return false;
        }
        boolean rewrite = mode == Collation.CI && rewritable;
        report(Severity.INFO, CI_COMPARISON, pos, what + " compares strings case-insensitively under "
                + collationName(operands) + "; PostgreSQL compares case-sensitively" + mitigation(rewrite));
        return rewrite;
    }

    private static SqlNodeList lowered(SqlNodeList list) {
        SqlNodeList lowered = new SqlNodeList(list.getParserPosition());
        list.forEach(n -> lowered.add(lower(n)));
        return lowered;
    }

    private static String mitigation(boolean rewritten) {
        return rewritten ? "; rendered with lower() on both sides (--collation ci)"
                : "; SQL unchanged (--collation ci renders it with lower())";
    }

    /** SQL Server pads the shorter string with spaces before = compares; PostgreSQL's text keeps them. */
    private void trailingSpaces(Pos pos, String what, List<Typed> operands) {
        boolean variable = operands.stream().anyMatch(t -> !(t.node() instanceof SqlLiteral)
                && SqlServerTypes.isString(t.type()) && !SqlServerTypes.isFixedChar(t.type()));
        if (!variable) {
            return;
        }
        report(Severity.INFO, TRAILING_SPACES, pos, what + " ignores trailing spaces in SQL Server ('a' = 'a ' is "
                + "true); PostgreSQL compares varchar/text with them: values stored with trailing spaces match in "
                + "SQL Server only; SQL unchanged");
    }

    // ================================================================ grouping and ordering

    /** {@code SELECT DISTINCT} over string columns. */
    void distinct(Pos pos, List<Col> columns) {
        List<String> keys = columns.stream().filter(c -> SqlServerTypes.isString(c.type()) && caseInsensitive(
                c.collation().map(x -> new Carried(x, false)))).map(Col::name).toList();
        if (!keys.isEmpty()) {
            report(Severity.INFO, CI_DISTINCT, pos, "DISTINCT treats strings that differ only in case as equal in "
                    + "SQL Server (" + String.join(", ", keys) + "); PostgreSQL keeps each spelling; SQL unchanged");
        }
    }

    /** A key of the GROUP BY being translated; {@link #groupBy} reports the clause once. */
    void groupKey(Typed key) {
        groupKeys.add(key);
    }

    int mark() {
        return groupKeys.size();
    }

    void groupBy(Pos pos, int mark) {
        List<Typed> keys = new ArrayList<>(groupKeys.subList(mark, groupKeys.size()));
        groupKeys.subList(mark, groupKeys.size()).clear();
        long strings = keys.stream().filter(k -> SqlServerTypes.isString(k.type())
                && caseInsensitive(carried(k.node()))).count();
        if (strings > 0) {
            report(Severity.INFO, CI_GROUP_BY, pos, "GROUP BY puts strings that differ only in case into one group "
                    + "in SQL Server (" + strings + " string key" + (strings == 1 ? "" : "s")
                    + "); PostgreSQL makes a group per spelling; SQL unchanged");
        }
    }

    /** UNION, INTERSECT and EXCEPT compare rows as DISTINCT does (UNION ALL does not). */
    void setOperation(Pos pos, String operator, List<Col> columns) {
        if (operator.equalsIgnoreCase("UNION ALL")) {
            return;
        }
        List<String> keys = columns.stream().filter(c -> SqlServerTypes.isString(c.type()) && caseInsensitive(
                c.collation().map(x -> new Carried(x, false)))).map(Col::name).toList();
        if (!keys.isEmpty()) {
            report(Severity.INFO, CI_SET_OPERATION, pos, operator.toUpperCase(Locale.ROOT) + " compares rows "
                    + "case-insensitively in SQL Server (" + String.join(", ", keys) + "); PostgreSQL keeps rows "
                    + "that differ in case apart; SQL unchanged");
        }
    }

    /**
     * A sort key of an ORDER BY that decides which rows a TOP/OFFSET keeps, or of a window's ORDER BY / PARTITION BY.
     * With {@link Collation#CI} the key is lowered where that is safe ({@code rewritable}: not an output column's name
     * or position, not under DISTINCT).
     */
    SqlNode sortKey(Pos clause, String what, Typed key, boolean rewritable) {
        if (!SqlServerTypes.isString(key.type()) || !caseInsensitive(carried(key.node()))
                || key.node() instanceof SqlLiteral) {
            return key.node();
        }
        boolean rewrite = mode == Collation.CI && rewritable;
        boolean partition = what.equals("PARTITION BY");
        report(Severity.INFO, partition ? CI_GROUP_BY : CI_ORDER_BY, clause, what + " on strings: SQL Server "
                + (partition ? "puts strings that differ only in case into one partition"
                : "sorts case-insensitively by its collation's rules") + ", PostgreSQL by the target database's "
                + "collation" + (partition ? "" : ", so the rows kept or numbered can differ") + (rewrite
                ? "; rendered with lower() (--collation ci)" : mode == Collation.CI
                ? "; SQL unchanged (an output column's name cannot be lowered)" : "; SQL unchanged"));
        return rewrite ? lower(key.node()) : key.node();
    }

    // ================================================================ dates and numbers

    /**
     * A string literal read as {@code datetime} or {@code smalldatetime}: SQL Server rounds datetime to 1/300 second
     * (.000, .003, .007) and smalldatetime to the minute; PostgreSQL keeps the literal's milliseconds.
     */
    void dateTimeLiteral(Pos pos, LocalDateTime value, DataType target) {
        String base = SqlServerTypes.base(target);
        LocalDateTime stored;
        if (base.equals("datetime")) {
            stored = roundToDatetime(value);
        } else if (base.equals("smalldatetime")) {
            stored = value.withSecond(0).withNano(0).plusMinutes(value.getSecond() >= 30 ? 1 : 0);
        } else {
            return;
        }
        if (!stored.equals(value.withNano(value.getNano() / 1_000_000 * 1_000_000))) {
            report(Severity.WARNING, DATETIME_ROUNDING, pos, "SQL Server reads this " + base + " literal as "
                    + STAMP.format(stored) + " (" + base + " is rounded to " + (base.equals("datetime")
                    ? "1/300 second" : "the minute") + "); PostgreSQL keeps " + STAMP.format(value)
                    + "; write the rounded value to keep SQL Server's results");
        }
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS");

    /** "Rounded to increments of .000, .003, or .007 seconds" (the datetime documentation's table). */
    static LocalDateTime roundToDatetime(LocalDateTime value) {
        int millis = value.getNano() / 1_000_000;
        int last = millis % 10;
        int rounded = millis - last + switch (last) {
            case 0, 1 -> 0;
            case 2, 3, 4 -> 3;
            case 5, 6, 7, 8 -> 7;
            default -> 10;
        };
        return value.withNano(0).plusNanos(rounded * 1_000_000L);
    }

    /** CAST/CONVERT to datetime or smalldatetime of a value finer than the target. */
    void dateTimeCast(Pos pos, DataType from, DataType target) {
        String to = SqlServerTypes.base(target);
        if (!to.equals("datetime") && !to.equals("smalldatetime")) {
            return;
        }
        String f = SqlServerTypes.base(from);
        boolean finer = switch (f) {
            case "datetime2", "datetimeoffset", "time", "float", "real", "decimal", "numeric" -> true;
            case "datetime" -> to.equals("smalldatetime");
            // strings are left out: the usual ones are dates or whole seconds, and a string literal is checked exactly
            default -> false;
        };
        if (finer) {
            report(Severity.INFO, DATETIME_ROUNDING, pos, "a " + from + " converted to " + to + " is rounded to "
                    + (to.equals("datetime") ? "1/300 second (.000, .003, .007)" : "the minute")
                    + " by SQL Server; PostgreSQL's timestamp(" + (to.equals("datetime") ? "3" : "0") + ") rounds to "
                    + (to.equals("datetime") ? "the millisecond" : "the second") + "; SQL unchanged");
        }
    }

    /** {@code a op b} on numbers, after the converter built it with SQL Server's result type. */
    Typed arithmetic(Pos pos, String op, Typed left, Typed right, Typed result) {
        DataType lt = left.type();
        DataType rt = right.type();
        if (exactFraction(lt) && SqlServerTypes.isApproximate(rt)
                || exactFraction(rt) && SqlServerTypes.isApproximate(lt)) {
            report(Severity.INFO, APPROXIMATE_ARITHMETIC, pos, "'" + op + "' of " + lt + " and " + rt + " is "
                    + result.type() + " arithmetic in SQL Server: the exact value becomes approximate; both systems "
                    + "round alike per operation, but sums over many rows and the last digits can differ; cast to "
                    + "decimal first for exact results; SQL unchanged");
        }
        if (!op.equals("/")) {
            return result;
        }
        if (bigIntegerLiteral(left) && integerOnTarget(right.node()) && SqlServerTypes.isInteger(rt)
                || bigIntegerLiteral(right) && integerOnTarget(left.node()) && SqlServerTypes.isInteger(lt)) {
            report(Severity.INFO, INTEGER_DIVISION, pos, "an integer literal beyond int's range is a decimal in "
                    + "SQL Server, so '/' keeps the fraction; PostgreSQL reads it as bigint and truncates; "
                    + "SQL unchanged");
        } else if (exactFraction(result.type())) {
            report(Severity.INFO, DECIMAL_DIVISION, pos, "'/' of " + lt + " and " + rt + " is " + result.type()
                    + " in SQL Server, whose scale (digits after the point) follows its precision rules"
                    + (SqlServerTypes.base(result.type()).contains("money") ? " (money: 4 digits)" : "")
                    + "; PostgreSQL's numeric division chooses its own scale, so the digits can differ; SQL unchanged");
        } else if (SqlServerTypes.isInteger(lt) && SqlServerTypes.isInteger(rt)
                && !(integerOnTarget(left.node()) && integerOnTarget(right.node()))) {
            report(Severity.INFO, INTEGER_DIVISION, pos, "'/' of two integers truncates in SQL Server; an "
                    + "operand's target expression may not be an integer in PostgreSQL, which would divide without "
                    + "truncating; SQL unchanged");
        }
        return result;
    }

    private static boolean exactFraction(DataType t) {
        return SqlServerTypes.isExactNumeric(t) && !SqlServerTypes.isInteger(t);
    }

    private static boolean bigIntegerLiteral(Typed t) {
        return t.node() instanceof SqlLiteral l && l.getValue() instanceof BigDecimal v && v.scale() <= 0
                && !SqlServerTypes.isInteger(t.type());
    }

    /** Target functions whose result is an integer whatever their arguments. */
    private static final Set<String> INTEGER_FUNCTIONS = Set.of("LENGTH", "CHAR_LENGTH", "OCTET_LENGTH", "STRPOS",
            "ASCII");
    /** Target functions whose result is an integer when their arguments are. */
    private static final Set<String> INTEGER_PRESERVING = Set.of("ABS", "SIGN", "MOD", "COALESCE", "GREATEST", "LEAST");

    /** Whether the rendered node is surely an integer on the target, as SQL Server's integer operand is. */
    static boolean integerOnTarget(SqlNode node) {
        if (node instanceof SqlIdentifier) {
            return true; // a column: the type SQL Server gave it is its own, mapped to an integer type
        }
        if (node instanceof SqlLiteral l) {
            return l.getValue() instanceof BigDecimal v && v.scale() <= 0 || l.getTypeName() == SqlTypeName.NULL;
        }
        if (!(node instanceof SqlCall call)) {
            return false;
        }
        SqlKind kind = call.getKind();
        if (kind == SqlKind.CAST && call.operand(1) instanceof SqlDataTypeSpec spec) {
            // the target's type name, as the cast renders it (an alien type's name is not its SqlTypeName)
            String type = spec.toString().trim().toUpperCase(Locale.ROOT);
            return type.equals("INTEGER") || type.equals("SMALLINT") || type.equals("BIGINT") || type.equals("INT");
        }
        if (kind == SqlKind.PLUS || kind == SqlKind.MINUS || kind == SqlKind.TIMES || kind == SqlKind.DIVIDE
                || kind == SqlKind.MOD || kind == SqlKind.MINUS_PREFIX) {
            return call.getOperandList().stream().allMatch(SemanticLint::integerOnTarget);
        }
        if (kind == SqlKind.CASE && call instanceof org.apache.calcite.sql.fun.SqlCase c) {
            return c.getThenOperands().stream().allMatch(SemanticLint::integerOnTarget)
                    && (c.getElseOperand() == null || integerOnTarget(c.getElseOperand()));
        }
        if (kind == SqlKind.OTHER_FUNCTION || kind == SqlKind.COALESCE || kind == SqlKind.GREATEST
                || kind == SqlKind.LEAST) {
            String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
            return INTEGER_FUNCTIONS.contains(name) || INTEGER_PRESERVING.contains(name)
                    && call.getOperandList().stream().allMatch(SemanticLint::integerOnTarget);
        }
        return false;
    }

    // ================================================================ collations

    private boolean strings(Typed a, Typed b) {
        return SqlServerTypes.isString(a.type()) && SqlServerTypes.isString(b.type());
    }

    /**
     * Whether comparing these could differ by case: a case-insensitive collation governs, some operand is not a
     * literal, and the first operand and another one can hold letters ({@code x = '123'} matches the same rows in
     * either case; a NULL literal matches nothing in either).
     */
    private boolean differsByCase(List<Typed> operands) {
        if (operands.stream().anyMatch(t -> t.node() instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.NULL)
                && operands.size() == 2) {
            return false;
        }
        boolean computed = operands.stream().anyMatch(t -> !(t.node() instanceof SqlLiteral));
        boolean first = caseful(operands.get(0));
        boolean other = operands.stream().skip(1).anyMatch(SemanticLint::caseful);
        return computed && first && other && caseInsensitive(governing(operands));
    }

    private static boolean caseful(Typed t) {
        return !(t.node() instanceof SqlLiteral l) || hasCase(l);
    }

    private static boolean hasCase(SqlLiteral l) {
        String s = l.getValueAs(String.class);
        return s != null && s.codePoints().anyMatch(cp -> Character.isUpperCase(cp) || Character.isLowerCase(cp)
                || Character.isTitleCase(cp));
    }

    /** SQL Server's collation precedence: an explicit COLLATE wins, then a column's, then the default. */
    private Optional<Carried> governing(List<Typed> operands) {
        Optional<Carried> implicit = Optional.empty();
        for (Typed t : operands) {
            Optional<Carried> c = carried(t.node());
            if (c.isPresent() && c.get().explicit()) {
                return c;
            }
            if (c.isPresent() && implicit.isEmpty()) {
                implicit = c;
            }
        }
        return implicit;
    }

    private String collationName(List<Typed> operands) {
        return governing(operands).map(Carried::name).orElse("the database's default collation");
    }

    /** The collation a value carries: its own, or (for a function of columns) the first of its operands'. */
    private Optional<Carried> carried(SqlNode node) {
        Carried c = collations.get(node);
        if (c != null) {
            return Optional.of(c);
        }
        if (node instanceof SqlBasicCall call) {
            for (SqlNode operand : call.getOperandList()) {
                if (operand != null) {
                    Optional<Carried> inner = carried(operand);
                    if (inner.isPresent()) {
                        return inner;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean caseInsensitive(Optional<Carried> collation) {
        return collation.map(c -> caseInsensitive(c.name())).orElse(mode != Collation.CS);
    }

    /** {@code _CI_} collations are; {@code _CS_} and binary ({@code _BIN}, {@code _BIN2}) ones are not. */
    static boolean caseInsensitive(String collation) {
        List<String> parts = List.of(collation.toUpperCase(Locale.ROOT).split("_"));
        if (parts.contains("CS") || parts.contains("BIN") || parts.contains("BIN2")) {
            return false;
        }
        return parts.contains("CI");
    }

    private static SqlNode lower(SqlNode node) {
        if (node instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.CHAR) {
            String s = l.getValueAs(String.class);
            // ASCII letters lower the same everywhere; other text is left to the target's lower()
            if (s.chars().allMatch(ch -> ch < 128)) {
                return Sql.string(s.toLowerCase(Locale.ROOT));
            }
        }
        if (node instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.NULL) {
            return node;
        }
        return Sql.fn("lower", node);
    }

    // ================================================================ reporting

    private void report(Severity severity, String code, Pos pos, String message) {
        Pos at = inlining > 0 ? inlinedAt : pos;
        if (!seen.add(code + "@" + at.line() + ":" + at.column())) {
            return;
        }
        findings.add(new Finding(severity, code, at, inlining > 0 ? message + " (in inlined function "
                + inlinedName + ")" : message));
    }
}
