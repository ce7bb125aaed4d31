package ai.datamigrate.spi.validate;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigurableFactory;
import java.util.Map;
import java.util.Optional;

/** Creates validators for the target dialect of the same name. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface QueryValidatorFactory extends ConfigurableFactory {

    /** Whether it can execute on this URL, e.g. one starting with {@code jdbc:postgresql:}. */
    boolean accepts(String targetUrl);

    /**
     * A validator that parses only when {@code targetUrl} is empty, and also executes when it is given.
     *
     * @param rawSchema the schema of the raw tables on the target
     */
    QueryValidator create(Optional<String> targetUrl, String rawSchema, Map<String, String> config,
                          PluginContext context);
}
