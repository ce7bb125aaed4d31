package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.testkit.DataLoaderContract;
import java.nio.file.Files;
import java.sql.Connection;
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
        return TestPostgres.url("the loader must be checked on PostgreSQL in CI");
    }

    @Override
    public Connection openTarget(String url) throws SQLException {
        return TestPostgres.open(url);
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
