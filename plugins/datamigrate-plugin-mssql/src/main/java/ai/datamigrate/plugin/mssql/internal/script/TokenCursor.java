package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import java.util.List;

/** A position in the tokens of one batch, with the small look-ahead helpers a recursive-descent reader needs. */
final class TokenCursor {

    private final List<Token> tokens;
    private final int from;
    private final int end;
    private int pos;

    TokenCursor(List<Token> tokens, int from, int end) {
        this.tokens = tokens;
        this.from = from;
        this.end = end;
        this.pos = from;
    }

    boolean atEnd() {
        return pos >= end;
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        pos = Math.max(from, Math.min(position, end));
    }

    int end() {
        return end;
    }

    /** The current token; at the end of the batch, the last token of the batch (for locations). */
    Token peek() {
        return pos < end ? tokens.get(pos) : tokens.get(end - 1);
    }

    /** The token {@code ahead} positions on, or null past the end of the batch. */
    Token peek(int ahead) {
        int i = pos + ahead;
        return i < end ? tokens.get(i) : null;
    }

    Token previous() {
        return pos - 1 >= from ? tokens.get(pos - 1) : null;
    }

    Token token(int index) {
        return tokens.get(index);
    }

    Token last() {
        return tokens.get(end - 1);
    }

    Token next() {
        if (pos >= end) {
            throw new SyntaxException(last(), "unexpected end of batch");
        }
        return tokens.get(pos++);
    }

    boolean at(String keyword) {
        return pos < end && tokens.get(pos).is(keyword);
    }

    boolean at(TokenType type) {
        return pos < end && tokens.get(pos).type() == type;
    }

    boolean atSequence(String... keywords) {
        for (int i = 0; i < keywords.length; i++) {
            Token t = peek(i);
            if (t == null || !t.is(keywords[i])) {
                return false;
            }
        }
        return true;
    }

    boolean accept(String keyword) {
        if (at(keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean accept(TokenType type) {
        if (at(type)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean acceptSequence(String... keywords) {
        if (atSequence(keywords)) {
            pos += keywords.length;
            return true;
        }
        return false;
    }

    Token expect(String keyword) {
        if (!at(keyword)) {
            throw error("expected " + keyword);
        }
        return tokens.get(pos++);
    }

    Token expect(TokenType type, String what) {
        if (!at(type)) {
            throw error("expected " + what);
        }
        return tokens.get(pos++);
    }

    /** A syntax error at the current token, naming what was found. */
    SyntaxException error(String expected) {
        if (atEnd()) {
            return new SyntaxException(last(), expected + " but the batch ended");
        }
        Token t = tokens.get(pos);
        String shown = t.text().length() > 40 ? t.text().substring(0, 40) + "..." : t.text();
        return new SyntaxException(t, expected + " but found '" + shown + "'");
    }

    /** Skips a parenthesised group starting at the current '(' and returns the index of its ')'. */
    int skipParenthesized() {
        Token open = expect(TokenType.LEFT_PAREN, "'('");
        int depth = 1;
        while (pos < end) {
            TokenType type = tokens.get(pos).type();
            if (type == TokenType.LEFT_PAREN) {
                depth++;
            } else if (type == TokenType.RIGHT_PAREN) {
                depth--;
                if (depth == 0) {
                    return pos++;
                }
            }
            pos++;
        }
        throw new SyntaxException(open, "unbalanced '(': expected ')' before the end of the batch");
    }
}
