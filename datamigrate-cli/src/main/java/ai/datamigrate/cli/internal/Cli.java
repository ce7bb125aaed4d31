package ai.datamigrate.cli.internal;

import ai.datamigrate.core.DataMigrate;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.function.UnaryOperator;
import picocli.CommandLine;

/** Runs one command line and turns every outcome into an exit code and, on failure, one line on stderr. */
public final class Cli {

    private final Terminal terminal;

    public Cli(Terminal terminal) {
        this.terminal = terminal;
    }

    public int run(String... args) {
        RootCommand root = new RootCommand(this);
        CommandLine commandLine = new CommandLine(root)
                .setOut(terminal.out())
                .setErr(terminal.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(this::badArguments)
                .setExecutionExceptionHandler((e, cmd, parsed) -> failure(e, root.debug));
        return commandLine.execute(args);
    }

    Terminal terminal() {
        return terminal;
    }

    /** Creates DataMigrate with the plugins on the class path and the user's {@code --set} values. */
    DataMigrate host(Map<String, String> settings) {
        DataMigrate.Builder builder = DataMigrate.builder().settings(settings)
                .pluginClassLoader(Thread.currentThread().getContextClassLoader());
        lastMasker = builder::mask; // until the plugins say which keys are secret
        return builder.build();
    }

    private int badArguments(CommandLine.ParameterException e, String[] args) {
        terminal.message("datamigrate: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandName()
                + " --help')");
        return ExitCode.USER_ERROR;
    }

    private int failure(Exception e, boolean debug) {
        // errors from building DataMigrate come masked; later ones are masked with its settings
        UnaryOperator<String> masker = lastMasker;
        Throwable error = e;
        String message = masker == null ? String.valueOf(error.getMessage()) : masker.apply(error.getMessage());
        if (error instanceof DataMigrateException dm) {
            if (dm.kind() == ErrorKind.USER) {
                terminal.message("datamigrate: " + message);
                return ExitCode.USER_ERROR;
            }
            terminal.message("datamigrate: " + dm.errorCode() + ": " + message);
        } else {
            terminal.message("datamigrate: internal error: " + (masker == null ? error : masker.apply(error.toString())));
        }
        if (debug) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            terminal.message(masker == null ? trace.toString() : masker.apply(trace.toString()));
        } else {
            terminal.message("(run with --debug for details)");
        }
        return ExitCode.INTERNAL_ERROR;
    }

    private UnaryOperator<String> lastMasker;

    void remember(DataMigrate host) {
        this.lastMasker = host::mask;
    }
}
