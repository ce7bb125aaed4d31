package ai.datamigrate.spi.target;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigurableFactory;
import java.util.Map;

/** Creates a target dialect, selected with {@code --target <name>}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface TargetDialectFactory extends ConfigurableFactory {
    TargetDialect create(Map<String, String> config, PluginContext context);
}
