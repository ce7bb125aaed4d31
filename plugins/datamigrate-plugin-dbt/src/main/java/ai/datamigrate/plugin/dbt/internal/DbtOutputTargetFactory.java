package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.output.OutputTarget;
import ai.datamigrate.spi.output.OutputTargetFactory;
import java.util.Map;

/** Creates {@link DbtProjectTarget}s from the {@code dbt.*} configuration. */
public final class DbtOutputTargetFactory implements OutputTargetFactory {

    public static final String NAME = "dbt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a dbt project (dbt-core 1.10+): sources, staging models, tests, profiles.yml.example";
    }

    @Override
    public ConfigSpec configSpec() {
        return DbtConfig.SPEC;
    }

    @Override
    public OutputTarget create(Map<String, String> config, PluginContext context) {
        return new DbtProjectTarget(DbtConfig.bind(config));
    }
}
