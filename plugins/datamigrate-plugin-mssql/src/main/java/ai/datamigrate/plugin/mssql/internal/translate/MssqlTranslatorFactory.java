package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.translate.Translator;
import ai.datamigrate.spi.translate.TranslatorFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rule-based translation of T-SQL views, inline functions and set-based procedures, rendered through Calcite. */
public final class MssqlTranslatorFactory implements TranslatorFactory {

    public static final String NAME = "mssql";
    /**
     * What a procedure's or inline function's parameters become: {@code var} (a dbt var with the declared default)
     * or {@code review} (the routine is left for review, and for the LLM agent when one is configured).
     */
    public static final String PARAMETERS = NAME + ".parameters";
    private static final ConfigSpec SPEC = new ConfigSpec(NAME, List.of(ConfigProperty.of(PARAMETERS,
            "what routine parameters become: var (a run-time variable with the declared default) or review (the"
                    + " routine is left for review)", "var")));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "T-SQL views, inline table-valued functions and set-based procedures to target SQL, by rules on"
                + " syntax trees";
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
        return new MssqlTranslator(SPEC.choice(config, PARAMETERS, Set.of("var", "review")).equals("var"));
    }
}
