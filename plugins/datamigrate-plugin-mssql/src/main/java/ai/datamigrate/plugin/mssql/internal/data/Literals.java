package ai.datamigrate.plugin.mssql.internal.data;

import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the value expressions of {@code INSERT ... VALUES} rows that are literals: strings, numbers, money,
 * binary, {@code NULL}, a sign before a number, and {@code CAST}/{@code CONVERT} of a literal to a simple type.
 * Anything else is not evaluated: evaluation never guesses.
 */
final class Literals {

    /** SQL NULL while evaluating (Optional cannot hold null). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private static final Set<String> TEXT_TYPES = Set.of("char", "varchar", "nchar", "nvarchar", "text", "ntext",
            "sysname", "date", "time", "datetime", "datetime2", "smalldatetime", "datetimeoffset",
            "uniqueidentifier", "xml");
    private static final Set<String> WHOLE_TYPES = Set.of("bigint", "int", "smallint", "tinyint", "bit");
    private static final Set<String> DECIMAL_TYPES = Set.of("decimal", "numeric", "money", "smallmoney", "float",
            "real");
    private static final Set<String> BINARY_TYPES = Set.of("binary", "varbinary", "image");
    private static final int MAX_NESTING = 8;

    private Literals() {
    }

    /** The value of {@code tokens[from, to)}, or empty when it is not a literal this class evaluates. */
    static Optional<Object> evaluate(List<Token> tokens, int from, int to) {
        return evaluate(tokens, from, to, 0);
    }

    private static Optional<Object> evaluate(List<Token> tokens, int from, int to, int depth) {
        if (from >= to || depth > MAX_NESTING) {
            return Optional.empty();
        }
        Token first = tokens.get(from);
        if (first.is(TokenType.LEFT_PAREN) && tokens.get(to - 1).is(TokenType.RIGHT_PAREN)
                && closing(tokens, from, to) == to - 1) {
            return evaluate(tokens, from + 1, to - 1, depth + 1);
        }
        if (to - from == 1) {
            return single(first);
        }
        if (first.is(TokenType.OPERATOR) && (first.text().equals("-") || first.text().equals("+"))) {
            Optional<Object> operand = evaluate(tokens, from + 1, to, depth + 1);
            if (operand.isEmpty() || !isNumber(operand.get())) {
                return Optional.empty();
            }
            return first.text().equals("+") ? operand : Optional.of(negate(operand.get()));
        }
        if ((first.is("CAST") || first.is("CONVERT") || first.is("TRY_CAST") || first.is("TRY_CONVERT"))
                && tokens.get(from + 1).is(TokenType.LEFT_PAREN) && closing(tokens, from + 1, to) == to - 1) {
            return conversion(tokens, from, to, depth);
        }
        return Optional.empty();
    }

    private static Optional<Object> single(Token t) {
        try {
            return switch (t.type()) {
                case STRING, NATIONAL_STRING -> Optional.of(t.value());
                case INTEGER -> Optional.of(whole(new BigDecimal(t.text())));
                case DECIMAL, FLOAT -> Optional.of(new BigDecimal(t.text()));
                case MONEY -> Optional.of(new BigDecimal(t.text().substring(1)));
                case BINARY -> Optional.of(binary(t.text()));
                case IDENTIFIER -> t.is("NULL") ? Optional.of(NULL) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** {@code CAST(literal AS type)} or {@code CONVERT(type, literal [, style])}. */
    private static Optional<Object> conversion(List<Token> tokens, int from, int to, int depth) {
        int open = from + 1;
        int close = to - 1;
        String type;
        Optional<Object> value;
        if (tokens.get(from).is("CAST") || tokens.get(from).is("TRY_CAST")) {
            int as = -1;
            int level = 0;
            for (int i = open + 1; i < close; i++) {
                Token t = tokens.get(i);
                level += t.is(TokenType.LEFT_PAREN) ? 1 : t.is(TokenType.RIGHT_PAREN) ? -1 : 0;
                if (level == 0 && t.is("AS")) {
                    as = i;
                }
            }
            if (as < 0 || as + 1 >= close) {
                return Optional.empty();
            }
            type = typeName(tokens.get(as + 1));
            value = evaluate(tokens, open + 1, as, depth + 1);
        } else {
            if (open + 1 >= close) {
                return Optional.empty();
            }
            type = typeName(tokens.get(open + 1));
            int comma = -1;
            int level = 0;
            for (int i = open + 2; i < close; i++) {
                Token t = tokens.get(i);
                level += t.is(TokenType.LEFT_PAREN) ? 1 : t.is(TokenType.RIGHT_PAREN) ? -1 : 0;
                if (level == 0 && t.is(TokenType.COMMA)) {
                    comma = i;
                    break;
                }
            }
            if (comma < 0) {
                return Optional.empty();
            }
            int end = close;
            for (int i = comma + 1, l = 0; i < close; i++) { // a style argument ends the value
                Token t = tokens.get(i);
                l += t.is(TokenType.LEFT_PAREN) ? 1 : t.is(TokenType.RIGHT_PAREN) ? -1 : 0;
                if (l == 0 && t.is(TokenType.COMMA)) {
                    end = i;
                    break;
                }
            }
            value = evaluate(tokens, comma + 1, end, depth + 1);
        }
        return value.flatMap(v -> convert(v, type));
    }

    private static String typeName(Token t) {
        return t.value().toLowerCase(Locale.ROOT);
    }

    /** A literal converted to a type, where the conversion cannot depend on session settings. */
    private static Optional<Object> convert(Object value, String type) {
        if (value == NULL) {
            return Optional.of(NULL);
        }
        try {
            if (TEXT_TYPES.contains(type)) {
                if (value instanceof String) {
                    return Optional.of(value);
                }
                return value instanceof byte[] ? Optional.empty() : Optional.of(plain(value));
            }
            if (WHOLE_TYPES.contains(type)) {
                BigDecimal number = value instanceof String s ? new BigDecimal(s.strip())
                        : value instanceof BigDecimal d ? d : value instanceof Long l ? BigDecimal.valueOf(l) : null;
                if (number == null || number.stripTrailingZeros().scale() > 0 && !type.equals("bit")) {
                    return Optional.empty(); // CAST(1.5 AS int) truncates: not simple
                }
                if (type.equals("bit")) {
                    return Optional.of(number.signum() == 0 ? 0L : 1L);
                }
                return Optional.of(number.longValueExact());
            }
            if (DECIMAL_TYPES.contains(type)) {
                if (value instanceof String s) {
                    String digits = s.strip();
                    return Optional.of(new BigDecimal(digits.startsWith("$") ? digits.substring(1) : digits));
                }
                return value instanceof Long l ? Optional.of(BigDecimal.valueOf(l))
                        : value instanceof BigDecimal ? Optional.of(value) : Optional.empty();
            }
            if (BINARY_TYPES.contains(type) && value instanceof byte[]) {
                return Optional.of(value);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String plain(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

    private static boolean isNumber(Object value) {
        return value instanceof Long || value instanceof BigDecimal;
    }

    private static Object negate(Object value) {
        if (value instanceof Long l) {
            return l == Long.MIN_VALUE ? BigDecimal.valueOf(l).negate() : -l;
        }
        return ((BigDecimal) value).negate(); // a BigDecimal stays one: -$3 is money, not a whole number
    }

    /** A whole number as a Long when it fits, else the BigDecimal. */
    private static Object whole(BigDecimal number) {
        if (number.scale() <= 0) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException e) {
                return number;
            }
        }
        return number;
    }

    /** {@code 0x...} as bytes; an odd digit count has an implied leading zero, as in SQL Server. */
    private static byte[] binary(String text) {
        String digits = text.substring(2);
        if (digits.length() % 2 == 1) {
            digits = "0" + digits;
        }
        return HexFormat.of().parseHex(digits);
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1 before {@code to}. */
    static int closing(List<Token> tokens, int open, int to) {
        int level = 0;
        for (int i = open; i < to; i++) {
            Token t = tokens.get(i);
            if (t.is(TokenType.LEFT_PAREN)) {
                level++;
            } else if (t.is(TokenType.RIGHT_PAREN) && --level == 0) {
                return i;
            }
        }
        return -1;
    }
}
