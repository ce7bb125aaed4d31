package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.lexer.Token;

/** A statement the reader cannot follow; caught per statement and turned into a diagnostic, never thrown out. */
final class SyntaxException extends RuntimeException {

    private final transient Token token;

    SyntaxException(Token token, String message) {
        super(message, null, false, false);
        this.token = token;
    }

    Token token() {
        return token;
    }
}
