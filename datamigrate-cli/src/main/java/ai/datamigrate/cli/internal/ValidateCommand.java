package ai.datamigrate.cli.internal;

import ai.datamigrate.core.DataMigrate;
import ai.datamigrate.core.ValidationResult;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Executes every model of a generated project on the target (each in a rolled-back "
                + "transaction) and reports per model ok or the target's error with the source object.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Parameters(index = "0", paramLabel = "PROJECT", description = "A project written by 'datamigrate migrate'.")
    Path project;

    @Option(names = "--target-url", required = true, paramLabel = "JDBC_URL",
            description = "The target with the raw tables loaded (e.g. jdbc:postgresql://host:5432/db).")
    String targetUrl;

    @Option(names = "--raw-schema", defaultValue = "raw", paramLabel = "SCHEMA",
            description = "The schema 'load' created the raw tables in (default: ${DEFAULT-VALUE}).")
    String rawSchema;

    @Option(names = "--dbt", description = "Then run 'dbt build' on the project too ($DATAMIGRATE_DBT, else dbt on "
            + "the PATH), with its profiles.yml or, failing that, profiles.yml.example.")
    boolean dbt;

    @Override
    public Integer call() {
        DataMigrate host = root.host();
        Terminal terminal = root.cli.terminal();
        List<ValidationResult> results = host.validate(project, targetUrl, rawSchema);
        int failed = 0;
        for (ValidationResult r : results) {
            if (r.ok()) {
                terminal.line("ok     " + r.model() + "  (" + r.kind() + " " + r.object() + ", " + r.origin() + ")");
            } else {
                failed++;
                terminal.line("error  " + r.model() + "  (" + r.kind() + " " + r.object() + " at " + r.location()
                        + ", " + r.origin() + "): " + r.error().get().lines().findFirst().orElse(""));
            }
        }
        terminal.message("validated " + results.size() + " models on the target: " + (results.size() - failed)
                + " ok, " + failed + " failed");
        int dbtExit = dbt ? runDbt(terminal) : 0;
        return failed > 0 || dbtExit != 0 ? ExitCode.NEEDS_REVIEW : ExitCode.OK;
    }

    private int runDbt(Terminal terminal) {
        String executable = System.getenv().getOrDefault("DATAMIGRATE_DBT", "dbt");
        try {
            Path profiles = project;
            if (!Files.exists(project.resolve("profiles.yml"))) {
                profiles = Files.createTempDirectory("datamigrate-profiles");
                Files.copy(project.resolve("profiles.yml.example"), profiles.resolve("profiles.yml"));
            }
            Process process = new ProcessBuilder(executable, "build", "--project-dir", project.toString(),
                    "--profiles-dir", profiles.toString()).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    terminal.line(line);
                }
            }
            return process.waitFor();
        } catch (IOException e) {
            throw new DataMigrateException(ErrorCode.INPUT_NOT_FOUND, "cannot run '" + executable + " build': "
                    + e.getMessage() + " (set DATAMIGRATE_DBT to the dbt executable)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
