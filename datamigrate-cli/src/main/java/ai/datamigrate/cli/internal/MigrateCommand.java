package ai.datamigrate.cli.internal;

import ai.datamigrate.core.DataMigrateHost;
import ai.datamigrate.core.MigrateRequest;
import ai.datamigrate.core.MigrateResult;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Turns a SQL Server script into a dbt project.")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    InputOptions source = new InputOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder to write; replaced whole and atomically.")
    Path out;

    @Option(names = "--target", defaultValue = "postgres", paramLabel = "DIALECT",
            description = "Target dialect (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--output", defaultValue = "dbt", paramLabel = "OUTPUT",
            description = "Output target (default: ${DEFAULT-VALUE}).")
    String output;

    @Option(names = "--naming", paramLabel = "POLICY", description = "snake or preserve (same as --set dbt.naming=...).")
    String naming;

    @Option(names = "--force", description = "Replace the output folder even if DataMigrate did not write it.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Also list informational diagnostics.")
    boolean verbose;

    @Override
    public Integer call() {
        if (naming != null) {
            root.settings.put("dbt.naming", naming);
        }
        DataMigrateHost host = root.host();
        MigrateResult result = host.migrate(new MigrateRequest(source.input, source.variables, out, target, output, force));
        Terminal terminal = root.cli.terminal();
        Diagnostics.print(terminal, result.diagnostics(), verbose);
        for (String edited : result.keptEdits()) {
            terminal.message(out.resolve(edited) + ": kept your edited version; the new one is beside it in "
                    + edited.substring(edited.lastIndexOf('/') + 1) + ".datamigrate-new");
        }
        if (!result.keptFiles().isEmpty()) {
            terminal.message("kept " + result.keptFiles().size() + " files you added to " + out);
        }
        terminal.message("wrote " + result.files().size() + " files to " + out + " ("
                + result.database().tables().count() + " tables); report: " + out.resolve("MIGRATION_REPORT.md"));
        return result.needsReview() ? ExitCode.NEEDS_REVIEW : ExitCode.OK;
    }
}
