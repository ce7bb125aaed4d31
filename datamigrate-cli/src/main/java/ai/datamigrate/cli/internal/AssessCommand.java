package ai.datamigrate.cli.internal;

import ai.datamigrate.core.AssessResult;
import ai.datamigrate.core.DataMigrate;
import ai.datamigrate.core.MigrateRequest;
import ai.datamigrate.core.report.MigrationReport;
import ai.datamigrate.core.report.ObjectStatus;
import ai.datamigrate.core.report.ReportFiles;
import java.nio.file.Path;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "assess", mixinStandardHelpOptions = true,
        description = {"Writes only the migration report of a SQL Server script: what would convert, what needs a "
                + "human, and an effort estimate per object.",
                "Files: " + ReportFiles.MARKDOWN + ", " + ReportFiles.HTML + ", " + ReportFiles.JSON + "."})
final class AssessCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Mixin
    InputOptions source = new InputOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "The folder to write the report to; replaced whole and atomically.")
    Path out;

    @Option(names = "--target", defaultValue = "postgres", paramLabel = "DIALECT",
            description = "Target dialect (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--output", defaultValue = "dbt", paramLabel = "OUTPUT",
            description = "Output target whose generation is assessed (default: ${DEFAULT-VALUE}).")
    String output;

    @Override
    public Integer call() {
        DataMigrate host = root.host();
        AssessResult result = host.assess(new MigrateRequest(source.input(), source.variables, out, target, output, false));
        MigrationReport report = result.report();
        Terminal terminal = root.cli.terminal();
        StringJoiner counts = new StringJoiner(", ");
        for (ObjectStatus status : ObjectStatus.values()) {
            counts.add(report.count(status) + " " + status.id().replace('_', ' '));
        }
        terminal.message("assessed " + report.summary().all().total() + " objects of " + report.header().database()
                + ": " + counts + " (coverage " + report.summary().all().coveragePercent() + " %)");
        report.summary().effort().ifPresent(effort -> terminal.message("estimated effort: " + effort.totalHours()
                + " hours (" + effort.totalMinutes() + " minutes)"));
        terminal.message("wrote the report to " + out.resolve(ReportFiles.HTML) + " (also " + ReportFiles.MARKDOWN
                + ", " + ReportFiles.JSON + ")");
        return result.needsReview() ? ExitCode.NEEDS_REVIEW : ExitCode.OK;
    }
}
