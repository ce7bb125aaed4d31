package ai.datamigrate.plugin.mssql.internal.ast;

/** Where a node starts in its script: 1-based line and column, and the 0-based character offset. */
public record Pos(int line, int column, int offset) {

    public static final Pos NONE = new Pos(0, 0, 0);
}
