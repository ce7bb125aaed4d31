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
    /** {@code preserve}, {@code ci} or {@code cs}: see {@link SemanticLint.Collation} and docs/migration-report.md. */
    public static final String COLLATION = NAME + ".collation";
    public static final String VALIDATE = NAME + ".validate";
    /**
     * What a procedure's or inline function's parameters become: {@code var} (a dbt var with the declared default)
     * or {@code review} (the routine is left for review, and for the LLM agent when one is configured).
     */
    public static final String PARAMETERS = NAME + ".parameters";
    private static final ConfigSpec SPEC = new ConfigSpec(NAME, List.of(ConfigProperty.of(COLLATION,
            "string comparisons: preserve (SQL unchanged, case differences reported), ci (rendered case-insensitively "
                    + "like SQL Server's default collations) or cs (the source's default collation is case-sensitive)",
            "preserve"), ConfigProperty.of(VALIDATE, "true: check every translated query with Calcite's validator "
            + "against a schema built from the catalog (every reference must resolve)", "false"),
            ConfigProperty.of(PARAMETERS, "what routine parameters become: var (a run-time variable with the declared"
                    + " default) or review (the routine is left for review)", "var")));

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
        String collation = SPEC.choice(config, COLLATION, Set.of("preserve", "ci", "cs"));
        boolean validate = Boolean.parseBoolean(SPEC.choice(config, VALIDATE, Set.of("true", "false")));
        boolean parameters = SPEC.choice(config, PARAMETERS, Set.of("var", "review")).equals("var");
        return new MssqlTranslator(SemanticLint.Collation.of(collation), validate, parameters);
    }
}
