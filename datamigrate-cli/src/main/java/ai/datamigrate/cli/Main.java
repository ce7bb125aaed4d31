package ai.datamigrate.cli;

import ai.datamigrate.cli.internal.Cli;
import ai.datamigrate.cli.internal.Terminal;

/** Entry point of the {@code datamigrate} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new Cli(Terminal.system()).run(args));
    }
}
