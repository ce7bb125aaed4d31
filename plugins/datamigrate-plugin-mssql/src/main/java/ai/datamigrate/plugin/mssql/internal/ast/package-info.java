/**
 * The T-SQL syntax tree: sealed interfaces ({@code Statement}, {@code Expr}, {@code TableSource}, ...) and records,
 * immutable, each node with its source position. Clauses that carry no references (query hints, FOR XML options,
 * SET options) are kept as their tokens. Internal to the SQL Server plugin; not exported.
 */
package ai.datamigrate.plugin.mssql.internal.ast;
