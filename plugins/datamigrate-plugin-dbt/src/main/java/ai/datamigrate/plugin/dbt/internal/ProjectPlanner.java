package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ColumnPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ModelPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.SourcePlan;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Function;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.Trigger;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.target.TypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Decides the names of everything a project holds, and reports what it had to rename or cannot represent. */
final class ProjectPlanner {

    static final String NAME_COLLISION = "DBT-NAME-COLLISION";
    static final String NAME_TRUNCATED = "DBT-NAME-TRUNCATED";
    static final String NAME_TOO_LONG = "DBT-NAME-TOO-LONG";
    static final String LOSSY_TYPE = "DBT-LOSSY-TYPE";
    static final String COMPUTED_COLUMN = "DBT-COMPUTED-COLUMN";
    static final String EMPTY_TABLE = "DBT-TABLE-WITHOUT-COLUMNS";
    static final String NOT_GENERATED = "DBT-OBJECT-NOT-GENERATED";

    private static final String DEFAULT_SCHEMA = "dbo";

    private final DbtConfig config;
    private final TargetDialect dialect;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    /** dbt names models and snapshots in one project-wide namespace. */
    private final UniqueNames<Object> modelNames;

    private ProjectPlanner(DbtConfig config, TargetDialect dialect) {
        this.config = config;
        this.dialect = dialect;
        this.modelNames = new UniqueNames<>(dialect.maxIdentifierLength());
    }

    /** A name that fits the target, cut at a word boundary where one is near, so that it still reads well. */
    private String shorten(String name) {
        return shorten(name, dialect.maxIdentifierLength());
    }

    static String shorten(String name, int max) {
        if (name.length() <= max) {
            return name;
        }
        int cut = name.lastIndexOf('_', max);
        String cutName = cut > max - 16 ? name.substring(0, cut) : name.substring(0, max);
        return cutName.replaceAll("_+$", "");
    }

    static ProjectPlan plan(Database database, DbtConfig config, TargetDialect dialect) {
        return plan(database, List.of(), config, dialect);
    }

    /** The plan for the catalog and the views, functions and procedures translated from it. */
    static ProjectPlan plan(Database database, List<TranslatedModel> models, DbtConfig config,
                            TargetDialect dialect) {
        return new ProjectPlanner(config, dialect).plan(database, models);
    }

    /** A dbt name for the database: snake_case, never empty, never starting with a digit. */
    static String databaseName(String name) {
        String snake = SnakeCase.of(name);
        if (snake.isEmpty()) {
            return "datamigrate";
        }
        return Character.isDigit(snake.charAt(0)) ? "db_" + snake : snake;
    }

    private ProjectPlan plan(Database database, List<TranslatedModel> translatedModels) {
        String databaseName = databaseName(database.name());
        String projectName = config.projectName().orElse(databaseName);
        String profileName = config.profileName().orElse(projectName);
        List<SourcePlan> sources = new ArrayList<>();
        UniqueNames<String> sourceNames = new UniqueNames<>(Integer.MAX_VALUE);
        Map<String, String> sourceNameBySchema = new HashMap<>();
        Set<String> translatedNames = new HashSet<>();
        translatedModels.forEach(m -> translatedNames.add(TranslatedModelPlanner.key(m.object())));
        for (Schema schema : database.schemas()) {
            reportNotGenerated(schema, translatedNames);
            if (schema.tables().isEmpty()) {
                continue;
            }
            String sourceName = sourceNames.allocate(databaseName + schemaPart(schema.name()),
                    schema.name().toLowerCase(Locale.ROOT)).name();
            sourceNameBySchema.put(schema.name().toLowerCase(Locale.ROOT), sourceName);
            sources.add(new SourcePlan(sourceName, config.rawSchema() + schemaPart(schema.name()), schema,
                    models(sourceName, schema)));
        }
        for (SourcePlan source : sources) {
            for (ModelPlan model : source.models()) {
                if (TableTraits.temporal(model.table()).isPresent()) {
                    modelNames.allocate(DbtProjectTarget.snapshotName(model), model); // snapshots share the namespace
                }
            }
        }
        // Schemas with only views or routines have no dbt source, but their models still need a folder name;
        // named after the schemas with tables, so that adding a view never renames a source.
        java.util.function.Function<String, String> sourceNameOf = schemaName -> sourceNameBySchema.computeIfAbsent(
                schemaName.toLowerCase(Locale.ROOT), key -> sourceNames.allocate(databaseName
                        + schemaPart(schemaName), key).name());
        List<ProjectPlan.TranslatedPlan> translated = new TranslatedModelPlanner(database, dialect, sources,
                modelNames, sourceNameOf, diagnostics).plan(translatedModels.stream()
                .filter(m -> !TranslatedMacros.isMacro(m)).toList());
        List<TranslatedMacros.MacroPlan> macros = TranslatedMacros.plan(database, translatedModels, diagnostics);
        diagnostics.sort(null);
        return new ProjectPlan(databaseName, projectName, profileName, sources, translated, macros, diagnostics);
    }

    /** The part of a source's name (and raw schema's) that says which SQL Server schema it is; none for dbo. */
    private static String schemaPart(String schemaName) {
        return schemaName.equalsIgnoreCase(DEFAULT_SCHEMA) ? "" : "_" + orElse(SnakeCase.of(schemaName), "schema");
    }

    private List<ModelPlan> models(String sourceName, Schema schema) {
        UniqueNames<Table> tableNames = new UniqueNames<>(Integer.MAX_VALUE);
        List<ModelPlan> models = new ArrayList<>();
        for (Table table : schema.tables()) {
            if (table.columns().isEmpty()) {
                diagnostics.add(Diagnostic.warning(EMPTY_TABLE, table.location(),
                        "table has no columns; no staging model generated").withObject(table.name().toString()));
                continue;
            }
            UniqueNames.Allocation<Table> tableName = tableNames.allocate(
                    orElse(SnakeCase.of(table.name().name()), "table"), table);
            tableName.collidedWith().ifPresent(other -> diagnostics.add(Diagnostic.warning(NAME_COLLISION,
                    table.location(), "tables " + other.name() + " (" + other.location() + ") and " + table.name()
                            + " have the same snake_case name; this one is named " + tableName.name())
                    .withObject(table.name().toString())));
            String wanted = "stg_" + sourceName + "__" + tableName.name();
            String modelName = modelNames.allocate(shorten(wanted), table).name();
            if (!modelName.equals(wanted)) {
                // dbt refuses relation names the database would cut, so the model gets a shorter name.
                diagnostics.add(Diagnostic.warning(NAME_TOO_LONG, table.location(), "model name " + wanted
                        + " is longer than the target's " + dialect.maxIdentifierLength()
                        + " characters; the model is named " + modelName).withObject(table.name().toString()));
            }
            models.add(new ModelPlan(table, sourceName, tableName.name(), modelName, columns(table)));
        }
        return models;
    }

    private List<ColumnPlan> columns(Table table) {
        UniqueNames<Column> names = new UniqueNames<>(dialect.maxIdentifierLength());
        List<ColumnPlan> columns = new ArrayList<>();
        String object = table.name().toString();
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            String wanted = config.naming() == DbtConfig.Naming.SNAKE
                    ? orElse(SnakeCase.of(column.name()), "column_" + (i + 1)) : column.name();
            UniqueNames.Allocation<Column> name = names.allocate(wanted, column);
            name.collidedWith().ifPresent(other -> diagnostics.add(Diagnostic.warning(NAME_COLLISION,
                    column.location(), "columns '" + other.name() + "' (" + other.location() + ") and '"
                            + column.name() + "' (" + column.location() + ") both become '" + wanted
                            + "'; '" + column.name() + "' is named '" + name.name() + "'").withObject(object)));
            if (name.truncated()) {
                diagnostics.add(Diagnostic.warning(NAME_TRUNCATED, column.location(), "column '" + column.name()
                        + "' is named '" + name.name() + "': the target keeps " + dialect.maxIdentifierLength()
                        + " characters").withObject(object));
            }
            TypeMapping mapping = dialect.mapType(column.type());
            if (!mapping.exact()) {
                diagnostics.add(Diagnostic.warning(LOSSY_TYPE, column.location(), "column '" + column.name()
                        + "' " + column.type().sql() + " becomes " + mapping.targetType() + ": "
                        + mapping.note().orElse("the target type may not hold every value")).withObject(object));
            }
            if (column.computedExpression().isPresent()) {
                diagnostics.add(Diagnostic.info(COMPUTED_COLUMN, column.location(), "computed column '"
                        + column.name() + "' is staged as a plain column holding the loaded values")
                        .withObject(object));
            }
            columns.add(new ColumnPlan(column, name.name(), mapping));
        }
        return columns;
    }

    private void reportNotGenerated(Schema schema, Set<String> translated) {
        // Views and routines the translator did not translate: the user must know that their logic is missing
        // from the project, so it is a warning (needs review), not an info. Translated ones that cannot be
        // placed get their own diagnostics from the TranslatedModelPlanner.
        schema.objects().filter(ProjectPlanner::isCode)
                .filter(o -> !translated.contains(TranslatedModelPlanner.key(o.name())))
                .forEach(o -> diagnostics.add(Diagnostic.warning(NOT_GENERATED, o.location(), o.kind()
                        + " is not migrated: its T-SQL was not translated (no model generated)")
                        .withObject(o.name().toString())));
    }

    private static boolean isCode(CatalogObject object) {
        return object instanceof View || object instanceof Procedure || object instanceof Function
                || object instanceof Trigger;
    }

    private static String orElse(String name, String fallback) {
        return name.isEmpty() ? fallback : name;
    }

    static Optional<String> nonBlank(Optional<String> text) {
        return text.filter(t -> !t.isBlank());
    }
}
