package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigurableFactory;
import java.util.Map;

/** Creates loaders for the targets whose URL it accepts. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface DataLoaderFactory extends ConfigurableFactory {

    /** Whether this loader handles the URL, e.g. one starting with {@code jdbc:postgresql:}. */
    boolean accepts(String targetUrl);

    DataLoader create(Map<String, String> config, PluginContext context);
}
