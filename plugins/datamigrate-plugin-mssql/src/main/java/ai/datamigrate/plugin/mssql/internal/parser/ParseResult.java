package ai.datamigrate.plugin.mssql.internal.parser;

import ai.datamigrate.plugin.mssql.internal.ast.Statement;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.List;

/**
 * The statements of one body and what could not be read.
 *
 * @param unparsed how many statements (at any depth) became {@link Statement.Unparsed}
 */
public record ParseResult(List<Statement> statements, List<Diagnostic> diagnostics, int unparsed) {
    public ParseResult {
        statements = List.copyOf(statements);
        diagnostics = List.copyOf(diagnostics);
    }
}
