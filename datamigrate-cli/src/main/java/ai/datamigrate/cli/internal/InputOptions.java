package ai.datamigrate.cli.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every command that reads a source takes: the input and its script variables (a picocli mixin). */
final class InputOptions {

    @Parameters(index = "0", paramLabel = "INPUT",
            description = "A T-SQL script (.sql), a folder of scripts, or an SSDT project (folder or .sqlproj).")
    Path input;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A script variable, e.g. SQLCMD $(NAME).")
    Map<String, String> variables = new LinkedHashMap<>();
}
