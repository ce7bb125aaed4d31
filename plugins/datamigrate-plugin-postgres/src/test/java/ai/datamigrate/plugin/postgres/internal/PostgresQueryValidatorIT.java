package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.validate.QueryValidatorFactory;
import ai.datamigrate.testkit.QueryValidatorContract;
import java.sql.Connection;
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
        return TestPostgres.url("the validator must be checked on PostgreSQL in CI");
    }

    @Override
    public Connection openTarget(String url) throws SQLException {
        return TestPostgres.open(url);
    }

    @Override
    public String rawSchema() {
        return "dm_contract_pg";
    }
}
