package ai.datamigrate.cli.internal;

import ai.datamigrate.core.Input;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that reads a source takes: the input and its script variables (a picocli mixin). */
final class InputOptions {

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "A T-SQL script (.sql), a folder of scripts, an SSDT project (folder or .sqlproj), or a live "
                    + "SQL Server database: jdbc:sqlserver://HOST[:PORT];databaseName=DB (credentials from "
                    + "DATAMIGRATE_MSSQL_USER / DATAMIGRATE_MSSQL_PASSWORD, never in the URL).")
    String location;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A script variable, e.g. SQLCMD $(NAME).")
    Map<String, String> variables = new LinkedHashMap<>();

    /** The input: a path, or a database URL kept as typed. */
    Input input() {
        return Input.parse(location);
    }
}
