package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.ast.Statement;
import ai.datamigrate.plugin.mssql.internal.parser.Locator;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.List;

/**
 * The parsed body of a view, routine or trigger.
 *
 * @param unparsed how many of its statements could not be parsed
 * @param locator  turns the positions of its nodes into locations in the user's files
 */
public record ModuleBody(ObjectName name, String kind, List<Statement> statements, int unparsed, Locator locator) {
    public ModuleBody {
        statements = List.copyOf(statements);
    }
}
