package ai.datamigrate.cli.internal;

import ai.datamigrate.core.PluginInfo;
import ai.datamigrate.spi.config.ConfigProperty;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "Lists the plugins found, their versions and what each provides.")
final class PluginsCommand implements Callable<Integer> {

    @ParentCommand
    RootCommand root;

    @Override
    public Integer call() {
        Terminal terminal = root.cli.terminal();
        for (PluginInfo plugin : root.host().plugins()) {
            terminal.line(plugin.id() + " " + plugin.version() + "  (" + plugin.origin() + ")");
            if (!plugin.description().isBlank()) {
                terminal.line("    " + plugin.description());
            }
            for (PluginInfo.Service service : plugin.services()) {
                terminal.line("    " + service.kind().label() + " " + service.name()
                        + (service.description().isBlank() ? "" : ": " + service.description()));
                for (ConfigProperty property : service.config()) {
                    terminal.line("        --set " + property.key() + "=" + property.defaultValue().orElse("<value>")
                            + (property.secret() ? " (secret)" : "") + "  " + property.description());
                }
            }
        }
        return ExitCode.OK;
    }
}
