package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.translate.Translator;
import ai.datamigrate.spi.translate.TranslatorFactory;
import java.util.Map;
import java.util.Set;

/** Rule-based translation of T-SQL views and parameterless inline functions, rendered through Calcite. */
public final class MssqlTranslatorFactory implements TranslatorFactory {

    public static final String NAME = "mssql";
    private static final ConfigSpec SPEC = ConfigSpec.empty(NAME);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "T-SQL views and inline table-valued functions to target SQL, by rules on syntax trees";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public Set<String> sourceReaders() {
        return Set.of("mssql", "mssql-live");
    }

    @Override
    public Translator create(Map<String, String> config, PluginContext context) {
        SPEC.validate(config);
        return new MssqlTranslator();
    }
}
