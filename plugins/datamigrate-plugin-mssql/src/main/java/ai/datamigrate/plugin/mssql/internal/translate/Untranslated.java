package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.plugin.mssql.internal.ast.Pos;

/** A construct the rules cannot translate exactly: the object gets no model, the user gets this as a diagnostic. */
final class Untranslated extends RuntimeException {

    static final String CONSTRUCT = "MSSQL-UNTRANSLATED";
    static final String FUNCTION = "MSSQL-UNTRANSLATED-FUNCTION";

    private final String code;
    private final Pos pos;

    Untranslated(String code, Pos pos, String message) {
        super(message, null, false, false);
        this.code = code;
        this.pos = pos;
    }

    static Untranslated construct(Pos pos, String message) {
        return new Untranslated(CONSTRUCT, pos, message);
    }

    String code() {
        return code;
    }

    Pos pos() {
        return pos;
    }
}
