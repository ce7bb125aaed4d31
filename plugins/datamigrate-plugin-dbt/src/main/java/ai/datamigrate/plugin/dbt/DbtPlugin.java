package ai.datamigrate.plugin.dbt;

import ai.datamigrate.plugin.dbt.internal.DbtOutputTargetFactory;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.spi.output.OutputTargetFactory;
import java.util.List;

/** Writes the migrated catalog as a dbt project: contributes the {@code dbt} output target. */
@Api(status = Api.Status.STABLE, since = "0.1")
public final class DbtPlugin implements DataMigratePlugin {

    @Override
    public String id() {
        return "dbt";
    }

    @Override
    public String description() {
        return "dbt project output: sources, staging models with tests, profile template";
    }

    @Override
    public List<OutputTargetFactory> outputTargets() {
        return List.of(new DbtOutputTargetFactory());
    }
}
