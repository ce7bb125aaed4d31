package ai.datamigrate.cli.internal;

import ai.datamigrate.core.DataMigrateHost;
import ai.datamigrate.core.LoadRequestOptions;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Creates the raw tables of a SQL Server script on the target database, in the source's names "
                + "and with mapped types, so that the generated dbt project can run.",
                "Credentials come from --set postgres.user=... / postgres.password=... or DATAMIGRATE_PG_USER / "
                        + "DATAMIGRATE_PG_PASSWORD; never put them in the URL."})
final class LoadCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(index = "0", paramLabel = "INPUT", description = "A T-SQL script (.sql).")
    Path input;

    @Option(names = "--target-url", required = true, paramLabel = "JDBC_URL",
            description = "e.g. jdbc:postgresql://localhost:5432/analytics")
    String targetUrl;

    @Option(names = "--schema", defaultValue = "raw", paramLabel = "SCHEMA",
            description = "Schema for the source's dbo tables; other schemas go to SCHEMA_<schema> "
                    + "(default: ${DEFAULT-VALUE}).")
    String schema;

    @Option(names = "--tables", split = ",", paramLabel = "SCHEMA.TABLE",
            description = "Only these tables (comma-separated; schema defaults to dbo).")
    List<String> tables = new ArrayList<>();

    @Option(names = "--schema-only", description = "Create the tables without rows.")
    boolean schemaOnly;

    @Option(names = "--replace", description = "Drop and re-create raw tables that exist.")
    boolean replace;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A script variable, e.g. SQLCMD $(NAME).")
    Map<String, String> variables = new LinkedHashMap<>();

    @Option(names = {"-v", "--verbose"}, description = "Also list informational diagnostics.")
    boolean verbose;

    @Override
    public Integer call() {
        DataMigrateHost host = root.host();
        List<ObjectName> names = tables.stream().map(LoadCommand::objectName).toList();
        LoadResult result = host.load(input, variables, new LoadRequestOptions(targetUrl, schema, names, replace,
                schemaOnly));
        Terminal terminal = root.cli.terminal();
        Diagnostics.print(terminal, result.diagnostics(), verbose);
        for (LoadedTable table : result.tables()) {
            terminal.message("created " + table.targetSchema() + "." + table.targetTable() + " (" + table.columns()
                    + " columns) from " + table.source());
        }
        terminal.message("created " + result.tables().size() + " raw tables on " + host.masker().mask(targetUrl));
        return ExitCode.OK;
    }

    private static ObjectName objectName(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? new ObjectName("dbo", text) : new ObjectName(text.substring(0, dot), text.substring(dot + 1));
    }
}
