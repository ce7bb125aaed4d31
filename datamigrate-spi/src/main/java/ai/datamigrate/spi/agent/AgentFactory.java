package ai.datamigrate.spi.agent;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigurableFactory;
import java.util.Map;

/**
 * Contributes an agent to every run. Where it runs is {@link #placement()} unless the user's configuration
 * {@code <namespace>.placement} (declared by the factory) says otherwise, e.g. {@code after:model-generation}.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface AgentFactory extends ConfigurableFactory {

    /** {@code before:<agent-id>} or {@code after:<agent-id>}; by default after validation, the last built-in. */
    default String placement() {
        return "after:validation";
    }

    Agent create(Map<String, String> config, PluginContext context);
}
