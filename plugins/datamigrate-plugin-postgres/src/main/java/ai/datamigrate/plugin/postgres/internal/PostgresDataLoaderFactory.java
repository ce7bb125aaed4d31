package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.load.DataLoader;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.support.target.RejectOptions;
import java.util.Map;
import java.util.stream.Stream;

/** Creates raw tables on PostgreSQL through pgjdbc; credentials from configuration or the environment. */
public final class PostgresDataLoaderFactory implements DataLoaderFactory {

    static final String USER = "postgres.user";
    static final String PASSWORD = "postgres.password";
    /** With {@link RejectOptions#properties}: the host passes {@code load --reject-dir} and {@code --max-rejects}. */
    private static final ConfigSpec SPEC = new ConfigSpec("postgres", Stream.concat(Stream.of(
            ConfigProperty.optional(USER, "user for loading; default: $DATAMIGRATE_PG_USER, else postgres"),
            ConfigProperty.secret(PASSWORD, "password for loading; default: $DATAMIGRATE_PG_PASSWORD")),
            RejectOptions.properties("postgres").stream()).toList());

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String description() {
        return "creates and loads raw tables in PostgreSQL with COPY (jdbc:postgresql: URLs)";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public boolean accepts(String targetUrl) {
        return targetUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public DataLoader create(Map<String, String> config, PluginContext context) {
        SPEC.validate(config);
        String user = user(SPEC, config);
        String password = password(SPEC, config);
        RejectOptions rejects = RejectOptions.of(SPEC, config);
        return new PostgresDataLoader(new PostgresTargetDialect(), user, password, context, rejects.directory(),
                rejects.maxRejects());
    }

    /** {@code postgres.user}, else {@code $DATAMIGRATE_PG_USER}, else {@code postgres}. */
    static String user(ConfigSpec spec, Map<String, String> config) {
        return spec.value(config, USER).or(() -> env("DATAMIGRATE_PG_USER")).orElse("postgres");
    }

    /** {@code postgres.password}, else {@code $DATAMIGRATE_PG_PASSWORD}, else none. */
    static String password(ConfigSpec spec, Map<String, String> config) {
        return spec.value(config, PASSWORD).or(() -> env("DATAMIGRATE_PG_PASSWORD")).orElse("");
    }

    private static java.util.Optional<String> env(String name) {
        return java.util.Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
    }
}
