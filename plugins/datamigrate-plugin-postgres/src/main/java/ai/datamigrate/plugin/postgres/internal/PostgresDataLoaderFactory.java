package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.load.DataLoader;
import ai.datamigrate.spi.load.DataLoaderFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Creates raw tables on PostgreSQL through pgjdbc; credentials from configuration or the environment. */
public final class PostgresDataLoaderFactory implements DataLoaderFactory {

    static final String USER = "postgres.user";
    static final String PASSWORD = "postgres.password";
    /** Read by the host too: it passes {@code load --reject-dir} and {@code --max-rejects} under these keys. */
    static final String REJECT_DIR = "postgres.reject-dir";
    static final String MAX_REJECTS = "postgres.max-rejects";
    static final String DEFAULT_REJECT_DIR = "datamigrate-rejects";

    private static final ConfigSpec SPEC = new ConfigSpec("postgres", List.of(
            ConfigProperty.optional(USER, "user for loading; default: $DATAMIGRATE_PG_USER, else postgres"),
            ConfigProperty.secret(PASSWORD, "password for loading; default: $DATAMIGRATE_PG_PASSWORD"),
            ConfigProperty.of(REJECT_DIR, "folder for <schema>.<table>.rejects.tsv files (load --reject-dir)",
                    DEFAULT_REJECT_DIR),
            ConfigProperty.of(MAX_REJECTS, "rejected rows a table may have and still load (load --max-rejects)",
                    "0")));

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
        String maxRejects = SPEC.value(config, MAX_REJECTS).orElseThrow();
        long max;
        try {
            max = Long.parseLong(maxRejects.strip());
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 0) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid value '" + maxRejects + "' for '"
                    + MAX_REJECTS + "'; expected a whole number, 0 or more");
        }
        return new PostgresDataLoader(new PostgresTargetDialect(), user, password, context,
                Path.of(SPEC.value(config, REJECT_DIR).orElseThrow()), max);
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
