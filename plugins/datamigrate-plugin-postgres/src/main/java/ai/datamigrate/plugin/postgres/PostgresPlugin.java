package ai.datamigrate.plugin.postgres;

import ai.datamigrate.plugin.postgres.internal.PostgresDataLoaderFactory;
import ai.datamigrate.plugin.postgres.internal.PostgresTargetDialectFactory;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.spi.target.TargetDialectFactory;
import java.util.List;

/** Lets generated code target PostgreSQL: contributes the {@code postgres} target dialect. */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class PostgresPlugin implements DataMigratePlugin {

    @Override
    public String id() {
        return "postgres";
    }

    @Override
    public String description() {
        return "PostgreSQL target: SQL Server type mapping, identifier quoting, dbt-postgres connection profile, raw-table loader";
    }

    @Override
    public List<TargetDialectFactory> targetDialects() {
        return List.of(new PostgresTargetDialectFactory());
    }

    @Override
    public List<DataLoaderFactory> dataLoaders() {
        return List.of(new PostgresDataLoaderFactory());
    }

    @Override
    public List<ai.datamigrate.spi.validate.QueryValidatorFactory> queryValidators() {
        return List.of(new ai.datamigrate.plugin.postgres.internal.PostgresQueryValidatorFactory());
    }
}
