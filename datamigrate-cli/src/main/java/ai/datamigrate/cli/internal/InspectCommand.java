package ai.datamigrate.cli.internal;

import ai.datamigrate.core.DataMigrate;
import ai.datamigrate.core.InspectResult;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Table;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Reads a SQL Server script and prints what it defines.")
final class InspectCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    InputOptions source = new InputOptions();

    @Option(names = "--json", description = "Print the whole catalog as JSON on stdout.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Also list informational diagnostics.")
    boolean verbose;

    @Override
    public Integer call() {
        DataMigrate host = root.host();
        InspectResult result = host.inspect(source.input(), source.variables);
        Terminal terminal = root.cli.terminal();
        if (json) {
            terminal.result(host.catalogJson(result));
            return ExitCode.OK;
        }
        terminal.line("database " + result.database().name() + " (read by " + result.sourceReader() + " from "
                + host.mask(source.input().location()) + ")");
        for (Schema schema : result.database().schemas()) {
            terminal.line("schema " + schema.name() + ": " + schema.tables().size() + " tables, "
                    + schema.views().size() + " views, " + schema.procedures().size() + " procedures, "
                    + schema.functions().size() + " functions, " + schema.triggers().size() + " triggers, "
                    + schema.sequences().size() + " sequences, " + schema.aliasTypes().size() + " types");
            for (Table table : schema.tables()) {
                terminal.line("  table " + table.name() + ": " + table.columns().size() + " columns"
                        + table.primaryKey().map(pk -> ", primary key (" + String.join(", ", pk.columns()) + ")")
                        .orElse(", no primary key")
                        + (table.foreignKeys().isEmpty() ? "" : ", " + table.foreignKeys().size() + " foreign keys"));
            }
        }
        Diagnostics.print(terminal, result.diagnostics(), verbose);
        return ExitCode.OK;
    }
}
