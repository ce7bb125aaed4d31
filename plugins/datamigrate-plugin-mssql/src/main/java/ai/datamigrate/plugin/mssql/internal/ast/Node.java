package ai.datamigrate.plugin.mssql.internal.ast;

/** Every node of the T-SQL syntax tree knows where it starts. */
public sealed interface Node permits Expr, Statement, TableSource, QueryBody, SelectItem, GroupingElement,
        InsertSource, MergeAction, Part {

    Pos pos();
}
