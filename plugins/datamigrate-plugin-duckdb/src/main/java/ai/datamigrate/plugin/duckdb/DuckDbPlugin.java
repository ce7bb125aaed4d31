package ai.datamigrate.plugin.duckdb;

import ai.datamigrate.plugin.duckdb.internal.DuckDbDataLoaderFactory;
import ai.datamigrate.plugin.duckdb.internal.DuckDbQueryValidatorFactory;
import ai.datamigrate.plugin.duckdb.internal.DuckDbTargetDialectFactory;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.load.DataLoaderFactory;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.target.TargetDialectFactory;
import ai.datamigrate.spi.validate.QueryValidatorFactory;
import java.util.List;

/**
 * Lets generated code target DuckDB: contributes the {@code duckdb} target dialect ({@code migrate --target duckdb})
 * a loader for {@code jdbc:duckdb:} URLs, DuckDB's embedded engine writing a local database file, and a query
 * validator that executes generated models on that file ({@code validate --target-url jdbc:duckdb:FILE}).
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class DuckDbPlugin implements DataMigratePlugin {

    @Override
    public String id() {
        return "duckdb";
    }

    @Override
    public String description() {
        return "DuckDB target: SQL Server type mapping, rendering through Calcite, dbt-duckdb connection profile, "
                + "raw-table loader into a DuckDB file, query validator on that file";
    }

    @Override
    public List<TargetDialectFactory> targetDialects() {
        return List.of(new DuckDbTargetDialectFactory());
    }

    @Override
    public List<DataLoaderFactory> dataLoaders() {
        return List.of(new DuckDbDataLoaderFactory());
    }

    @Override
    public List<QueryValidatorFactory> queryValidators() {
        return List.of(new DuckDbQueryValidatorFactory());
    }
}
