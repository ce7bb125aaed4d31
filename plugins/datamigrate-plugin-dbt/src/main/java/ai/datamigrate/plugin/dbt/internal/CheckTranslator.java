package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.plugin.dbt.internal.CheckExpression.Between;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.Binary;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.Call;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.ColumnRef;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.In;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.IsNull;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.Like;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.Literal;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.LiteralKind;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.Logical;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.Negate;
import ai.datamigrate.plugin.dbt.internal.CheckExpression.Not;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ColumnPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ModelPlan;
import ai.datamigrate.spi.target.TargetDialect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Translates a T-SQL CHECK condition into the dbt test that checks the same rule on a staging model:
 * {@code accepted_values} for a column limited to a list of literals, otherwise a PostgreSQL condition over the
 * staging model's (renamed) columns for the project's {@code expression_is_true} test.
 *
 * <p>SQL Server rejects a row only when the condition is FALSE; NULL (unknown) passes. Both tests keep that:
 * {@code accepted_values} selects {@code value not in (...)}, which is never true for NULL, and
 * {@code expression_is_true} selects {@code not (condition)}, which is never true for an unknown condition.
 */
final class CheckTranslator {

    /** What a CHECK becomes. */
    sealed interface Translation {
    }

    /** {@code quote}: whether dbt must quote the values (strings, dates) or not (numbers, booleans). */
    record AcceptedValues(ColumnPlan column, List<Object> values, boolean quote) implements Translation {
        AcceptedValues {
            values = List.copyOf(values);
        }
    }

    /** A PostgreSQL condition over the staging model's columns. */
    record Expression(String sql) implements Translation {
    }

    record NotTranslated(String reason) implements Translation {
    }

    /** What a translated operand is, to pick PostgreSQL operators and refuse comparisons PostgreSQL rejects. */
    private enum Kind {
        TEXT, NUMBER, BOOLEAN, TEMPORAL, BINARY, OTHER, STRING_LITERAL, NULL, CONDITION
    }

    private static final int OR = 20;
    private static final int AND = 30;
    private static final int NOT = 40;
    private static final int COMPARISON = 50;
    private static final int CONCAT = 60;
    private static final int ADDITIVE = 70;
    private static final int MULTIPLICATIVE = 80;
    private static final int UNARY = 90;
    private static final int ATOM = 100;

    /** @param column the column a bare column reference stands for, to read its type and collation */
    private record Sql(String text, Kind kind, int precedence, Optional<ColumnPlan> column) {
        Sql(String text, Kind kind, int precedence) {
            this(text, kind, precedence, Optional.empty());
        }

        String at(int required) {
            return precedence >= required ? text : "(" + text + ")";
        }
    }

    private static final class Untranslatable extends Exception {
        private static final long serialVersionUID = 1L;

        Untranslatable(String message) {
            super(message);
        }
    }

    private final ModelPlan model;
    private final TargetDialect dialect;

    CheckTranslator(ModelPlan model, TargetDialect dialect) {
        this.model = Objects.requireNonNull(model, "model");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    Translation translate(String checkText) {
        CheckExpression expression;
        try {
            expression = CheckExpression.parse(checkText);
        } catch (CheckExpression.ParseException e) {
            return new NotTranslated("cannot read it: " + e.getMessage());
        }
        Optional<AcceptedValues> accepted = acceptedValues(expression);
        if (accepted.isPresent()) {
            return accepted.get();
        }
        try {
            Sql sql = condition(expression);
            if (sql.text().contains("{{") || sql.text().contains("{%") || sql.text().contains("{#")) {
                // dbt renders test arguments with Jinja; such text would be read as a template.
                return new NotTranslated("its text looks like Jinja");
            }
            return new Expression(sql.text());
        } catch (Untranslatable e) {
            return new NotTranslated(e.getMessage());
        }
    }

    // ---- accepted_values: col IN (literals), or col = a OR col = b ... on one column

    private Optional<AcceptedValues> acceptedValues(CheckExpression expression) {
        List<CheckExpression> alternatives = expression instanceof Logical l && l.operator().equals("or")
                ? l.operands() : List.of(expression);
        String columnName = null;
        List<Literal> literals = new ArrayList<>();
        for (CheckExpression alternative : alternatives) {
            String name;
            List<CheckExpression> values;
            if (alternative instanceof In in && !in.negated() && in.operand() instanceof ColumnRef c) {
                name = c.name();
                values = in.values();
            } else if (alternative instanceof Binary b && b.operator().equals("=")
                    && b.left() instanceof ColumnRef c && b.right() instanceof Literal) {
                name = c.name();
                values = List.of(b.right());
            } else if (alternative instanceof Binary b && b.operator().equals("=")
                    && b.right() instanceof ColumnRef c && b.left() instanceof Literal) {
                name = c.name();
                values = List.of(b.left());
            } else {
                return Optional.empty();
            }
            if (columnName != null && !columnName.equalsIgnoreCase(name)) {
                return Optional.empty();
            }
            columnName = name;
            for (CheckExpression value : values) {
                // A NULL in the list makes the IN unknown, never false, for every other value: not a value list.
                if (!(value instanceof Literal literal) || literal.kind() == LiteralKind.NULL) {
                    return Optional.empty();
                }
                literals.add(literal);
            }
        }
        Optional<ColumnPlan> column = model.column(columnName);
        if (column.isEmpty()) {
            return Optional.empty();
        }
        Kind kind = kind(column.get());
        Set<Object> values = new LinkedHashSet<>();
        boolean quote;
        if ((kind == Kind.TEXT || kind == Kind.TEMPORAL)
                && literals.stream().allMatch(l -> l.kind() == LiteralKind.STRING)) {
            quote = true;
            for (Literal literal : literals) {
                // dbt writes '{{ value }}' without escaping quotes.
                if (literal.text().contains("'") || literal.text().contains("{") || literal.text().contains("}")) {
                    return Optional.empty();
                }
                values.add(literal.text());
            }
        } else if (kind == Kind.NUMBER && literals.stream().allMatch(l -> l.kind() == LiteralKind.NUMBER)) {
            quote = false;
            literals.forEach(l -> values.add(number(l.text())));
        } else if (kind == Kind.BOOLEAN && literals.stream().allMatch(l -> l.kind() == LiteralKind.NUMBER)) {
            quote = false;
            literals.forEach(l -> values.add(bitValue(l.text())));
        } else {
            return Optional.empty();
        }
        return Optional.of(new AcceptedValues(column.get(), List.copyOf(values), quote));
    }

    private static Object number(String text) {
        BigDecimal value = new BigDecimal(text);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            return value;
        }
    }

    /** SQL Server converts any non-zero number to bit 1. */
    private static boolean bitValue(String number) {
        return new BigDecimal(number).signum() != 0;
    }

    // ---- general conditions

    private Sql condition(CheckExpression expression) throws Untranslatable {
        Sql sql = translate(expression);
        if (sql.kind() != Kind.CONDITION) {
            throw new Untranslatable("'" + sql.text() + "' is not a condition");
        }
        return sql;
    }

    private Sql translate(CheckExpression expression) throws Untranslatable {
        // Java 17: no pattern matching in switch yet.
        if (expression instanceof Literal literal) {
            return literal(literal);
        } else if (expression instanceof ColumnRef ref) {
            return column(ref);
        } else if (expression instanceof Call call) {
            return call(call);
        } else if (expression instanceof Negate negate) {
            Sql operand = translate(negate.operand());
            if (operand.kind() != Kind.NUMBER) {
                throw new Untranslatable("unary " + negate.operator() + " of a non-number");
            }
            return new Sql(negate.operator() + operand.at(UNARY), Kind.NUMBER, UNARY);
        } else if (expression instanceof Binary binary) {
            return binary(binary);
        } else if (expression instanceof Logical logical) {
            int precedence = logical.operator().equals("and") ? AND : OR;
            List<String> parts = new ArrayList<>();
            for (CheckExpression operand : logical.operands()) {
                parts.add(condition(operand).at(precedence));
            }
            return new Sql(String.join(" " + logical.operator() + " ", parts), Kind.CONDITION, precedence);
        } else if (expression instanceof Not not) {
            return new Sql("not " + condition(not.operand()).at(NOT + 1), Kind.CONDITION, NOT);
        } else if (expression instanceof In in) {
            return in(in);
        } else if (expression instanceof Between between) {
            return between(between);
        } else if (expression instanceof IsNull isNull) {
            return new Sql(translate(isNull.operand()).at(ADDITIVE)
                    + (isNull.negated() ? " is not null" : " is null"), Kind.CONDITION, COMPARISON);
        } else if (expression instanceof Like like) {
            return like(like);
        }
        throw new IllegalStateException("unknown expression " + expression);
    }

    private Sql literal(Literal literal) {
        return switch (literal.kind()) {
            case STRING -> new Sql(dialect.stringLiteral(literal.text()), Kind.STRING_LITERAL, ATOM);
            case NUMBER -> new Sql(literal.text(), Kind.NUMBER, ATOM);
            case NULL -> new Sql("null", Kind.NULL, ATOM);
        };
    }

    private Sql column(ColumnRef ref) throws Untranslatable {
        ColumnPlan column = model.column(ref.name())
                .orElseThrow(() -> new Untranslatable("unknown column " + ref.name()));
        return new Sql(dialect.identifier(column.outputName()), kind(column), ATOM, Optional.of(column));
    }

    private static Kind kind(ColumnPlan column) {
        return switch (column.column().type().name()) {
            case "char", "nchar", "character", "varchar", "nvarchar", "text", "ntext", "sysname" -> Kind.TEXT;
            case "bit" -> Kind.BOOLEAN;
            case "tinyint", "smallint", "int", "integer", "bigint", "decimal", "numeric", "dec", "money",
                 "smallmoney", "float", "real" -> Kind.NUMBER;
            case "date", "time", "datetime", "datetime2", "smalldatetime", "datetimeoffset" -> Kind.TEMPORAL;
            case "binary", "varbinary", "image", "rowversion", "timestamp" -> Kind.BINARY;
            default -> Kind.OTHER;
        };
    }

    private Sql call(Call call) throws Untranslatable {
        List<Sql> arguments = new ArrayList<>();
        for (CheckExpression argument : call.arguments()) {
            arguments.add(translate(argument));
        }
        String name = call.name();
        switch (name) {
            case "getdate", "sysdatetime", "current_timestamp" -> {
                arity(call, 0);
                // SQL Server's local time without zone, like the timestamp columns it is compared with.
                return new Sql("localtimestamp", Kind.TEMPORAL, ATOM);
            }
            case "getutcdate", "sysutcdatetime" -> {
                arity(call, 0);
                return new Sql("(now() at time zone 'utc')", Kind.TEMPORAL, ATOM);
            }
            case "len" -> {
                arity(call, 1);
                // LEN ignores trailing spaces.
                return new Sql("length(rtrim(" + text(arguments.get(0), name).text() + "))", Kind.NUMBER, ATOM);
            }
            case "datalength" -> {
                arity(call, 1);
                return dataLength(arguments.get(0));
            }
            case "upper", "lower", "ltrim", "rtrim", "trim" -> {
                arity(call, 1);
                return new Sql(name + "(" + text(arguments.get(0), name).text() + ")", Kind.TEXT, ATOM);
            }
            case "abs", "floor", "ceiling" -> {
                arity(call, 1);
                Sql argument = arguments.get(0);
                if (argument.kind() != Kind.NUMBER) {
                    throw new Untranslatable(name + "() of a non-number");
                }
                return new Sql((name.equals("ceiling") ? "ceil" : name) + "(" + argument.text() + ")", Kind.NUMBER,
                        ATOM);
            }
            case "year", "month", "day" -> {
                arity(call, 1);
                Sql argument = arguments.get(0);
                if (argument.kind() != Kind.TEMPORAL) {
                    throw new Untranslatable(name + "() of a non-date");
                }
                return new Sql("extract(" + name + " from " + argument.text() + ")", Kind.NUMBER, ATOM);
            }
            case "isnull", "coalesce" -> {
                if (arguments.size() < 2 || (name.equals("isnull") && arguments.size() != 2)) {
                    throw new Untranslatable(name + "() with " + arguments.size() + " arguments");
                }
                Kind kind = arguments.get(0).kind();
                for (Sql argument : arguments) {
                    if (!comparable(kind, argument.kind())) {
                        throw new Untranslatable(name + "() of mixed types");
                    }
                    kind = kind == Kind.STRING_LITERAL || kind == Kind.NULL ? argument.kind() : kind;
                }
                return new Sql("coalesce(" + String.join(", ", arguments.stream().map(Sql::text).toList()) + ")",
                        kind, ATOM);
            }
            default -> throw new Untranslatable("function " + name + "() has no translation");
        }
    }

    private static void arity(Call call, int count) throws Untranslatable {
        if (call.arguments().size() != count) {
            throw new Untranslatable(call.name() + "() with " + call.arguments().size() + " arguments");
        }
    }

    private static Sql text(Sql argument, String function) throws Untranslatable {
        if (argument.kind() != Kind.TEXT && argument.kind() != Kind.STRING_LITERAL) {
            throw new Untranslatable(function + "() of a non-string");
        }
        return argument;
    }

    /** SQL Server counts bytes in its own encodings: one per varchar character, two per nvarchar character. */
    private Sql dataLength(Sql argument) throws Untranslatable {
        ColumnPlan column = argument.column()
                .orElseThrow(() -> new Untranslatable("datalength() of an expression"));
        String type = column.column().type().name();
        return switch (type) {
            case "varchar", "text" -> new Sql("length(" + argument.text() + ")", Kind.NUMBER, ATOM);
            case "nvarchar", "ntext" -> new Sql("2 * length(" + argument.text() + ")", Kind.NUMBER, MULTIPLICATIVE);
            case "binary", "varbinary", "image" -> new Sql("octet_length(" + argument.text() + ")", Kind.NUMBER,
                    ATOM);
            // Fixed-length types count their padding, which PostgreSQL's char drops: no faithful translation.
            default -> throw new Untranslatable("datalength() of a " + type + " column");
        };
    }

    private Sql binary(Binary binary) throws Untranslatable {
        Sql left = translate(binary.left());
        Sql right = translate(binary.right());
        String operator = binary.operator();
        switch (operator) {
            case "+", "-", "*", "/", "%" -> {
                boolean text = isText(left.kind()) || isText(right.kind());
                if (operator.equals("+") && text) {
                    if (!isText(left.kind()) || !isText(right.kind())) {
                        throw new Untranslatable("'+' of a string and a non-string");
                    }
                    return new Sql(left.at(CONCAT) + " || " + right.at(CONCAT + 1), Kind.TEXT, CONCAT);
                }
                if (left.kind() != Kind.NUMBER || right.kind() != Kind.NUMBER) {
                    throw new Untranslatable("arithmetic '" + operator + "' of non-numbers");
                }
                int precedence = operator.equals("+") || operator.equals("-") ? ADDITIVE : MULTIPLICATIVE;
                return new Sql(left.at(precedence) + " " + operator + " " + right.at(precedence + 1), Kind.NUMBER,
                        precedence);
            }
            default -> {
                Sql[] operands = coerceBits(left, right);
                return new Sql(operands[0].at(ADDITIVE) + " " + operator + " " + operands[1].at(ADDITIVE),
                        Kind.CONDITION, COMPARISON);
            }
        }
    }

    private Sql in(In in) throws Untranslatable {
        Sql operand = translate(in.operand());
        List<String> values = new ArrayList<>();
        for (CheckExpression value : in.values()) {
            values.add(coerceBits(operand, translate(value))[1].at(ADDITIVE));
        }
        return new Sql(operand.at(ADDITIVE) + (in.negated() ? " not in (" : " in (") + String.join(", ", values)
                + ")", Kind.CONDITION, COMPARISON);
    }

    private Sql between(Between between) throws Untranslatable {
        Sql operand = translate(between.operand());
        Sql low = coerceBits(operand, translate(between.low()))[1];
        Sql high = coerceBits(operand, translate(between.high()))[1];
        return new Sql(operand.at(ADDITIVE) + (between.negated() ? " not between " : " between ") + low.at(ADDITIVE)
                + " and " + high.at(ADDITIVE), Kind.CONDITION, COMPARISON);
    }

    /**
     * Checks that PostgreSQL can compare the two, and turns the 0/1 that T-SQL compares bit columns with into the
     * booleans PostgreSQL compares them with.
     */
    private static Sql[] coerceBits(Sql left, Sql right) throws Untranslatable {
        if (left.kind() == Kind.BOOLEAN && right.kind() == Kind.NUMBER && isNumberLiteral(right)) {
            right = new Sql(Boolean.toString(bitValue(right.text())), Kind.BOOLEAN, ATOM);
        } else if (right.kind() == Kind.BOOLEAN && left.kind() == Kind.NUMBER && isNumberLiteral(left)) {
            left = new Sql(Boolean.toString(bitValue(left.text())), Kind.BOOLEAN, ATOM);
        }
        if (!comparable(left.kind(), right.kind())) {
            throw new Untranslatable("compares " + describe(left.kind()) + " with " + describe(right.kind()));
        }
        return new Sql[] {left, right};
    }

    private static boolean isNumberLiteral(Sql sql) {
        try {
            new BigDecimal(sql.text());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean comparable(Kind left, Kind right) {
        if (left == Kind.CONDITION || right == Kind.CONDITION) {
            return false;
        }
        if (left == right || left == Kind.NULL || right == Kind.NULL) {
            return true;
        }
        // PostgreSQL reads an untyped string literal as the other side's type, as SQL Server converts it.
        return (left == Kind.STRING_LITERAL && right != Kind.NUMBER && right != Kind.BOOLEAN)
                || (right == Kind.STRING_LITERAL && left != Kind.NUMBER && left != Kind.BOOLEAN)
                || (left == Kind.TEXT && right == Kind.STRING_LITERAL) || (left == Kind.STRING_LITERAL
                && right == Kind.TEXT);
    }

    private static boolean isText(Kind kind) {
        return kind == Kind.TEXT || kind == Kind.STRING_LITERAL;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case STRING_LITERAL -> "a string";
            case NULL -> "NULL";
            case CONDITION -> "a condition";
            default -> "a " + kind.name().toLowerCase(Locale.ROOT) + " value";
        };
    }

    /**
     * LIKE becomes an anchored POSIX regular expression: {@code %} is {@code .*}, {@code _} is {@code .}, and
     * SQL Server's {@code [a-z]}/{@code [^a-z]} classes are regex classes already. Default SQL Server collations
     * compare case-insensitively, so patterns with letters match case-insensitively ({@code ~*} on PostgreSQL) unless
     * the column's collation is case-sensitive; the target dialect writes the match.
     */
    private Sql like(Like like) throws Untranslatable {
        Sql operand = translate(like.operand());
        if (!(like.pattern() instanceof Literal pattern) || pattern.kind() != LiteralKind.STRING) {
            throw new Untranslatable("LIKE with a pattern that is not a string literal");
        }
        String subject;
        if (isText(operand.kind())) {
            subject = operand.at(ADDITIVE);
        } else if (operand.kind() == Kind.NUMBER && operand.column().map(c -> isInteger(c)).orElse(false)) {
            subject = operand.at(ATOM) + "::text";
        } else {
            throw new Untranslatable("LIKE on " + describe(operand.kind()));
        }
        String regex = likeRegex(pattern.text(), like.escape());
        boolean caseSensitive = operand.column().flatMap(c -> c.column().collation())
                .map(c -> c.toUpperCase(Locale.ROOT).contains("_CS")).orElse(false);
        boolean letters = pattern.text().chars().anyMatch(Character::isLetter);
        return new Sql(dialect.regexMatch(subject, dialect.stringLiteral(regex), letters && !caseSensitive,
                like.negated()), Kind.CONDITION, COMPARISON);
    }

    private static boolean isInteger(ColumnPlan column) {
        return List.of("tinyint", "smallint", "int", "integer", "bigint").contains(column.column().type().name());
    }

    static String likeRegex(String pattern, Optional<String> escape) throws Untranslatable {
        StringBuilder regex = new StringBuilder("^");
        char escapeChar = escape.map(e -> e.charAt(0)).orElse('\0');
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape.isPresent() && c == escapeChar) {
                if (++i >= pattern.length()) {
                    throw new Untranslatable("LIKE pattern ends with its escape character");
                }
                literalChar(regex, pattern.charAt(i));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else if (c == '[') {
                int close = pattern.indexOf(']', i + 2);
                if (close < 0) {
                    throw new Untranslatable("LIKE pattern with an unclosed '['");
                }
                regex.append('[');
                for (int j = i + 1; j < close; j++) {
                    char member = pattern.charAt(j);
                    if (member == '\\' || (member == '[' && j + 1 < close && "=:.".indexOf(pattern.charAt(j + 1)) >= 0)) {
                        regex.append('\\');
                    }
                    regex.append(member);
                }
                regex.append(']');
                i = close;
            } else {
                literalChar(regex, c);
            }
        }
        return regex.append('$').toString();
    }

    private static void literalChar(StringBuilder regex, char c) {
        if (".^$*+?()[]{}|\\".indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.append(c);
    }
}
