package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.fail;

import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.testkit.DataLoaderContract;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** The testkit's loader contract on a real PostgreSQL ({@code DATAMIGRATE_PG_*}), which CI must provide. */
class PostgresDataLoaderContractIT implements DataLoaderContract {

    @Override
    public DataLoaderFactory factory() {
        return new PostgresDataLoaderFactory();
    }

    @Override
    public Optional<String> targetUrl() {
        String host = System.getenv("DATAMIGRATE_PG_HOST");
        if (host == null || host.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("DATAMIGRATE_PG_HOST is not set but CI=true: the loader must be checked on PostgreSQL in CI");
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
    public Map<String, String> config() {
        try {
            return Map.of("postgres.reject-dir", Files.createTempDirectory("dm-loader-contract").toString(),
                    "postgres.max-rejects", "0");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public String rawSchema() {
        return "dm_loader_contract_pg";
    }
}
