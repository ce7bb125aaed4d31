package ai.datamigrate.spi.source;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigurableFactory;
import java.util.Map;

/** Creates readers for one source dialect, e.g. {@code mssql}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface SourceReaderFactory extends ConfigurableFactory {

    /** Whether this reader understands the input; the host asks every reader and picks the one that says yes. */
    boolean accepts(SourceInput input);

    /** @param config the keys of this factory's namespace, already checked against {@link #configSpec()} */
    SourceReader create(Map<String, String> config, PluginContext context);
}
