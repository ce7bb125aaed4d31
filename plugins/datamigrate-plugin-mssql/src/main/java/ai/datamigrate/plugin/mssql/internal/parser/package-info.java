/**
 * The hand-written recursive-descent T-SQL parser ({@code TsqlParser}) over the lexer's tokens, and the printer
 * ({@code TsqlPrinter}) that writes a tree back as T-SQL the parser reads into an equal tree. Unknown constructs
 * become {@code MSSQL-UNPARSED-STATEMENT} diagnostics, never exceptions; nesting is bounded.
 */
package ai.datamigrate.plugin.mssql.internal.parser;
