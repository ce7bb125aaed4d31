package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.support.target.NoSettingsDialectFactory;

/** Creates the PostgreSQL dialect; it has no settings yet, so unknown {@code postgres.*} keys are rejected. */
public final class PostgresTargetDialectFactory extends NoSettingsDialectFactory {

    public static final String NAME = "postgres";

    public PostgresTargetDialectFactory() {
        super(NAME, "PostgreSQL 13+ (dbt adapter dbt-postgres)");
    }

    @Override
    protected TargetDialect dialect() {
        return new PostgresTargetDialect();
    }
}
