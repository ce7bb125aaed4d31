package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.translate.Translator;
import ai.datamigrate.spi.translate.TranslatorFactory;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rule-based translation of T-SQL views and parameterless inline functions, rendered through Calcite. */
public final class MssqlTranslatorFactory implements TranslatorFactory {

    public static final String NAME = "mssql";
    /** {@code preserve}, {@code ci} or {@code cs}: see {@link SemanticLint.Collation} and docs/migration-report.md. */
    public static final String COLLATION = NAME + ".collation";
    public static final String VALIDATE = NAME + ".validate";
    private static final ConfigSpec SPEC = new ConfigSpec(NAME, List.of(ConfigProperty.of(COLLATION,
            "string comparisons: preserve (SQL unchanged, case differences reported), ci (rendered case-insensitively "
                    + "like SQL Server's default collations) or cs (the source's default collation is case-sensitive)",
            "preserve"), ConfigProperty.of(VALIDATE, "true: check every translated query with Calcite's validator "
            + "against a schema built from the catalog (every reference must resolve)", "false")));

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
        String collation = SPEC.choice(config, COLLATION, Set.of("preserve", "ci", "cs"));
        boolean validate = Boolean.parseBoolean(SPEC.choice(config, VALIDATE, Set.of("true", "false")));
        return new MssqlTranslator(SemanticLint.Collation.of(collation), validate);
    }
}
