package ai.datamigrate.plugin.mssql.internal.parser;

import ai.datamigrate.plugin.mssql.internal.lexer.Token;

/** A statement the parser cannot read; always caught by the parser and turned into a diagnostic. */
final class ParseException extends RuntimeException {

    private final transient Token token;
    private final boolean fatal;

    ParseException(Token token, String message) {
        this(token, message, false);
    }

    /** @param fatal the rest of the body cannot be read either (nesting too deep): stop instead of resuming */
    ParseException(Token token, String message, boolean fatal) {
        super(message, null, false, false);
        this.token = token;
        this.fatal = fatal;
    }

    boolean fatal() {
        return fatal;
    }

    Token token() {
        return token;
    }
}
