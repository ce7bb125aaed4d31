package ai.datamigrate.spi.config;

import ai.datamigrate.spi.Api;

/** What every factory a plugin contributes has in common: a name to select it by and its configuration. */
@Api(status = Api.Status.STABLE, since = "0.1")
public interface ConfigurableFactory {

    /** The name users select it by ({@code --target postgres}); {@code [a-z][a-z0-9-]*}. */
    String name();

    /** One line for {@code datamigrate plugins}. */
    default String description() {
        return "";
    }

    /** The configuration keys it understands; defaults to none under its name. */
    default ConfigSpec configSpec() {
        return ConfigSpec.empty(name());
    }
}
