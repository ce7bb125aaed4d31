package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigurableFactory;
import java.util.Map;

/** Creates output targets, e.g. {@code dbt}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface OutputTargetFactory extends ConfigurableFactory {
    OutputTarget create(Map<String, String> config, PluginContext context);
}
