package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ColumnPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ModelPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.SourcePlan;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.IndexColumn;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.UniqueConstraint;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.GeneratedFile;
import ai.datamigrate.spi.output.OutputRequest;
import ai.datamigrate.spi.output.OutputResult;
import ai.datamigrate.spi.output.OutputTarget;
import ai.datamigrate.spi.target.ConnectionProfile;
import ai.datamigrate.spi.target.ProfileField;
import ai.datamigrate.spi.target.TargetDialect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Writes a catalog as a dbt project: one source per SQL Server schema over the raw tables the loader created,
 * one staging view per table that renames and casts its columns, and dbt tests for the table's constraints.
 */
public final class DbtProjectTarget implements OutputTarget {

    static final String COMPOSITE_FK_UNTESTED = "DBT-COMPOSITE-FK-UNTESTED";
    static final String FK_TARGET_MISSING = "DBT-FK-TARGET-MISSING";
    static final String UNIQUE_COMBINATION_TEST = "unique_combination_of_columns";
    /** The {@code arguments:} nesting of generic test inputs exists since dbt-core 1.10.5. */
    static final List<String> REQUIRED_DBT_VERSION = List.of(">=1.10.5", "<2.0.0");

    private final DbtConfig config;

    public DbtProjectTarget(DbtConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public DbtConfig config() {
        return config;
    }

    @Override
    public OutputResult generate(OutputRequest request) {
        TargetDialect dialect = request.dialect();
        ProjectPlan plan = ProjectPlanner.plan(request.database(), config, dialect);
        List<Diagnostic> diagnostics = new ArrayList<>(plan.diagnostics());
        Map<String, String> files = new TreeMap<>();
        files.put("dbt_project.yml", projectYaml(plan));
        files.put("profiles.yml.example", profilesYaml(plan, dialect.connectionProfile()));
        files.put("README.md", readme(plan, request, dialect.connectionProfile()));
        files.put(".gitignore", "target/\ndbt_packages/\nlogs/\n");
        files.put("tests/generic/" + UNIQUE_COMBINATION_TEST + ".sql", UNIQUE_COMBINATION_SQL);
        for (SourcePlan source : plan.sources()) {
            String prefix = source.folder();
            files.put(prefix + "_" + source.name() + "__sources.yml", sourcesYaml(source));
            files.put(prefix + "_" + source.name() + "__models.yml",
                    modelsYaml(plan, source, dialect, diagnostics));
            for (ModelPlan model : source.models()) {
                files.put(prefix + model.modelName() + ".sql", stagingSql(model, dialect));
            }
        }
        diagnostics.sort(null);
        return new OutputResult(files.entrySet().stream().map(e -> new GeneratedFile(e.getKey(), e.getValue()))
                .toList(), diagnostics);
    }

    private static String projectYaml(ProjectPlan plan) {
        Map<String, Object> root = Yaml.map();
        root.put("name", plan.projectName());
        root.put("version", "1.0.0");
        root.put("config-version", 2);
        root.put("profile", plan.profileName());
        root.put("require-dbt-version", REQUIRED_DBT_VERSION);
        root.put("model-paths", List.of("models"));
        root.put("analysis-paths", List.of("analyses"));
        root.put("test-paths", List.of("tests"));
        root.put("seed-paths", List.of("seeds"));
        root.put("macro-paths", List.of("macros"));
        root.put("snapshot-paths", List.of("snapshots"));
        root.put("clean-targets", List.of("target", "dbt_packages"));
        // Set explicitly so that 1.10.5-1.10.7, where it defaults to false, read `arguments:` the same way.
        root.put("flags", Map.of("require_generic_test_arguments_property", true));
        Map<String, Object> staging = Yaml.map();
        staging.put("+materialized", "view");
        Map<String, Object> project = Yaml.map();
        project.put("staging", staging);
        root.put("models", Map.of(plan.projectName(), project));
        return Yaml.write(root);
    }

    private static String profilesYaml(ProjectPlan plan, ConnectionProfile profile) {
        Map<String, Object> output = Yaml.map();
        output.put("type", profile.adapterType());
        for (ProfileField field : profile.fields()) {
            output.put(field.key(), envVar(field));
        }
        output.put("threads", 4);
        Map<String, Object> target = Yaml.map();
        target.put("target", "dev");
        target.put("outputs", Map.of("dev", output));
        return Yaml.write(Map.of(plan.profileName(), target));
    }

    /** Every setting comes from the environment, so the file never holds a credential. */
    static String envVar(ProfileField field) {
        String call = "env_var(" + jinjaString(field.envVar())
                + field.defaultValue().map(d -> ", " + jinjaString(d)).orElse("") + ")";
        return "{{ " + call + (field.numeric() ? " | as_number" : "") + " }}";
    }

    private static String jinjaString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String sourcesYaml(SourcePlan source) {
        Map<String, Object> yamlSource = Yaml.map();
        yamlSource.put("name", source.name());
        yamlSource.put("description", description(source.schema().description()).orElse(
                "SQL Server schema " + source.schema().name() + ", loaded as is by DataMigrate."));
        yamlSource.put("schema", source.rawSchema());
        yamlSource.put("loader", "datamigrate");
        // Raw tables and columns keep their SQL Server spelling (case, spaces), so they must be quoted.
        yamlSource.put("quoting", Map.of("identifier", true));
        List<Object> tables = new ArrayList<>();
        for (ModelPlan model : source.models()) {
            Table table = model.table();
            Map<String, Object> yamlTable = Yaml.map();
            yamlTable.put("name", model.tableName());
            yamlTable.put("identifier", table.name().name());
            description(table.description()).ifPresent(d -> yamlTable.put("description", d));
            List<Object> columns = new ArrayList<>();
            for (ColumnPlan column : model.columns()) {
                Map<String, Object> yamlColumn = Yaml.map();
                yamlColumn.put("name", column.column().name());
                yamlColumn.put("quote", true);
                yamlColumn.put("data_type", column.column().type().sql());
                description(column.column().description()).ifPresent(d -> yamlColumn.put("description", d));
                columns.add(yamlColumn);
            }
            yamlTable.put("columns", columns);
            tables.add(yamlTable);
        }
        yamlSource.put("tables", tables);
        Map<String, Object> root = Yaml.map();
        root.put("version", 2);
        root.put("sources", List.of(yamlSource));
        return Yaml.write(root);
    }

    private String modelsYaml(ProjectPlan plan, SourcePlan source, TargetDialect dialect,
                              List<Diagnostic> diagnostics) {
        List<Object> models = new ArrayList<>();
        for (ModelPlan model : source.models()) {
            models.add(modelYaml(plan, model, dialect, diagnostics));
        }
        Map<String, Object> root = Yaml.map();
        root.put("version", 2);
        root.put("models", models);
        return Yaml.write(root);
    }

    private Map<String, Object> modelYaml(ProjectPlan plan, ModelPlan model, TargetDialect dialect,
                                          List<Diagnostic> diagnostics) {
        Table table = model.table();
        ColumnTests tests = new ColumnTests(model);
        List<List<String>> combinations = new ArrayList<>();

        List<String> primaryKey = table.primaryKey().map(pk -> pk.columns()).orElse(List.of());
        primaryKey.forEach(c -> tests.add(c, "not_null"));
        uniqueKey(primaryKey, tests, combinations);
        table.columns().stream().filter(c -> !c.nullable()).forEach(c -> tests.add(c.name(), "not_null"));
        table.uniqueConstraints().stream().map(UniqueConstraint::columns).forEach(u -> uniqueKey(u, tests,
                combinations));
        // A unique index guards the data as a unique constraint does, unless it is filtered.
        table.indexes().stream().filter(i -> i.unique() && i.filter().isEmpty())
                .map(i -> i.columns().stream().map(IndexColumn::name).toList())
                .forEach(u -> uniqueKey(u, tests, combinations));
        for (ForeignKey fk : table.foreignKeys()) {
            relationship(plan, model, fk, dialect, tests, diagnostics);
        }

        Map<String, Object> yamlModel = Yaml.map();
        yamlModel.put("name", model.modelName());
        yamlModel.put("description", description(table.description())
                .orElse("Staging view of SQL Server table " + table.name() + "."));
        Set<Set<String>> seen = new LinkedHashSet<>();
        List<Object> modelTests = new ArrayList<>();
        for (List<String> combination : combinations) {
            List<ColumnPlan> columns = combination.stream().map(model::column).flatMap(Optional::stream).toList();
            Set<String> key = columns.stream().map(ColumnPlan::outputName).collect(Collectors.toSet());
            if (columns.size() == combination.size() && seen.add(key)) {
                modelTests.add(Map.of(UNIQUE_COMBINATION_TEST, arguments(Map.of("combination_of_columns",
                        columns.stream().map(c -> dialect.identifier(c.outputName())).toList()))));
            }
        }
        if (!modelTests.isEmpty()) {
            yamlModel.put("data_tests", modelTests);
        }
        List<Object> columns = new ArrayList<>();
        for (ColumnPlan column : model.columns()) {
            Map<String, Object> yamlColumn = Yaml.map();
            yamlColumn.put("name", column.outputName());
            if (dialect.requiresQuoting(column.outputName())) {
                yamlColumn.put("quote", true);
            }
            yamlColumn.put("data_type", column.mapping().targetType());
            description(column.column().description()).ifPresent(d -> yamlColumn.put("description", d));
            List<Object> columnTests = tests.of(column);
            if (!columnTests.isEmpty()) {
                yamlColumn.put("data_tests", columnTests);
            }
            columns.add(yamlColumn);
        }
        yamlModel.put("columns", columns);
        return yamlModel;
    }

    private static void uniqueKey(List<String> columns, ColumnTests tests, List<List<String>> combinations) {
        if (columns.size() == 1) {
            tests.add(columns.get(0), "unique");
        } else if (columns.size() > 1) {
            combinations.add(columns);
        }
    }

    private static void relationship(ProjectPlan plan, ModelPlan model, ForeignKey fk, TargetDialect dialect,
                                     ColumnTests tests, List<Diagnostic> diagnostics) {
        String object = model.table().name().toString();
        String fkName = fk.name().map(n -> "foreign key " + n).orElse("foreign key (" + String.join(", ",
                fk.columns()) + ")");
        if (fk.columns().size() != 1) {
            diagnostics.add(Diagnostic.warning(COMPOSITE_FK_UNTESTED, fk.location(), fkName + " to "
                    + fk.referencedTable() + " spans " + fk.columns().size()
                    + " columns; it has no dbt test yet").withObject(object));
            return;
        }
        Optional<ModelPlan> parent = plan.model(fk.referencedTable());
        List<String> referenced = fk.referencedColumns().isEmpty()
                ? parent.flatMap(p -> p.table().primaryKey()).map(pk -> pk.columns()).orElse(List.of())
                : fk.referencedColumns();
        Optional<ColumnPlan> field = referenced.size() == 1
                ? parent.flatMap(p -> p.column(referenced.get(0))) : Optional.empty();
        if (field.isEmpty() || model.column(fk.columns().get(0)).isEmpty()) {
            diagnostics.add(Diagnostic.warning(FK_TARGET_MISSING, fk.location(), fkName + " references "
                    + fk.referencedTable() + " " + referenced + ", which is not in the catalog; it has no dbt test")
                    .withObject(object));
            return;
        }
        Map<String, Object> arguments = Yaml.map();
        arguments.put("to", "ref('" + parent.orElseThrow().modelName() + "')");
        arguments.put("field", dialect.identifier(field.orElseThrow().outputName()));
        Map<String, Object> test = arguments(arguments);
        if (!fk.enforced()) {
            // WITH NOCHECK: SQL Server never checked the existing rows, so orphans are expected, not an error.
            test.put("config", Map.of("severity", "warn"));
        }
        tests.add(fk.columns().get(0), Map.of("relationships", test));
    }

    private static Map<String, Object> arguments(Map<String, Object> arguments) {
        Map<String, Object> test = Yaml.map();
        test.put("arguments", arguments);
        return test;
    }

    /** The tests of each column in a fixed order, each once. */
    private static final class ColumnTests {
        private final ModelPlan model;
        private final Map<String, Set<Object>> byOutputName = new TreeMap<>();

        ColumnTests(ModelPlan model) {
            this.model = model;
        }

        void add(String sourceColumn, Object test) {
            model.column(sourceColumn).ifPresent(c -> byOutputName
                    .computeIfAbsent(c.outputName(), k -> new LinkedHashSet<>()).add(test));
        }

        List<Object> of(ColumnPlan column) {
            Set<Object> tests = byOutputName.getOrDefault(column.outputName(), Set.of());
            List<Object> ordered = new ArrayList<>();
            for (String name : List.of("unique", "not_null")) {
                if (tests.contains(name)) {
                    ordered.add(name);
                }
            }
            tests.stream().filter(t -> !(t instanceof String)).forEach(ordered::add);
            return ordered;
        }
    }

    private static String stagingSql(ModelPlan model, TargetDialect dialect) {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Staging view of SQL Server table ").append(oneLine(model.table().name().toString()))
                .append(", generated by DataMigrate.\n");
        sql.append("with source as (\n\n");
        sql.append("    select * from {{ source('").append(model.sourceName()).append("', '")
                .append(model.tableName()).append("') }}\n\n");
        sql.append("),\n\nrenamed as (\n\n    select\n");
        List<ColumnPlan> columns = model.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnPlan column = columns.get(i);
            sql.append("        ").append(dialect.identifier(column.column().name())).append("::")
                    .append(column.mapping().targetType()).append(" as ")
                    .append(dialect.identifier(column.outputName()))
                    .append(i + 1 < columns.size() ? "," : "");
            if (column.column().computedExpression().isPresent()) {
                sql.append("  -- computed in SQL Server; loaded as values");
            }
            sql.append('\n');
        }
        sql.append("    from source\n\n)\n\nselect * from renamed\n");
        return sql.toString();
    }

    private static String readme(ProjectPlan plan, OutputRequest request, ConnectionProfile profile) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(plan.projectName()).append("\n\n");
        md.append("A dbt project generated by DataMigrate from the SQL Server database `")
                .append(oneLine(request.database().name())).append("`, for dbt-core 1.10 or later and the `")
                .append(profile.adapterType()).append("` adapter (`").append(profile.adapterPackage())
                .append("`).\n\n");
        md.append("## What is here\n\n");
        md.append("- `models/staging/<source>/_<source>__sources.yml`: one dbt source per SQL Server schema, over the"
                + " raw tables as loaded (original table and column names, quoted).\n");
        md.append("- `models/staging/<source>/stg_<source>__<table>.sql`: one staging view per table that renames"
                + " the columns and casts them to the target types.\n");
        md.append("- `models/staging/<source>/_<source>__models.yml`: the staging models, documented, with tests"
                + " from the SQL Server constraints: primary keys and unique constraints (`unique`, or"
                + " `unique_combination_of_columns` for several columns), NOT NULL (`not_null`) and foreign keys"
                + " (`relationships`).\n");
        md.append("- `tests/generic/unique_combination_of_columns.sql`: the generic test for composite keys"
                + " (no package download needed).\n");
        md.append("- `profiles.yml.example`: the connection profile `").append(plan.profileName())
                .append("`; every setting is read from an environment variable.\n\n");
        md.append("| SQL Server schema | dbt source | raw schema | staging models |\n");
        md.append("| --- | --- | --- | --- |\n");
        for (SourcePlan source : plan.sources()) {
            md.append("| ").append(oneLine(source.schema().name()).replace("|", "\\|")).append(" | ")
                    .append(source.name()).append(" | ").append(source.rawSchema()).append(" | ")
                    .append(source.models().size()).append(" |\n");
        }
        md.append("\n## How to run\n\n");
        md.append("1. Install dbt: `pip install ").append(profile.adapterPackage()).append("`.\n");
        md.append("2. Copy `profiles.yml.example` to `profiles.yml` (or into `~/.dbt/`), and set the environment"
                + " variables it reads:\n\n");
        md.append("   | variable | setting | default |\n   | --- | --- | --- |\n");
        for (ProfileField field : profile.fields()) {
            md.append("   | `").append(field.envVar()).append("` | ").append(field.key()).append(" | ")
                    .append(field.secret() ? "(secret, required)" : field.defaultValue().map(d -> "`" + d + "`")
                            .orElse("(required)"))
                    .append(" |\n");
        }
        md.append("\n3. Check the project without a database: `dbt parse` (with `DBT_PROFILES_DIR=.` when"
                + " `profiles.yml` is here).\n");
        md.append("4. Load the raw tables into the raw schemas above, then build the staging views and run the"
                + " tests: `dbt build`.\n");
        return md.toString();
    }

    /** Descriptions are rendered by dbt's Jinja; text that looks like Jinja is kept literal. */
    private static Optional<String> description(Optional<String> text) {
        return ProjectPlanner.nonBlank(text).map(t -> t.contains("{{") || t.contains("{%") || t.contains("{#")
                ? "{% raw %}" + t + "{% endraw %}" : t);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }

    private static final String UNIQUE_COMBINATION_SQL = """
            {#- Generated by DataMigrate: composite primary keys and unique constraints, without dbt_utils.
                Fails with one row per combination of values that occurs more than once. NULLs group together,
                as SQL Server's unique constraints treat them. -#}
            {% test unique_combination_of_columns(model, combination_of_columns) %}

            select
                {{ combination_of_columns | join(', ') }},
                count(*) as occurrences
            from {{ model }}
            group by {{ combination_of_columns | join(', ') }}
            having count(*) > 1

            {% endtest %}
            """;

    @Override
    public String toString() {
        return "DbtProjectTarget[naming=" + config.naming().name().toLowerCase(Locale.ROOT) + "]";
    }
}
