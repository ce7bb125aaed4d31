package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.fail;

import ai.datamigrate.spi.validate.QueryValidatorFactory;
import ai.datamigrate.testkit.QueryValidatorContract;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The testkit's validator contract on a real PostgreSQL ({@code DATAMIGRATE_PG_*}): the parse checks always, the
 * execution checks when a server is configured, which CI ({@code CI=true}) must do.
 */
class PostgresQueryValidatorIT implements QueryValidatorContract {

    @Override
    public QueryValidatorFactory factory() {
        return new PostgresQueryValidatorFactory();
    }

    @Override
    public Optional<String> targetUrl() {
        String host = System.getenv("DATAMIGRATE_PG_HOST");
        if (host == null || host.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("DATAMIGRATE_PG_HOST is not set but CI=true: the validator must be checked on PostgreSQL in CI");
            }
            return Optional.empty();
        }
        return Optional.of("jdbc:postgresql://" + host + ":" + System.getenv().getOrDefault("DATAMIGRATE_PG_PORT",
                "5432") + "/" + System.getenv().getOrDefault("DATAMIGRATE_PG_DATABASE", "postgres"));
    }

    @Override
    public Connection openTarget(String url) throws SQLException {
        return DriverManager.getConnection(url, System.getenv().getOrDefault("DATAMIGRATE_PG_USER", "postgres"),
                System.getenv().getOrDefault("DATAMIGRATE_PG_PASSWORD", ""));
    }

    @Override
    public String rawSchema() {
        return "dm_contract_pg";
    }
}
