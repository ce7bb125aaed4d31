package ai.datamigrate.cli.internal;

import ai.datamigrate.core.DataMigrate;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

@Command(name = "datamigrate", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Migrates Microsoft SQL Server databases into dbt projects.",
        subcommands = {PluginsCommand.class, InspectCommand.class, MigrateCommand.class, LoadCommand.class,
                ValidateCommand.class,
                AssessCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 completed with objects needing review, 2 user error, 3 internal error."})
final class RootCommand implements Runnable {

    final Cli cli;

    // inherited: accepted before the command (datamigrate --set k=v migrate ...) and after it, as users write both
    @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
            description = "Plugin configuration, e.g. --set dbt.naming=preserve")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of internal errors.")
    boolean debug;

    RootCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "missing command: plugins, inspect, migrate, assess, load or validate");
    }

    DataMigrate host() {
        DataMigrate host = cli.host(settings);
        cli.remember(host);
        return host;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"datamigrate " + DataMigrate.version()};
        }
    }
}
