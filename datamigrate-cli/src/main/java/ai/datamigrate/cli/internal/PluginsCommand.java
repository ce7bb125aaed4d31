package ai.datamigrate.cli.internal;

import ai.datamigrate.core.DataMigrateHost;
import ai.datamigrate.core.plugin.LoadedPlugin;
import ai.datamigrate.core.plugin.PluginRegistry;
import ai.datamigrate.core.plugin.PluginRegistry.Contribution;
import ai.datamigrate.spi.config.ConfigProperty;
import java.util.List;
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
        DataMigrateHost host = root.host();
        PluginRegistry registry = host.plugins();
        Terminal terminal = root.cli.terminal();
        for (LoadedPlugin plugin : registry.plugins()) {
            terminal.line(plugin.id() + " " + plugin.plugin().version() + "  (" + plugin.origin() + ")");
            if (!plugin.plugin().description().isBlank()) {
                terminal.line("    " + plugin.plugin().description());
            }
            print(terminal, "source reader", registry.sourceReaders(), plugin);
            print(terminal, "target dialect", registry.targetDialects(), plugin);
            print(terminal, "output target", registry.outputTargets(), plugin);
            print(terminal, "translator", registry.translators(), plugin);
            print(terminal, "data loader", registry.dataLoaders(), plugin);
            print(terminal, "query validator", registry.queryValidators(), plugin);
            print(terminal, "LLM provider", registry.llmProviders(), plugin);
            print(terminal, "agent", registry.agents(), plugin);
        }
        return ExitCode.OK;
    }

    private static void print(Terminal terminal, String kind, List<? extends Contribution<?>> contributions,
                              LoadedPlugin plugin) {
        for (Contribution<?> c : contributions) {
            if (c.plugin() != plugin) {
                continue;
            }
            String description = c.factory().description();
            terminal.line("    " + kind + " " + c.name() + (description.isBlank() ? "" : ": " + description));
            for (ConfigProperty property : c.factory().configSpec().properties()) {
                terminal.line("        --set " + property.key() + "=" + property.defaultValue().orElse("<value>")
                        + (property.secret() ? " (secret)" : "") + "  " + property.description());
            }
        }
    }
}
