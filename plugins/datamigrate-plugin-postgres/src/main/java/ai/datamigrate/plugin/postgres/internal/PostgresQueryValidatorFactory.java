package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.validate.QueryValidator;
import ai.datamigrate.spi.validate.QueryValidatorFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Validates generated SQL for the {@code postgres} target: Calcite parse, then execution on a live server. */
public final class PostgresQueryValidatorFactory implements QueryValidatorFactory {

    static final ErrorCode CONNECT_FAILED = new ErrorCode("PG-VALIDATE-CONNECT", ErrorKind.EXTERNAL, true);
    private static final ConfigSpec SPEC = new ConfigSpec("postgres", List.of(
            ConfigProperty.optional(PostgresDataLoaderFactory.USER,
                    "user for loading; default: $DATAMIGRATE_PG_USER, else postgres"),
            ConfigProperty.secret(PostgresDataLoaderFactory.PASSWORD,
                    "password for loading; default: $DATAMIGRATE_PG_PASSWORD")));

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public String description() {
        return "parses with Calcite, executes in a rolled-back read-only transaction";
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
    public QueryValidator create(Optional<String> targetUrl, String rawSchema, Map<String, String> config,
                                 PluginContext context) {
        SPEC.validate(config);
        if (targetUrl.isEmpty()) {
            return new PostgresQueryValidator(Optional.empty(), rawSchema, context);
        }
        String user = PostgresDataLoaderFactory.user(SPEC, config);
        Properties properties = PostgresDataLoader.connectionProperties(user,
                PostgresDataLoaderFactory.password(SPEC, config), "datamigrate-validate");
        properties.setProperty("preferQueryMode", "extended");
        try {
            Connection connection = DriverManager.getConnection(targetUrl.get(), properties);
            return new PostgresQueryValidator(Optional.of(connection), rawSchema, context);
        } catch (SQLException e) {
            throw new DataMigrateException(CONNECT_FAILED, "could not connect to "
                    + context.maskSecrets(targetUrl.get()) + " as " + user + ": "
                    + context.maskSecrets(String.valueOf(e.getMessage())), e);
        }
    }
}
