package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.support.target.NoSettingsDialectFactory;

/** Creates the DuckDB dialect; it has no settings, so unknown {@code duckdb.*} keys of the dialect are rejected. */
public final class DuckDbTargetDialectFactory extends NoSettingsDialectFactory {

    public static final String NAME = "duckdb";

    public DuckDbTargetDialectFactory() {
        super(NAME, "DuckDB 1.5+, embedded, no server (dbt adapter dbt-duckdb)");
    }

    @Override
    protected TargetDialect dialect() {
        return new DuckDbTargetDialect();
    }
}
