package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * @param input     the script, project or database to migrate
 * @param variables script variables ({@code --var})
 * @param out       the folder to write; replaced atomically
 * @param target    the target dialect's name, e.g. {@code postgres}
 * @param output    the output target's name, e.g. {@code dbt}
 * @param force     replace a non-empty folder that DataMigrate did not write
 * @param agents    how the agent pipeline runs after rule translation
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record MigrateRequest(Input input, Map<String, String> variables, Path out, String target, String output,
                             boolean force, AgentOptions agents) {
    public MigrateRequest {
        Objects.requireNonNull(input, "input");
        variables = Map.copyOf(variables);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(agents, "agents");
    }

    /** A request to migrate a file or folder. */
    public MigrateRequest(Path input, Map<String, String> variables, Path out, String target, String output,
                          boolean force, AgentOptions agents) {
        this(Input.of(input), variables, out, target, output, force, agents);
    }

    /** Rules only: no LLM, models checked by parsing. */
    public MigrateRequest(Input input, Map<String, String> variables, Path out, String target, String output,
                          boolean force) {
        this(input, variables, out, target, output, force, AgentOptions.rulesOnly());
    }

    /** Rules only, for a file or folder. */
    public MigrateRequest(Path input, Map<String, String> variables, Path out, String target, String output,
                          boolean force) {
        this(Input.of(input), variables, out, target, output, force, AgentOptions.rulesOnly());
    }

    /** This request with other agent options. */
    public MigrateRequest withAgents(AgentOptions options) {
        return new MigrateRequest(input, variables, out, target, output, force, options);
    }

    /** A request to migrate {@code input} into the folder {@code out}: PostgreSQL through dbt, rules only. */
    public static Builder builder(Path input, Path out) {
        return new Builder(Input.of(Objects.requireNonNull(input, "input")), out);
    }

    /** A request to migrate {@code input} — a path or a database URL, see {@link Input} — into {@code out}. */
    public static Builder builder(Input input, Path out) {
        return new Builder(input, out);
    }

    /** Builds a {@link MigrateRequest}; every setting has the command line's default. */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final Input input;
        private final Path out;
        private final Map<String, String> variables = new java.util.TreeMap<>();
        private String target = "postgres";
        private String output = "dbt";
        private boolean force;
        private AgentOptions agents = AgentOptions.rulesOnly();

        private Builder(Input input, Path out) {
            this.input = Objects.requireNonNull(input, "input");
            this.out = Objects.requireNonNull(out, "out");
        }

        /** A script variable, SQLCMD {@code $(name)}. */
        public Builder variable(String name, String value) {
            variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** The target dialect's name: {@code postgres} (default), {@code duckdb}, ... */
        public Builder target(String name) {
            this.target = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The output target's name: {@code dbt} (default). */
        public Builder output(String name) {
            this.output = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Replace a non-empty folder that DataMigrate did not write. */
        public Builder force(boolean replace) {
            this.force = replace;
            return this;
        }

        /** How the agent pipeline runs; default {@link AgentOptions#rulesOnly()}. */
        public Builder agents(AgentOptions options) {
            this.agents = Objects.requireNonNull(options, "options");
            return this;
        }

        public MigrateRequest build() {
            return new MigrateRequest(input, variables, out, target, output, force, agents);
        }
    }
}
