package ai.datamigrate.cli.internal;

import ai.datamigrate.core.DataMigrate;
import ai.datamigrate.core.LoadRequestOptions;
import ai.datamigrate.core.ProgressListener;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.load.LoadEvent;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Creates the raw tables of a SQL Server script on the target database, in the source's names "
                + "and with mapped types, and loads the input's rows into them with COPY, one transaction per table, "
                + "verified against the source (row counts, per-column counts, min, max, sums and value hashes).",
                "Credentials come from --set postgres.user=... / postgres.password=... or DATAMIGRATE_PG_USER / "
                        + "DATAMIGRATE_PG_PASSWORD; never put them in the URL."})
final class LoadCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions source = new InputOptions();

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

    @Option(names = "--reject-dir", paramLabel = "DIR",
            description = "Folder for <schema>.<table>.rejects.tsv, the rows that could not be converted "
                    + "(default: datamigrate-rejects in the current folder).")
    Path rejectDir;

    @Option(names = "--max-rejects", paramLabel = "N",
            description = "Rejected rows a table may have and still be loaded without them; one more and the table "
                    + "is rolled back (default: 0).")
    Long maxRejects;

    @Option(names = "--jobs", defaultValue = "1", paramLabel = "N",
            description = "Tables loaded at once, each on a connection of its own and in a transaction of its own "
                    + "(default: ${DEFAULT-VALUE}).")
    int jobs;

    @Option(names = "--resume", description = "Skip the tables that an earlier load filled and verified (recorded in "
            + "the target, table SCHEMA.datamigrate_load_state); load the others.")
    boolean resume;

    @Option(names = "--report-dir", paramLabel = "DIR",
            description = "Folder for load-report.json and load-report.md, the verification of every table and "
                    + "column on both sides (default: none are written; the outcome of every table is printed).")
    Path reportDir;

    @Option(names = {"-v", "--verbose"}, description = "Also list informational diagnostics.")
    boolean verbose;

    @Override
    public Integer call() {
        DataMigrate host = root.host();
        List<ObjectName> names = tables.stream().map(LoadCommand::objectName).toList();
        if (maxRejects != null && maxRejects < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--max-rejects must be 0 or more, not " + maxRejects);
        }
        if (jobs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--jobs must be 1 or more, not " + jobs);
        }
        // no report files unless asked for: a load writes nothing into the current folder but the rows it rejects
        Optional<Path> reports = schemaOnly ? Optional.empty() : Optional.ofNullable(reportDir);
        LoadRequestOptions options = new LoadRequestOptions(targetUrl, schema, names, replace, schemaOnly,
                Optional.ofNullable(rejectDir), maxRejects == null ? OptionalLong.empty() : OptionalLong.of(maxRejects),
                jobs, resume, reports);
        Terminal terminal = root.cli.terminal();
        LoadProgress progress = new LoadProgress(terminal);
        LoadResult result;
        try {
            result = host.load(source.input(), source.variables, options, new ProgressListener() {
                @Override
                public void onLoadEvent(LoadEvent event) {
                    progress.onEvent(event);
                }
            });
        } finally {
            progress.done();
        }
        Diagnostics.print(terminal, result.diagnostics(), verbose);
        String target = host.mask(targetUrl);
        if (schemaOnly) {
            for (LoadedTable table : result.tables()) {
                terminal.message("created " + table.targetSchema() + "." + table.targetTable() + " ("
                        + table.columns() + " columns) from " + table.source());
            }
            terminal.message("created " + result.tables().size() + " raw tables on " + target);
            return ExitCode.OK;
        }
        // the tables' own lines came from the progress listener as they finished
        long rows = result.tables().stream().mapToLong(LoadedTable::rows).sum();
        // a table that failed (rejects past --max-rejects, COPY error, verification difference) is an error
        // diagnostic naming it, and was rolled back
        java.util.Set<String> loaded = new java.util.HashSet<>();
        result.tables().forEach(t -> loaded.add(t.source().toString()));
        long failed = result.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR)
                .flatMap(d -> d.object().stream()).filter(o -> !loaded.contains(o)).distinct().count();
        long resumed = result.tables().stream().filter(LoadedTable::resumed).count();
        terminal.message("loaded " + rows + " rows into " + result.tables().size() + " raw tables on " + target
                + (resumed == 0 ? "" : " (" + resumed + " loaded by an earlier run)")
                + (failed == 0 ? "" : "; " + failed + " tables failed and were rolled back (see the errors above)"));
        terminal.message(reports.map(dir -> "load report: " + dir.resolve("load-report.md"))
                .orElse("per-column verification: --report-dir DIR writes load-report.json and load-report.md"));
        return failed == 0 ? ExitCode.OK : ExitCode.NEEDS_REVIEW;
    }

    private static ObjectName objectName(String text) {
        int dot = text.indexOf('.');
        return dot < 0 ? new ObjectName("dbo", text) : new ObjectName(text.substring(0, dot), text.substring(dot + 1));
    }
}
