package ai.datamigrate.plugin.mssql.internal.translate;

import static ai.datamigrate.plugin.mssql.internal.translate.Sql.P;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.spi.catalog.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * TRY_CAST, TRY_CONVERT, PARSE and TRY_PARSE. PostgreSQL has no conversion that returns NULL on failure (and
 * PostgreSQL 15, our oldest target, has no {@code pg_input_is_valid}), so a TRY_ conversion becomes a guarded
 * {@code CASE}: the text is checked with a pattern of exactly the inputs SQL Server accepts for the target type, and
 * only then cast, in an inner {@code CASE} that checks the range. {@code CASE} evaluates a branch only when its
 * condition holds (and PostgreSQL folds a constant condition before it looks at the branch), so the cast never raises
 * an error. Conversions whose success depends on SET DATEFORMAT/LANGUAGE or on a .NET culture are translated for
 * literals only (decided here, at translation time) and reported for computed values.
 */
final class Conversions {

    /** The conversion functions, which the parser reads as {@link Expr.Cast} rather than as calls. */
    static final List<String> NAMES = List.of("CAST", "CONVERT", "TRY_CAST", "TRY_CONVERT", "PARSE", "TRY_PARSE");

    private static final String INTEGER_TEXT = "^[+-]?[0-9]+$";
    private static final String DECIMAL_TEXT = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)$";
    private static final String FLOAT_TEXT = "^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$";

    private final QueryConverter converter;

    Conversions(QueryConverter converter) {
        this.converter = converter;
    }

    /** TRY_CAST, TRY_CONVERT, PARSE or TRY_PARSE (CAST and CONVERT stay in the converter). */
    Typed convert(Expr.Cast c, QueryConverter.Scope scope) {
        String function = c.function().toUpperCase(Locale.ROOT);
        DataType target = QueryConverter.castType(c.type());
        Typed value = converter.value(c.expr(), scope);
        if (function.endsWith("PARSE")) {
            return parse(c, function, target, value);
        }
        if (BuiltinFunctions.isNull(value)) {
            return new Typed(converter.cast(Sql.nullLiteral(), target), target);
        }
        if (c.extra().isPresent()) {
            return tryConvertWithStyle(c, target, value);
        }
        return tryCast(c, function, target, value);
    }

    private Untranslated fail(Expr.Cast c, String why) {
        return new Untranslated(Untranslated.FUNCTION, c.pos(), c.function().toUpperCase(Locale.ROOT) + ": " + why);
    }

    private Typed tryCast(Expr.Cast c, String function, DataType target, Typed value) {
        DataType from = value.type();
        String tb = SqlServerTypes.base(target);
        Optional<String> literal = stringLiteral(c.expr());
        if (SqlServerTypes.isDateTime(target)) {
            if (literal.isPresent()) {
                Optional<LocalDateTime> parsed = QueryConverter.parseDateTime(literal.get().trim());
                if (parsed.isPresent()) {
                    return dateLiteral(parsed.get(), target);
                }
                if (literal.get().chars().noneMatch(Character::isDigit) || invalidDateShape(literal.get().trim())) {
                    // no date can be read without digits, and a yyyy-mm-dd shape with a day the month lacks fails
                    return nullOf(target);
                }
                throw fail(c, "the date text '" + literal.get() + "' (its reading depends on SET DATEFORMAT)");
            }
            if (SqlServerTypes.isDateTime(from) && (from.equals(target) || tb.equals("datetime2") || tb.equals("date"))) {
                // every datetime, smalldatetime, date and datetime2 value fits a datetime2 or a date
                return new Typed(converter.cast(value.node(), target), target);
            }
            throw fail(c, "a computed " + from + " to " + target + " (SQL Server's date formats depend on "
                    + "SET DATEFORMAT)");
        }
        if (SqlServerTypes.isInteger(target)) {
            BigDecimal[] range = integerRange(tb);
            if (SqlServerTypes.isString(from)) {
                SqlNode text = trimmed(value);
                SqlNode number = toNumeric(text);
                return new Typed(new SqlCase(P, null, SqlNodeList.of(Sql.eq(text, Sql.string("")),
                        matches(text, INTEGER_TEXT)), SqlNodeList.of(converter.cast(Sql.integer(0), target),
                        inRange(number, range, target)), Sql.nullLiteral()), target);
            }
            if (SqlServerTypes.isInteger(from) || SqlServerTypes.isExactNumeric(from)
                    || SqlServerTypes.isApproximate(from)) {
                String fb = SqlServerTypes.base(from);
                // decimal and float truncate to an integer, money rounds (CAST and CONVERT's documented table)
                SqlNode whole = SqlServerTypes.isInteger(from) ? value.node()
                        : fb.equals("money") || fb.equals("smallmoney") ? Sql.fn("round", value.node())
                        : Sql.fn("trunc", value.node());
                if (SqlServerTypes.isInteger(from) && rank(fb) <= rank(tb)) {
                    return new Typed(converter.cast(value.node(), target), target);
                }
                return new Typed(new SqlCase(P, null, SqlNodeList.of(Sql.call(SqlStdOperatorTable.BETWEEN, whole,
                        Sql.number(range[0]), Sql.number(range[1]))), SqlNodeList.of(converter.cast(whole, target)),
                        Sql.nullLiteral()), target);
            }
            if (SqlServerTypes.isBit(from)) {
                return new Typed(converter.cast(value.node(), target), target);
            }
            throw fail(c, "a " + from + " to " + target);
        }
        if (tb.equals("decimal") || tb.equals("numeric")) {
            int p = target.precision().orElse(18);
            int s = target.scale().orElse(0);
            DataType exact = DataType.withPrecision(tb, p, s);
            BigDecimal limit = BigDecimal.ONE.movePointRight(p - s);
            if (SqlServerTypes.isString(from)) {
                SqlNode text = trimmed(value);
                SqlNode number = toNumeric(text);
                SqlNode fits = Sql.lt(Sql.fn("abs", Sql.fn("round", number, Sql.integer(s))), Sql.number(limit));
                SqlNode inner = new SqlCase(P, null, SqlNodeList.of(fits), SqlNodeList.of(converter.cast(number,
                        exact)), Sql.nullLiteral());
                return new Typed(new SqlCase(P, null, SqlNodeList.of(matches(text, DECIMAL_TEXT)),
                        SqlNodeList.of(inner), Sql.nullLiteral()), exact);
            }
            if (SqlServerTypes.isNumeric(from)) {
                SqlNode number = SqlServerTypes.isApproximate(from) ? converter.cast(value.node(),
                        DataType.withPrecision("decimal", 38, 10)) : value.node();
                SqlNode fits = Sql.lt(Sql.fn("abs", Sql.fn("round", number, Sql.integer(s))), Sql.number(limit));
                return new Typed(new SqlCase(P, null, SqlNodeList.of(fits), SqlNodeList.of(converter.cast(number,
                        exact)), Sql.nullLiteral()), exact);
            }
            throw fail(c, "a " + from + " to " + target);
        }
        if (tb.equals("float") || tb.equals("real")) {
            boolean single = tb.equals("real") || target.length().orElse(target.precision().orElse(53)) <= 24;
            String max = single ? "3.40282347E38" : "1.7976931348623157E308";
            if (SqlServerTypes.isString(from)) {
                SqlNode text = trimmed(value);
                SqlNode number = toNumeric(text);
                SqlNode inner = new SqlCase(P, null, SqlNodeList.of(Sql.lt(SqlLiteral.createApproxNumeric(max, P), Sql.fn("abs", number))),
                        SqlNodeList.of(Sql.nullLiteral()), converter.cast(number, target));
                // an empty string is 0 for float, as for the integer types
                return new Typed(new SqlCase(P, null, SqlNodeList.of(Sql.eq(text, Sql.string("")),
                        matches(text, FLOAT_TEXT)), SqlNodeList.of(converter.cast(Sql.integer(0), target), inner),
                        Sql.nullLiteral()), target);
            }
            if (SqlServerTypes.isExactNumeric(from) || SqlServerTypes.base(from).equals(tb) || !single
                    && SqlServerTypes.isApproximate(from)) {
                return new Typed(converter.cast(value.node(), target), target);
            }
            throw fail(c, "a " + from + " to " + target);
        }
        if (SqlServerTypes.isString(target)) {
            if (SqlServerTypes.isString(from)) {
                // converting text to text never fails; it truncates exactly like CAST
                return new Typed(converter.cast(value.node(), target), target);
            }
            int needed = switch (SqlServerTypes.base(from)) {
                case "tinyint" -> 3;
                case "smallint" -> 6;
                case "int" -> 11;
                case "bigint" -> 20;
                default -> Integer.MAX_VALUE;
            };
            if (needed != Integer.MAX_VALUE && (target.max() || target.length().orElse(30) >= needed)) {
                return new Typed(converter.cast(value.node(), target), target);
            }
            throw fail(c, "a " + from + " to " + target + " (SQL Server's text format or '*' for a short target)");
        }
        throw fail(c, "a " + from + " to " + target);
    }

    /** TRY_CONVERT(type, value, style): dates to text never fail; a text literal is read with the style's layout. */
    private Typed tryConvertWithStyle(Expr.Cast c, DataType target, Typed value) {
        if (SqlServerTypes.isString(target) && SqlServerTypes.isDateTime(value.type())) {
            return BuiltinFunctions.convertWithStyle(converter, c, target, value);
        }
        Optional<String> literal = stringLiteral(c.expr());
        if (SqlServerTypes.isDateTime(target) && literal.isPresent()
                && c.extra().get() instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            int style = Integer.parseInt(l.text());
            String layout = switch (style) {
                case 101 -> "M/d/uuuu";
                case 103 -> "d/M/uuuu";
                case 104 -> "d.M.uuuu";
                case 105 -> "d-M-uuuu";
                case 110 -> "M-d-uuuu";
                case 111 -> "uuuu/M/d";
                case 112 -> "uuuuMMdd";
                case 23, 120, 121, 126 -> "uuuu-MM-dd";
                default -> throw fail(c, "style " + style + " for text to " + target);
            };
            String text = literal.get().trim();
            String dateOnly = style >= 120 && text.length() > 10 ? null : text;
            if (dateOnly == null) {
                Optional<LocalDateTime> iso = QueryConverter.parseDateTime(text);
                return iso.map(ts -> dateLiteral(ts, target)).orElseThrow(() -> fail(c, "the text '" + text + "'"));
            }
            try {
                LocalDate d = LocalDate.parse(dateOnly, DateTimeFormatter.ofPattern(layout, Locale.ROOT)
                        .withResolverStyle(ResolverStyle.STRICT));
                return dateLiteral(d.atStartOfDay(), target);
            } catch (DateTimeParseException e) {
                if (dateOnly.matches("[0-9./-]+")) {
                    // the style's shape with a month or day out of range: SQL Server fails, TRY_CONVERT is NULL
                    return nullOf(target);
                }
                throw fail(c, "the text '" + text + "' with style " + style);
            }
        }
        if (SqlServerTypes.isString(target) == SqlServerTypes.isString(value.type())
                && !SqlServerTypes.isDateTime(target)) {
            // the style only matters between text and dates, binary or xml: here TRY_CONVERT is TRY_CAST
            return tryCast(c, "TRY_CONVERT", target, value);
        }
        throw fail(c, "a style for " + value.type() + " to " + target);
    }

    /**
     * PARSE and TRY_PARSE read text with a .NET culture. Only the session's own culture (no USING, or 'en-US') on a
     * literal is translated: the value is read here, where the culture's rules are known.
     */
    private Typed parse(Expr.Cast c, String function, DataType target, Typed value) {
        if (c.extra().isPresent()) {
            Optional<String> culture = stringLiteral(c.extra().get());
            if (culture.isEmpty() || !culture.get().equalsIgnoreCase("en-US")) {
                throw fail(c, "a culture other than en-US");
            }
        }
        if (BuiltinFunctions.isNull(value)) {
            return nullOf(target);
        }
        Optional<String> literal = stringLiteral(c.expr());
        if (literal.isEmpty()) {
            throw fail(c, "a computed value (.NET culture-aware parsing)");
        }
        String text = literal.get().trim();
        boolean tryParse = function.equals("TRY_PARSE");
        if (SqlServerTypes.isDateTime(target)) {
            Optional<LocalDateTime> parsed = QueryConverter.parseDateTime(text).or(() -> englishDate(text));
            if (parsed.isPresent()) {
                return dateLiteral(parsed.get(), target);
            }
        } else if (SqlServerTypes.isNumeric(target) && text.matches("[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)")) {
            BigDecimal number = new BigDecimal(text);
            String tb = SqlServerTypes.base(target);
            if (SqlServerTypes.isInteger(target)) {
                BigDecimal[] range = integerRange(tb);
                if (number.scale() <= 0 || number.stripTrailingZeros().scale() <= 0) {
                    BigDecimal whole = number.setScale(0, java.math.RoundingMode.UNNECESSARY);
                    if (whole.compareTo(range[0]) >= 0 && whole.compareTo(range[1]) <= 0) {
                        return new Typed(converter.cast(Sql.number(whole), target), target);
                    }
                }
            } else {
                return new Typed(converter.cast(Sql.number(number), target), target);
            }
        }
        if (tryParse && text.chars().noneMatch(Character::isDigit)) {
            // no number and no date can be read from text without digits: the documented 'Jabberwokkie' case
            return nullOf(target);
        }
        throw fail(c, "the text '" + text + "' (culture-aware parsing of this form is not translated)");
    }

    private static Optional<LocalDateTime> englishDate(String text) {
        for (String pattern : List.of("EEEE, d MMMM uuuu", "MMMM d, uuuu", "d MMMM uuuu", "MMM d, uuuu",
                "EEEE, MMMM d, uuuu")) {
            try {
                DateTimeFormatter f = new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                        .toFormatter(Locale.US).withResolverStyle(ResolverStyle.STRICT);
                var parsed = f.parse(text);
                LocalDate d = LocalDate.of(parsed.get(ChronoField.YEAR), parsed.get(ChronoField.MONTH_OF_YEAR),
                        parsed.get(ChronoField.DAY_OF_MONTH));
                if (parsed.isSupported(ChronoField.DAY_OF_WEEK)
                        && parsed.get(ChronoField.DAY_OF_WEEK) != d.getDayOfWeek().getValue()) {
                    continue;
                }
                return Optional.of(d.atStartOfDay());
            } catch (java.time.DateTimeException e) {
                // next pattern
            }
        }
        return Optional.empty();
    }

    /** {@code yyyy-mm-dd} or {@code yyyymmdd} whose month or day does not exist: no SQL Server setting reads it. */
    private static boolean invalidDateShape(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})").matcher(text);
        if (!m.matches()) {
            return false;
        }
        try {
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return false;
        } catch (java.time.DateTimeException e) {
            return true;
        }
    }

    private Typed nullOf(DataType target) {
        return new Typed(converter.cast(Sql.nullLiteral(), target), target);
    }

    private Typed dateLiteral(LocalDateTime ts, DataType target) {
        SqlNode node;
        if (target.name().equals("date")) {
            node = SqlLiteral.createDate(new DateString(ts.getYear(), ts.getMonthValue(), ts.getDayOfMonth()), P);
        } else {
            TimestampString s = new TimestampString(ts.getYear(), ts.getMonthValue(), ts.getDayOfMonth(),
                    ts.getHour(), ts.getMinute(), ts.getSecond());
            if (ts.getNano() != 0) {
                s = s.withNanos(ts.getNano());
            }
            node = SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP, s, ts.getNano() == 0 ? 0 : 3, P);
        }
        return new Typed(converter.cast(node, target), target);
    }

    private static Optional<String> stringLiteral(Expr e) {
        Expr inner = e;
        while (inner instanceof Expr.Parenthesized p) {
            inner = p.expr();
        }
        return inner instanceof Expr.Literal l && (l.kind() == Expr.LiteralKind.STRING
                || l.kind() == Expr.LiteralKind.NATIONAL_STRING) ? Optional.of(QueryConverter.unquote(l.text()))
                : Optional.empty();
    }

    /** SQL Server ignores leading and trailing spaces when it reads a number from text. */
    private static SqlNode trimmed(Typed value) {
        return Sql.fn("btrim", value.node(), Sql.string(" "));
    }

    private static SqlNode matches(SqlNode text, String pattern) {
        return Sql.call(SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE, text, Sql.string(pattern));
    }

    /** The text as an unconstrained numeric, the intermediate of every checked conversion (never a cast error). */
    private static SqlNode toNumeric(SqlNode text) {
        return Sql.call(SqlStdOperatorTable.CAST, text, QueryConverter.typeSpec("numeric"));
    }

    /** The checked integer: a nested CASE, so the cast runs only on text the pattern accepted. */
    private SqlNode inRange(SqlNode number, BigDecimal[] range, DataType target) {
        return new SqlCase(P, null, SqlNodeList.of(Sql.call(SqlStdOperatorTable.BETWEEN, number,
                Sql.number(range[0]), Sql.number(range[1]))), SqlNodeList.of(converter.cast(number, target)),
                Sql.nullLiteral());
    }

    private static BigDecimal[] integerRange(String base) {
        return switch (base) {
            case "tinyint" -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.valueOf(255)};
            case "smallint" -> new BigDecimal[] {BigDecimal.valueOf(-32768), BigDecimal.valueOf(32767)};
            case "int" -> new BigDecimal[] {BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE)};
            default -> new BigDecimal[] {BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE)};
        };
    }

    private static int rank(String integerBase) {
        return List.of("tinyint", "smallint", "int", "bigint").indexOf(integerBase);
    }
}
