package ai.datamigrate.plugin.dbt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parsed form of a T-SQL CHECK condition, for the subset of T-SQL that CHECK constraints use: comparisons,
 * AND/OR/NOT, IN, BETWEEN, IS NULL, LIKE, function calls, arithmetic and literals. {@link #parse} reads the text
 * with a small recursive-descent parser; anything outside the subset is a {@link ParseException}.
 */
sealed interface CheckExpression {

    /** A string, number or NULL literal; {@code text} is the value (strings unquoted). */
    record Literal(LiteralKind kind, String text) implements CheckExpression {
    }

    enum LiteralKind {
        STRING, NUMBER, NULL
    }

    /** A column, by its SQL Server name (brackets and quotes removed). */
    record ColumnRef(String name) implements CheckExpression {
    }

    /** A function call; {@code name} in lower case. {@code CURRENT_TIMESTAMP} is a call without arguments. */
    record Call(String name, List<CheckExpression> arguments) implements CheckExpression {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    /** Unary {@code -} or {@code +}. */
    record Negate(String operator, CheckExpression operand) implements CheckExpression {
    }

    /** Arithmetic ({@code + - * / %}) and comparisons ({@code = <> < > <= >=}, {@code !=} written as {@code <>}). */
    record Binary(String operator, CheckExpression left, CheckExpression right) implements CheckExpression {
    }

    /** {@code AND} / {@code OR} with two or more operands. */
    record Logical(String operator, List<CheckExpression> operands) implements CheckExpression {
        public Logical {
            operands = List.copyOf(operands);
        }
    }

    record Not(CheckExpression operand) implements CheckExpression {
    }

    record In(CheckExpression operand, List<CheckExpression> values, boolean negated) implements CheckExpression {
        public In {
            values = List.copyOf(values);
        }
    }

    record Between(CheckExpression operand, CheckExpression low, CheckExpression high, boolean negated)
            implements CheckExpression {
    }

    record IsNull(CheckExpression operand, boolean negated) implements CheckExpression {
    }

    record Like(CheckExpression operand, CheckExpression pattern, Optional<String> escape, boolean negated)
            implements CheckExpression {
    }

    /** The text is outside the subset this parser reads. */
    final class ParseException extends Exception {
        private static final long serialVersionUID = 1L;

        ParseException(String message) {
            super(message);
        }
    }

    static CheckExpression parse(String text) throws ParseException {
        Parser parser = new Parser(Lexer.tokens(text));
        CheckExpression expression = parser.or();
        if (!parser.atEnd()) {
            throw new ParseException("unexpected '" + parser.peek().text() + "'");
        }
        return expression;
    }

    enum TokenKind {
        WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL
    }

    /** {@code text}: the word as written, the name or string value unquoted, the number, or the symbol. */
    record Token(TokenKind kind, String text) {
        boolean isWord(String word) {
            return kind == TokenKind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(String symbol) {
            return kind == TokenKind.SYMBOL && text.equals(symbol);
        }
    }

    /** Splits T-SQL text into tokens; comments are skipped. */
    final class Lexer {
        private static final List<String> SYMBOLS = List.of("<>", "!=", "<=", ">=", "!<", "!>", "=", "<", ">",
                "+", "-", "*", "/", "%", "(", ")", ",");

        private Lexer() {
        }

        static List<Token> tokens(String text) throws ParseException {
            List<Token> tokens = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (text.startsWith("--", i)) {
                    int end = text.indexOf('\n', i);
                    i = end < 0 ? text.length() : end + 1;
                } else if (text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    if (end < 0) {
                        throw new ParseException("unterminated comment");
                    }
                    i = end + 2;
                } else if (c == '\'' || ((c == 'N' || c == 'n') && i + 1 < text.length()
                        && text.charAt(i + 1) == '\'')) {
                    int start = c == '\'' ? i : i + 1;
                    int[] end = new int[1];
                    tokens.add(new Token(TokenKind.STRING, delimited(text, start, '\'', '\'', end)));
                    i = end[0];
                } else if (c == '[') {
                    int[] end = new int[1];
                    tokens.add(new Token(TokenKind.QUOTED_NAME, delimited(text, i, '[', ']', end)));
                    i = end[0];
                } else if (c == '"') {
                    int[] end = new int[1];
                    tokens.add(new Token(TokenKind.QUOTED_NAME, delimited(text, i, '"', '"', end)));
                    i = end[0];
                } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length()
                        && Character.isDigit(text.charAt(i + 1)))) {
                    int start = i;
                    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                        i++;
                    }
                    if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
                        i++;
                        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                            i++;
                        }
                        while (i < text.length() && Character.isDigit(text.charAt(i))) {
                            i++;
                        }
                    }
                    String number = text.substring(start, i);
                    if (number.indexOf('.') != number.lastIndexOf('.')) {
                        throw new ParseException("malformed number " + number);
                    }
                    tokens.add(new Token(TokenKind.NUMBER, number));
                } else if (Character.isLetter(c) || c == '_' || c == '@' || c == '#') {
                    int start = i;
                    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i))
                            || "_@#$".indexOf(text.charAt(i)) >= 0)) {
                        i++;
                    }
                    tokens.add(new Token(TokenKind.WORD, text.substring(start, i)));
                } else {
                    String symbol = null;
                    for (String candidate : SYMBOLS) {
                        if (text.startsWith(candidate, i)) {
                            symbol = candidate;
                            break;
                        }
                    }
                    if (symbol == null) {
                        throw new ParseException("unexpected character '" + c + "'");
                    }
                    tokens.add(new Token(TokenKind.SYMBOL, symbol));
                    i += symbol.length();
                }
            }
            return tokens;
        }

        /** The text between {@code open} at {@code start} and the matching {@code close}; doubled closes escape. */
        private static String delimited(String text, int start, char open, char close, int[] end)
                throws ParseException {
            StringBuilder value = new StringBuilder();
            int i = start + 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == close) {
                    if (i + 1 < text.length() && text.charAt(i + 1) == close) {
                        value.append(close);
                        i += 2;
                        continue;
                    }
                    end[0] = i + 1;
                    return value.toString();
                }
                value.append(c);
                i++;
            }
            throw new ParseException("unterminated " + open + "..." + close);
        }
    }

    /** Recursive descent, one method per precedence level of T-SQL. */
    final class Parser {
        private static final List<String> COMPARISONS = List.of("=", "<>", "!=", "<", ">", "<=", ">=", "!<", "!>");
        private static final List<String> KEYWORDS = List.of("and", "or", "not", "in", "between", "is", "null",
                "like", "escape", "select", "exists", "case", "when", "then", "else", "end");

        private final List<Token> tokens;
        private int position;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return position >= tokens.size();
        }

        Token peek() {
            return tokens.get(position);
        }

        private boolean acceptWord(String word) {
            if (!atEnd() && peek().isWord(word)) {
                position++;
                return true;
            }
            return false;
        }

        private boolean acceptSymbol(String symbol) {
            if (!atEnd() && peek().isSymbol(symbol)) {
                position++;
                return true;
            }
            return false;
        }

        private void expectSymbol(String symbol) throws ParseException {
            if (!acceptSymbol(symbol)) {
                throw new ParseException("expected '" + symbol + "'" + (atEnd() ? " at the end"
                        : " before '" + peek().text() + "'"));
            }
        }

        CheckExpression or() throws ParseException {
            List<CheckExpression> operands = new ArrayList<>(List.of(and()));
            while (acceptWord("OR")) {
                operands.add(and());
            }
            return operands.size() == 1 ? operands.get(0) : new Logical("or", operands);
        }

        private CheckExpression and() throws ParseException {
            List<CheckExpression> operands = new ArrayList<>(List.of(not()));
            while (acceptWord("AND")) {
                operands.add(not());
            }
            return operands.size() == 1 ? operands.get(0) : new Logical("and", operands);
        }

        private CheckExpression not() throws ParseException {
            if (acceptWord("NOT")) {
                return new Not(not());
            }
            return predicate();
        }

        private CheckExpression predicate() throws ParseException {
            CheckExpression left = additive();
            if (atEnd()) {
                return left;
            }
            Token next = peek();
            if (next.kind() == TokenKind.SYMBOL && COMPARISONS.contains(next.text())) {
                position++;
                String operator = switch (next.text()) {
                    case "!=" -> "<>";
                    case "!<" -> ">=";
                    case "!>" -> "<=";
                    default -> next.text();
                };
                return new Binary(operator, left, additive());
            }
            if (acceptWord("IS")) {
                boolean negated = acceptWord("NOT");
                if (!acceptWord("NULL")) {
                    throw new ParseException("expected NULL after IS");
                }
                return new IsNull(left, negated);
            }
            boolean negated = acceptWord("NOT");
            if (acceptWord("IN")) {
                expectSymbol("(");
                List<CheckExpression> values = new ArrayList<>(List.of(additive()));
                while (acceptSymbol(",")) {
                    values.add(additive());
                }
                expectSymbol(")");
                return new In(left, values, negated);
            }
            if (acceptWord("BETWEEN")) {
                CheckExpression low = additive();
                if (!acceptWord("AND")) {
                    throw new ParseException("expected AND in BETWEEN");
                }
                return new Between(left, low, additive(), negated);
            }
            if (acceptWord("LIKE")) {
                CheckExpression pattern = additive();
                Optional<String> escape = Optional.empty();
                if (acceptWord("ESCAPE")) {
                    if (atEnd() || peek().kind() != TokenKind.STRING || peek().text().length() != 1) {
                        throw new ParseException("expected one character after ESCAPE");
                    }
                    escape = Optional.of(tokens.get(position++).text());
                }
                return new Like(left, pattern, escape, negated);
            }
            if (negated) {
                throw new ParseException("expected IN, BETWEEN or LIKE after NOT");
            }
            return left;
        }

        private CheckExpression additive() throws ParseException {
            CheckExpression left = multiplicative();
            while (!atEnd() && (peek().isSymbol("+") || peek().isSymbol("-"))) {
                String operator = tokens.get(position++).text();
                left = new Binary(operator, left, multiplicative());
            }
            return left;
        }

        private CheckExpression multiplicative() throws ParseException {
            CheckExpression left = unary();
            while (!atEnd() && (peek().isSymbol("*") || peek().isSymbol("/") || peek().isSymbol("%"))) {
                String operator = tokens.get(position++).text();
                left = new Binary(operator, left, unary());
            }
            return left;
        }

        private CheckExpression unary() throws ParseException {
            if (acceptSymbol("-")) {
                return new Negate("-", unary());
            }
            if (acceptSymbol("+")) {
                return new Negate("+", unary());
            }
            return primary();
        }

        private CheckExpression primary() throws ParseException {
            if (atEnd()) {
                throw new ParseException("unexpected end of the expression");
            }
            Token token = tokens.get(position++);
            switch (token.kind()) {
                case STRING:
                    return new Literal(LiteralKind.STRING, token.text());
                case NUMBER:
                    return new Literal(LiteralKind.NUMBER, token.text());
                case QUOTED_NAME:
                    return column(token);
                case SYMBOL:
                    if (token.isSymbol("(")) {
                        CheckExpression inner = or();
                        expectSymbol(")");
                        return inner;
                    }
                    throw new ParseException("unexpected '" + token.text() + "'");
                case WORD:
                default:
                    break;
            }
            String word = token.text().toLowerCase(Locale.ROOT);
            if (word.equals("null")) {
                return new Literal(LiteralKind.NULL, "NULL");
            }
            if (word.equals("current_timestamp")) {
                return new Call(word, List.of());
            }
            if (KEYWORDS.contains(word) || word.startsWith("@")) {
                throw new ParseException("unexpected " + token.text());
            }
            if (acceptSymbol("(")) {
                List<CheckExpression> arguments = new ArrayList<>();
                if (!acceptSymbol(")")) {
                    do {
                        arguments.add(or());
                    } while (acceptSymbol(","));
                    expectSymbol(")");
                }
                return new Call(word, arguments);
            }
            return column(token);
        }

        private CheckExpression column(Token token) throws ParseException {
            if (!atEnd() && (peek().isSymbol("(") || peek().kind() == TokenKind.QUOTED_NAME)) {
                throw new ParseException("unexpected '" + peek().text() + "' after " + token.text());
            }
            return new ColumnRef(token.text());
        }
    }
}
