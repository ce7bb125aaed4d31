package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.load.DataLoader;
import ai.datamigrate.spi.load.DataLoaderFactory;
import java.util.List;
import java.util.Map;

/** Creates raw tables on PostgreSQL through pgjdbc; credentials from configuration or the environment. */
public final class PostgresDataLoaderFactory implements DataLoaderFactory {

    static final String USER = "postgres.user";
    static final String PASSWORD = "postgres.password";

    private static final ConfigSpec SPEC = new ConfigSpec("postgres", List.of(
            ConfigProperty.optional(USER, "user for loading; default: $DATAMIGRATE_PG_USER, else postgres"),
            ConfigProperty.secret(PASSWORD, "password for loading; default: $DATAMIGRATE_PG_PASSWORD")));

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String description() {
        return "creates raw tables in PostgreSQL (jdbc:postgresql: URLs)";
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
        String user = SPEC.value(config, USER).or(() -> env("DATAMIGRATE_PG_USER")).orElse("postgres");
        String password = SPEC.value(config, PASSWORD).or(() -> env("DATAMIGRATE_PG_PASSWORD")).orElse("");
        return new PostgresDataLoader(new PostgresTargetDialect(), user, password, context);
    }

    private static java.util.Optional<String> env(String name) {
        return java.util.Optional.ofNullable(System.getenv(name)).filter(v -> !v.isEmpty());
    }
}
