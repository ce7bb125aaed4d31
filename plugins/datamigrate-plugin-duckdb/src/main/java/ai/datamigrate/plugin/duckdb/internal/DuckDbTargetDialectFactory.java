package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TargetDialectFactory;
import java.util.Map;

/** Creates the DuckDB dialect; it has no settings, so unknown {@code duckdb.*} keys of the dialect are rejected. */
public final class DuckDbTargetDialectFactory implements TargetDialectFactory {

    public static final String NAME = "duckdb";

    private static final ConfigSpec SPEC = ConfigSpec.empty(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "DuckDB 1.5+, embedded, no server (dbt adapter dbt-duckdb)";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public TargetDialect create(Map<String, String> config, PluginContext context) {
        SPEC.validate(config);
        return new DuckDbTargetDialect();
    }
}
