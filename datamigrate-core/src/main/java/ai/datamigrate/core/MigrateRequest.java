package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * @param input     the script or project to migrate
 * @param variables script variables ({@code --var})
 * @param out       the folder to write; replaced atomically
 * @param target    the target dialect's name, e.g. {@code postgres}
 * @param output    the output target's name, e.g. {@code dbt}
 * @param force     replace a non-empty folder that DataMigrate did not write
 * @param agents    how the agent pipeline runs after rule translation
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record MigrateRequest(Path input, Map<String, String> variables, Path out, String target, String output,
                             boolean force, AgentOptions agents) {
    public MigrateRequest {
        Objects.requireNonNull(input, "input");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(agents, "agents");
    }

    /** Rules only: no LLM, models checked by parsing. */
    public MigrateRequest(Path input, Map<String, String> variables, Path out, String target, String output,
                          boolean force) {
        this(input, variables, out, target, output, force, AgentOptions.rulesOnly());
    }
}
