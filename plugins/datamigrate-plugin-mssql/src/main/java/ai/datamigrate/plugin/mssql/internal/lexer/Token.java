package ai.datamigrate.plugin.mssql.internal.lexer;

/**
 * One token with its exact source text, its offsets in the script ({@code start} inclusive, {@code end} exclusive)
 * and the 1-based line and column of its first character.
 *
 * @param lineStart whether nothing but white space precedes it on its line (needed to recognise {@code GO})
 */
public record Token(TokenType type, String text, int start, int end, int line, int column, boolean lineStart) {

    /** Whether this is the given keyword (or regular identifier), compared case-insensitively. */
    public boolean is(String keyword) {
        return type == TokenType.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    public boolean is(TokenType expected) {
        return type == expected;
    }

    /** Whether it can name something: a regular, bracketed or quoted identifier, or a SQLCMD variable. */
    public boolean isName() {
        return type == TokenType.IDENTIFIER || type == TokenType.BRACKETED_IDENTIFIER
                || type == TokenType.QUOTED_IDENTIFIER || type == TokenType.SQLCMD_VARIABLE
                || type == TokenType.TEMP_NAME;
    }

    public boolean isString() {
        return type == TokenType.STRING || type == TokenType.NATIONAL_STRING;
    }

    /**
     * The meaning without delimiters and escapes: {@code Order Details} for {@code [Order Details]},
     * {@code it's} for {@code N'it''s'}; the text itself for other tokens.
     */
    public String value() {
        return switch (type) {
            case BRACKETED_IDENTIFIER -> unescape(text, 1, ']');
            case QUOTED_IDENTIFIER -> unescape(text, 1, '"');
            case STRING -> unescape(text, 1, text.charAt(0));
            case NATIONAL_STRING -> unescape(text, 2, '\'');
            default -> text;
        };
    }

    private static String unescape(String text, int open, char close) {
        int last = text.length() - 1;
        if (last < open || text.charAt(last) != close) {
            last = text.length(); // unterminated: ERROR tokens never get here, but stay safe
        }
        StringBuilder out = new StringBuilder(Math.max(0, last - open));
        for (int i = open; i < last; i++) {
            char c = text.charAt(i);
            out.append(c);
            if (c == close && i + 1 < last && text.charAt(i + 1) == close) {
                i++;
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return type + "(" + text + ")@" + line + ":" + column;
    }
}
