package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TargetDialectFactory;
import java.util.Map;

/** Creates the PostgreSQL dialect; it has no settings yet, so unknown {@code postgres.*} keys are rejected. */
public final class PostgresTargetDialectFactory implements TargetDialectFactory {

    public static final String NAME = "postgres";

    private static final ConfigSpec SPEC = ConfigSpec.empty(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "PostgreSQL 13+ (dbt adapter dbt-postgres)";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public TargetDialect create(Map<String, String> config, PluginContext context) {
        // The host validates too; doing it here keeps programmatic callers honest.
        SPEC.validate(config);
        return new PostgresTargetDialect();
    }
}
