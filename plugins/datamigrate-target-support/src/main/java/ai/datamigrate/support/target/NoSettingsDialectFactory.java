package ai.datamigrate.support.target;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TargetDialectFactory;
import java.util.Map;

/** The factory of a target dialect that has no settings: unknown {@code <name>.*} keys are rejected. */
public abstract class NoSettingsDialectFactory implements TargetDialectFactory {

    private final String name;
    private final String description;
    private final ConfigSpec spec;

    protected NoSettingsDialectFactory(String name, String description) {
        this.name = name;
        this.description = description;
        this.spec = ConfigSpec.empty(name);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ConfigSpec configSpec() {
        return spec;
    }

    @Override
    public final TargetDialect create(Map<String, String> config, PluginContext context) {
        // The host validates too; doing it here keeps programmatic callers honest.
        spec.validate(config);
        return dialect();
    }

    /** A new dialect. */
    protected abstract TargetDialect dialect();
}
