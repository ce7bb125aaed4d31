package ai.datamigrate.cli.internal;

import ai.datamigrate.core.DataMigrate;
import ai.datamigrate.core.AgentOptions;
import ai.datamigrate.core.MigrateRequest;
import java.util.Optional;
import java.util.OptionalDouble;
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

    @Option(names = "--collation", paramLabel = "MODE", description = "String comparisons: preserve (default: SQL "
            + "unchanged, case differences reported), ci (rendered case-insensitively, like SQL Server's default "
            + "collations) or cs (the source's default collation is case-sensitive); same as --set mssql.collation=...")
    String collation;

    @Option(names = "--force", description = "Replace the output folder even if DataMigrate did not write it.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Also list informational diagnostics.")
    boolean verbose;

    @Option(names = "--llm", paramLabel = "PROVIDER",
            description = "Send what rules cannot translate to this LLM provider (e.g. claude); default: none.")
    String llm;

    @Option(names = "--llm-offline", description = "Use only cached LLM answers; never call the provider.")
    boolean llmOffline;

    @Option(names = "--llm-budget-usd", paramLabel = "USD", description = "Stop LLM use once this much is spent.")
    Double budget;

    @Option(names = "--llm-cache", paramLabel = "DIR",
            description = "The LLM response cache (default: $XDG_CACHE_HOME or ~/.cache, datamigrate/llm).")
    Path cache;

    @Option(names = "--max-attempts", defaultValue = "3", paramLabel = "N",
            description = "LLM attempts per object before it needs review (default: ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--jobs", defaultValue = "4", paramLabel = "N",
            description = "Objects handled in parallel by the agents (default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--validate-url", paramLabel = "JDBC-URL",
            description = "Execute every model on this target (read-only, rolled back) before accepting it.")
    String validateUrl;

    @Option(names = "--raw-schema", defaultValue = "raw", paramLabel = "SCHEMA",
            description = "The schema of the loaded raw tables on --validate-url (default: ${DEFAULT-VALUE}).")
    String rawSchema;

    @Option(names = "--resume", description = "Continue an interrupted run from its saved state.")
    boolean resume;

    @Option(names = "--llm-docs", description = "Also ask the LLM to describe models the source left undocumented.")
    boolean llmDocs;

    @Override
    public Integer call() {
        if (naming != null) {
            root.settings.put("dbt.naming", naming);
        }
        if (collation != null) {
            root.settings.put("mssql.collation", collation);
        }
        DataMigrate host = root.host();
        Terminal terminal = root.cli.terminal();
        if (llmDocs && llm == null) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--llm-docs needs --llm PROVIDER");
        }
        if (maxAttempts < 1 || jobs < 1 || (budget != null && budget < 0)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--max-attempts and --jobs must be at least 1, --llm-budget-usd at least 0");
        }
        AgentOptions agents = new AgentOptions(Optional.ofNullable(llm), llmOffline,
                budget == null ? OptionalDouble.empty() : OptionalDouble.of(budget), maxAttempts, 4096, jobs,
                Optional.ofNullable(validateUrl), rawSchema,
                Optional.of(cache != null ? cache : AgentOptions.defaultCacheDir()), resume,
                new AgentProgress(terminal, System::nanoTime, llm != null || validateUrl != null), llmDocs);
        MigrateResult result = host.migrate(new MigrateRequest(source.input(), source.variables, out, target, output,
                force, agents));
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
