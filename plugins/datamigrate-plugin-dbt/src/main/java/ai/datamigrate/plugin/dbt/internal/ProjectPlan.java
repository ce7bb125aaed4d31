package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TypeMapping;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every naming decision of one generated project, made once so that files that refer to each other (models,
 * their tests, relationships between them) agree.
 *
 * @param translated the translated views, functions and procedures that become models, in dependency order
 *                   (every model after the models it reads); those that cannot be placed are only in
 *                   {@code diagnostics}
 * @param macros     the scalar functions that become macros, in name order
 */
record ProjectPlan(String databaseName, String projectName, String profileName, List<SourcePlan> sources,
                   List<TranslatedPlan> translated, List<TranslatedMacros.MacroPlan> macros,
                   List<Diagnostic> diagnostics, Map<String, ModelPlan> modelIndex) {

    /** @param modelIndex the staging models by {@link #key} of their table: lookups per foreign key and per
     *                    table would otherwise scan every model (quadratic on catalogs of thousands of tables) */
    ProjectPlan {
        sources = List.copyOf(sources);
        translated = List.copyOf(translated);
        macros = List.copyOf(macros);
        diagnostics = List.copyOf(diagnostics);
        modelIndex = Map.copyOf(modelIndex);
    }

    ProjectPlan(String databaseName, String projectName, String profileName, List<SourcePlan> sources,
                List<TranslatedPlan> translated, List<TranslatedMacros.MacroPlan> macros,
                List<Diagnostic> diagnostics) {
        this(databaseName, projectName, profileName, sources, translated, macros, diagnostics, index(sources));
    }

    /** SQL Server compares names case-insensitively ({@link ObjectName#matches}); the first model of a name wins. */
    private static Map<String, ModelPlan> index(List<SourcePlan> sources) {
        Map<String, ModelPlan> index = new HashMap<>();
        sources.forEach(s -> s.models().forEach(m -> index.putIfAbsent(key(m.table().name()), m)));
        return index;
    }

    private static String key(ObjectName name) {
        return name.schema().toLowerCase(Locale.ROOT) + "\u0000" + name.name().toLowerCase(Locale.ROOT);
    }

    /** One dbt source per SQL Server schema that has tables. */
    record SourcePlan(String name, String rawSchema, Schema schema, List<ModelPlan> models) {
        SourcePlan {
            models = List.copyOf(models);
        }

        String folder() {
            return "models/staging/" + name + "/";
        }
    }

    /**
     * @param tableName the source table's dbt name (snake_case, unique in its source)
     * @param modelName {@code stg_<source>__<tableName>}
     */
    record ModelPlan(Table table, String sourceName, String tableName, String modelName, List<ColumnPlan> columns) {
        ModelPlan {
            columns = List.copyOf(columns);
        }

        Optional<ColumnPlan> column(String sourceColumnName) {
            return columns.stream().filter(c -> c.column().name().equalsIgnoreCase(sourceColumnName)).findFirst();
        }
    }

    /** @param outputName the column's name in the staging model, unquoted */
    record ColumnPlan(Column column, String outputName, TypeMapping mapping) {
    }

    /** Where a translated model goes: dbt's layers above staging. */
    enum Layer {
        /** Read by other translated models: a building block, named {@code int_<source>__<name>}. */
        INTERMEDIATE("intermediate"),
        /** Read by no other translated model: what people query, named after the object. */
        MARTS("marts");

        private final String folder;

        Layer(String folder) {
            this.folder = folder;
        }

        String folder() {
            return folder;
        }
    }

    /**
     * A translated view, function or procedure placed as a model.
     *
     * <p><b>The column-name contract between the translator and this target.</b> Translated SQL names the
     * columns of the tables it reads exactly as the catalog spells them ({@link Column#name()}, quoted as the
     * target needs), and the columns of the translated models it reads as those models' {@code columns} name
     * them: the translator never needs to know how staging renamed anything. This target reads every relation
     * through an import CTE at the top of the model and substitutes the CTE's name for the placeholder. For a
     * table read through its staging model ({@code dbt.reference-tables=ref}) the CTE selects the staging
     * columns under their catalog names ({@code customer_id as "CustomerID"}), so the SQL gets the typed,
     * tested staging data under the names it was written against, whatever {@code dbt.naming} chose; with
     * {@code source} the raw table already has the catalog names. The model's own output columns are
     * the translator's (a migrated view keeps its column names, which its consumers use).
     *
     * @param model      what the translator produced
     * @param object     the catalog object it was translated from, when the catalog has it
     * @param sourceName the dbt source name of the object's schema (also for schemas without tables)
     * @param modelName  the dbt model name, unique in the project
     * @param imports    the relations the SQL reads, one import CTE each, in order of first appearance
     * @param finalName  the name of the CTE that holds the translated SQL, distinct from every word in it
     */
    record TranslatedPlan(TranslatedModel model, Optional<CatalogObject> object, Layer layer, String sourceName,
                          String modelName, List<Import> imports, String finalName) {
        TranslatedPlan {
            imports = List.copyOf(imports);
        }

        String folder() {
            return "models/" + layer.folder() + "/" + sourceName + "/";
        }

        String sqlFile() {
            return folder() + modelName + ".sql";
        }

        String yamlFile() {
            return folder() + "_" + sourceName + "__models.yml";
        }
    }

    /**
     * A relation a translated model reads, as an import CTE.
     *
     * @param cteName      the CTE's name as written in SQL (quoted when it has to be), distinct from every word of
     *                     the translated SQL so that nothing in it can shadow or be shadowed by the import
     * @param placeholders the translator's placeholders that stand for this relation
     */
    record Import(String cteName, List<String> placeholders, Upstream upstream) {
        Import {
            placeholders = List.copyOf(placeholders);
        }
    }

    /** What an import reads. */
    sealed interface Upstream permits StagedTable, UpstreamModel {
    }

    /** A table: its staging model, or its source table with {@code dbt.reference-tables=source}. */
    record StagedTable(ModelPlan table) implements Upstream {
    }

    /** Another translated model. */
    record UpstreamModel(String modelName) implements Upstream {
    }

    Optional<ModelPlan> model(ObjectName table) {
        return Optional.ofNullable(modelIndex.get(key(table)));
    }
}
