package ai.datamigrate.cli.internal;

import ai.datamigrate.core.CoreModule;
import ai.datamigrate.core.DataMigrateHost;
import ai.datamigrate.core.config.SecretMasker;
import ai.datamigrate.core.config.Settings;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorKind;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
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

    /** Creates the host with the plugins on the class path and the user's {@code --set} values. */
    DataMigrateHost host(Map<String, String> settings) {
        try {
            fallbackMasker = new SecretMasker(Settings.of(new TreeMap<>(settings)), java.util.Set.of());
        } catch (DataMigrateException e) {
            fallbackMasker = null;
        }
        try {
            return Guice.createInjector(new CoreModule(Settings.of(new TreeMap<>(settings)),
                    Thread.currentThread().getContextClassLoader())).getInstance(DataMigrateHost.class);
        } catch (CreationException | ProvisionException e) {
            throw unwrap(e);
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataMigrateException dataMigrateException) {
                return dataMigrateException;
            }
        }
        return e;
    }

    private int badArguments(CommandLine.ParameterException e, String[] args) {
        terminal.message("datamigrate: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandName()
                + " --help')");
        return ExitCode.USER_ERROR;
    }

    private int failure(Exception e, boolean debug) {
        // before the host exists, mask at least the values of keys that look like credentials
        SecretMasker masker = lastMasker != null ? lastMasker : fallbackMasker;
        Throwable error = e instanceof RuntimeException runtime ? unwrap(runtime) : e;
        String message = masker == null ? String.valueOf(error.getMessage()) : masker.mask(error.getMessage());
        if (error instanceof DataMigrateException dm) {
            if (dm.kind() == ErrorKind.USER) {
                terminal.message("datamigrate: " + message);
                return ExitCode.USER_ERROR;
            }
            terminal.message("datamigrate: " + dm.errorCode() + ": " + message);
        } else {
            terminal.message("datamigrate: internal error: " + (masker == null ? error : masker.mask(error.toString())));
        }
        if (debug) {
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            terminal.message(masker == null ? trace.toString() : masker.mask(trace.toString()));
        } else {
            terminal.message("(run with --debug for details)");
        }
        return ExitCode.INTERNAL_ERROR;
    }

    private SecretMasker lastMasker;
    private SecretMasker fallbackMasker;

    void remember(DataMigrateHost host) {
        this.lastMasker = host.masker();
    }
}
