package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ColumnPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ModelPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.SourcePlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.TranslatedPlan;
import ai.datamigrate.plugin.dbt.internal.TableTraits.Temporal;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.CheckConstraint;
import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.IndexColumn;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.UniqueConstraint;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.GeneratedFile;
import ai.datamigrate.spi.output.ObjectAnnotations;
import ai.datamigrate.spi.output.ObjectOutcome;
import ai.datamigrate.spi.output.OutputRequest;
import ai.datamigrate.spi.output.OutputResult;
import ai.datamigrate.spi.output.OutputTarget;
import ai.datamigrate.spi.target.ConnectionProfile;
import ai.datamigrate.spi.target.ProfileField;
import ai.datamigrate.spi.target.TargetDialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Writes a catalog as a dbt project: one source per SQL Server schema over the raw tables the loader created,
 * one staging view per table that renames and casts its columns, dbt tests for the table's constraints, and the
 * translated views, functions and procedures as intermediate models and marts (see {@link TranslatedModelPlanner}
 * for where they go and {@link ProjectPlan.TranslatedPlan} for how their SQL reads the tables).
 */
public final class DbtProjectTarget implements OutputTarget {

    static final String COMPOSITE_FK_UNTESTED = "DBT-COMPOSITE-FK-UNTESTED";
    static final String FK_TARGET_MISSING = "DBT-FK-TARGET-MISSING";
    static final String CHECK_NOT_TRANSLATED = "DBT-CHECK-NOT-TRANSLATED";
    static final String TEMPORAL_WITHOUT_KEY = "DBT-TEMPORAL-WITHOUT-KEY";
    static final String SELF_REFERENCE_NOT_CONSTRAINED = "DBT-SELF-FK-NOT-CONSTRAINED";
    static final String UNIQUE_COMBINATION_TEST = "unique_combination_of_columns";
    static final String EXPRESSION_TEST = "expression_is_true";
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
        ProjectPlan plan = ProjectPlanner.plan(request.database(), request.models(), config, dialect);
        List<Diagnostic> diagnostics = new ArrayList<>(plan.diagnostics());
        Map<String, String> files = new TreeMap<>();
        Map<String, List<String>> modelFiles = new TreeMap<>();
        files.put("dbt_project.yml", projectYaml(plan));
        files.put("profiles.yml.example", profilesYaml(plan, dialect.connectionProfile()));
        files.put(".gitignore", "target/\ndbt_packages/\nlogs/\n");
        files.put("tests/generic/" + UNIQUE_COMBINATION_TEST + ".sql", UNIQUE_COMBINATION_SQL);
        files.put("tests/generic/" + EXPRESSION_TEST + ".sql", EXPRESSION_IS_TRUE_SQL);
        // the sources are independent (their YAML is most of the work on large catalogs): written in parallel,
        // merged in plan order, so the output is the same as one at a time
        for (SourceFiles source : plan.sources().parallelStream().map(source -> sourceFiles(plan, source, dialect, request))
                .toList()) {
            files.putAll(source.files());
            modelFiles.putAll(source.modelFiles());
            diagnostics.addAll(source.diagnostics());
        }
        TranslatedModelFiles translatedFiles = new TranslatedModelFiles(config, dialect);
        Map<String, List<TranslatedPlan>> byYamlFile = new TreeMap<>();
        List<String> sqls = plan.translated().parallelStream().map(translatedFiles::sql).toList();
        for (int i = 0; i < sqls.size(); i++) {
            TranslatedPlan model = plan.translated().get(i);
            files.put(model.sqlFile(), sqls.get(i));
            byYamlFile.computeIfAbsent(model.yamlFile(), k -> new ArrayList<>()).add(model);
        }
        List<Map.Entry<String, List<TranslatedPlan>>> yamlFiles = List.copyOf(byYamlFile.entrySet());
        List<String> yamls = yamlFiles.parallelStream().map(e -> translatedFiles.yaml(e.getValue())).toList();
        for (int i = 0; i < yamls.size(); i++) {
            files.put(yamlFiles.get(i).getKey(), yamls.get(i));
        }
        for (TranslatedMacros.MacroPlan macro : plan.macros()) {
            files.put(macro.sqlFile(), TranslatedMacros.sql(macro));
        }
        if (!plan.macros().isEmpty()) {
            files.put(TranslatedMacros.YAML_FILE, TranslatedMacros.yaml(plan.macros()));
        }
        if (plan.translated().stream().anyMatch(m -> !m.model().parameters().isEmpty())) {
            files.put("macros/" + TranslatedModelFiles.LITERAL_MACRO + ".sql", TranslatedModelFiles.LITERAL_MACRO_SQL);
        }
        files.put("README.md", readme(plan, request, dialect, diagnostics));
        diagnostics.sort(null);
        return new OutputResult(files.entrySet().stream().map(e -> new GeneratedFile(e.getKey(), e.getValue()))
                .toList(), diagnostics, outcomes(request, plan, modelFiles));
    }

    /**
     * One outcome per source object, in name order: tables became staging models, translated views and routines
     * marts or intermediate models, the rest was not generated. Translated objects the catalog does not have
     * follow.
     */
    private static List<ObjectOutcome> outcomes(OutputRequest request, ProjectPlan plan,
                                                Map<String, List<String>> modelFiles) {
        List<ObjectOutcome> outcomes = new ArrayList<>();
        Map<CatalogObject, TranslatedPlan> translatedByObject = new IdentityHashMap<>();
        plan.translated().forEach(t -> t.object().ifPresent(o -> translatedByObject.put(o, t)));
        Map<CatalogObject, TranslatedMacros.MacroPlan> macroByObject = new IdentityHashMap<>();
        plan.macros().forEach(m -> m.object().ifPresent(o -> macroByObject.put(o, m)));
        request.database().objects()
                .sorted(Comparator.comparing(CatalogObject::name).thenComparing(CatalogObject::kind))
                .forEach(object -> {
                    Optional<ModelPlan> model = object instanceof Table ? plan.model(object.name())
                            .filter(m -> m.table() == object) : Optional.empty();
                    Optional<TranslatedPlan> translated = Optional.ofNullable(translatedByObject.get(object));
                    outcomes.add(model.map(m -> ObjectOutcome.generated(object.name(), object.kind(), m.modelName(),
                                    modelFiles.get(m.modelName())))
                            .or(() -> translated.map(DbtProjectTarget::outcome))
                            .or(() -> Optional.ofNullable(macroByObject.get(object)).map(DbtProjectTarget::outcome))
                            .orElseGet(() -> ObjectOutcome.notGenerated(object.name(), object.kind())));
                });
        plan.translated().stream().filter(t -> t.object().isEmpty())
                .sorted(Comparator.comparing((TranslatedPlan t) -> t.model().object()))
                .forEach(t -> outcomes.add(outcome(t)));
        plan.macros().stream().filter(m -> m.object().isEmpty()).forEach(m -> outcomes.add(outcome(m)));
        return outcomes;
    }

    private static ObjectOutcome outcome(TranslatedMacros.MacroPlan macro) {
        return new ObjectOutcome(macro.model().object(), macro.object().map(CatalogObject::kind)
                .orElse(macro.model().kind()), Optional.of(macro.name()),
                List.of(macro.sqlFile(), TranslatedMacros.YAML_FILE), Optional.of(macro.model().origin()));
    }

    private static ObjectOutcome outcome(TranslatedPlan model) {
        return new ObjectOutcome(model.model().object(), model.object().map(CatalogObject::kind)
                .orElse(model.model().kind()), Optional.of(model.modelName()),
                List.of(model.sqlFile(), model.yamlFile()), Optional.of(model.model().origin()));
    }

    /** One source's files: its sources and models YAML, staging models and snapshots. */
    private record SourceFiles(Map<String, String> files, Map<String, List<String>> modelFiles,
                               List<Diagnostic> diagnostics) {
    }

    private SourceFiles sourceFiles(ProjectPlan plan, SourcePlan source, TargetDialect dialect,
                                    OutputRequest request) {
        Map<String, String> files = new TreeMap<>();
        Map<String, List<String>> modelFiles = new TreeMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        String prefix = source.folder();
        String modelsFile = prefix + "_" + source.name() + "__models.yml";
        // the two YAML files and the staging models are independent: the YAML is written on other cores meanwhile
        CompletableFuture<String> sourcesYaml = CompletableFuture.supplyAsync(() -> sourcesYaml(source, dialect));
        List<Diagnostic> modelsDiagnostics = new ArrayList<>();
        CompletableFuture<String> modelsYaml = CompletableFuture.supplyAsync(() -> modelsYaml(plan, source, dialect,
                request, modelsDiagnostics));
        for (ModelPlan model : source.models()) {
            String sqlFile = prefix + model.modelName() + ".sql";
            files.put(sqlFile, stagingSql(model, dialect));
            List<String> generated = new ArrayList<>(List.of(sqlFile, modelsFile));
            snapshot(model, dialect, diagnostics).ifPresent(yaml -> {
                String snapshotFile = "snapshots/" + snapshotName(model) + ".yml";
                files.put(snapshotFile, yaml);
                generated.add(snapshotFile);
            });
            modelFiles.put(model.modelName(), generated);
        }
        files.put(prefix + "_" + source.name() + "__sources.yml", joined(sourcesYaml));
        files.put(modelsFile, joined(modelsYaml));
        diagnostics.addAll(modelsDiagnostics); // the project's diagnostics are sorted in the end
        return new SourceFiles(files, modelFiles, diagnostics);
    }

    /** The value of a task run beside this thread, with its failure as thrown, not wrapped. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private String projectYaml(ProjectPlan plan) {
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
        staging.put("+materialized", config.stagingMaterialization().key());
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

    private static String sourcesYaml(SourcePlan source, TargetDialect dialect) {
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
            Map<String, Object> tableConfig = Yaml.map();
            TableTraits.lastModified(table).ifPresent(column -> {
                // loaded_at_field is SQL over the raw table, where the column keeps its SQL Server name.
                tableConfig.put("loaded_at_field", dialect.quoteIdentifier(column.name()));
                Map<String, Object> freshness = Yaml.map();
                freshness.put("warn_after", period(1, "day"));
                freshness.put("error_after", period(7, "day"));
                tableConfig.put("freshness", freshness);
            });
            Map<String, Object> tableMeta = tableMeta(table);
            if (!tableMeta.isEmpty()) {
                tableConfig.put("meta", tableMeta);
            }
            if (!tableConfig.isEmpty()) {
                yamlTable.put("config", tableConfig);
            }
            List<Object> columns = new ArrayList<>();
            for (ColumnPlan column : model.columns()) {
                Map<String, Object> yamlColumn = Yaml.map();
                yamlColumn.put("name", column.column().name());
                yamlColumn.put("quote", true);
                // As the loader creates the raw column; the SQL Server type is in meta.
                yamlColumn.put("data_type", column.mapping().targetType());
                description(column.column().description()).ifPresent(d -> yamlColumn.put("description", d));
                yamlColumn.put("config", Map.of("meta", columnMeta(column.column())));
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

    private static Map<String, Object> period(int count, String unit) {
        Map<String, Object> period = Yaml.map();
        period.put("count", count);
        period.put("period", unit);
        return period;
    }

    /** What SQL Server knew about a column that PostgreSQL's raw table does not say. */
    private static Map<String, Object> columnMeta(Column column) {
        Map<String, Object> meta = Yaml.map();
        meta.put("sql_server_type", column.type().sql());
        column.type().aliasName().ifPresent(alias -> meta.put("sql_server_alias_type", alias.toString()));
        column.identity().ifPresent(identity -> {
            Map<String, Object> seed = Yaml.map();
            seed.put("seed", identity.seed());
            seed.put("increment", identity.increment());
            meta.put("identity", seed);
        });
        column.defaultExpression().ifPresent(d -> meta.put("default", d));
        column.computedExpression().ifPresent(c -> {
            meta.put("computed", c);
            meta.put("persisted", column.persisted());
        });
        column.collation().ifPresent(c -> meta.put("collation", c));
        if (column.rowGuid()) {
            meta.put("rowguidcol", true);
        }
        return meta;
    }

    private static Map<String, Object> tableMeta(Table table) {
        Map<String, Object> meta = Yaml.map();
        TableTraits.temporal(table).ifPresent(temporal -> {
            Map<String, Object> versioning = Yaml.map();
            temporal.periodStart().ifPresent(p -> versioning.put("period_start", p));
            temporal.historyTable().ifPresent(h -> versioning.put("history_table", h));
            meta.put("system_versioned", versioning.isEmpty() ? true : versioning);
        });
        return meta;
    }

    private String modelsYaml(ProjectPlan plan, SourcePlan source, TargetDialect dialect, OutputRequest request,
                              List<Diagnostic> diagnostics) {
        List<Object> models = new ArrayList<>();
        for (ModelPlan model : source.models()) {
            models.add(modelYaml(plan, model, dialect, request.annotations(model.table().name()), diagnostics));
        }
        Map<String, Object> root = Yaml.map();
        root.put("version", 2);
        root.put("models", models);
        return Yaml.write(root);
    }

    private Map<String, Object> modelYaml(ProjectPlan plan, ModelPlan model, TargetDialect dialect,
                                          ObjectAnnotations annotations,
                                          List<Diagnostic> diagnostics) {
        Table table = model.table();
        boolean constrain = config.stagingMaterialization() == DbtConfig.Materialization.TABLE;
        ColumnTests tests = new ColumnTests(model);
        Constraints constraints = new Constraints(model, dialect);
        List<List<String>> combinations = new ArrayList<>();
        List<Object> expressionTests = new ArrayList<>();

        List<String> primaryKey = table.primaryKey().map(pk -> pk.columns()).orElse(List.of());
        primaryKey.forEach(c -> tests.add(c, "not_null"));
        uniqueKey(primaryKey, tests, combinations);
        constraints.key("primary_key", primaryKey);
        table.columns().stream().filter(c -> !c.nullable()).forEach(c -> {
            tests.add(c.name(), "not_null");
            constraints.notNull(c.name());
        });
        List<List<String>> uniqueKeys = new ArrayList<>();
        table.uniqueConstraints().stream().map(UniqueConstraint::columns).forEach(uniqueKeys::add);
        // A unique index guards the data as a unique constraint does, unless it is filtered.
        table.indexes().stream().filter(i -> i.unique() && i.filter().isEmpty())
                .map(i -> i.columns().stream().map(IndexColumn::name).toList()).forEach(uniqueKeys::add);
        for (List<String> unique : uniqueKeys) {
            uniqueKey(unique, tests, combinations);
            constraints.key("unique", unique);
        }
        for (ForeignKey fk : table.foreignKeys()) {
            relationship(plan, model, fk, dialect, tests, diagnostics);
            if (constrain) {
                constraints.foreignKey(plan, fk, diagnostics);
            }
        }
        CheckTranslator translator = new CheckTranslator(model, dialect);
        for (CheckConstraint check : table.checkConstraints()) {
            checkTest(model, check, translator.translate(check.expression()), tests, expressionTests, dialect,
                    diagnostics);
        }

        Map<String, Object> yamlModel = Yaml.map();
        yamlModel.put("name", model.modelName());
        yamlModel.put("description", description(table.description())
                .orElse("Staging " + config.stagingMaterialization().key() + " of SQL Server table " + table.name()
                        + "."));
        // dbt checks the model's column names and types against the contract on every build.
        Map<String, Object> modelConfig = Yaml.map();
        modelConfig.put("contract", Map.of("enforced", true));
        if (!annotations.meta().isEmpty()) {
            // what agents added, under the same key as on translated models
            modelConfig.put("meta", Map.of("datamigrate", annotations.meta()));
        }
        if (!annotations.tags().isEmpty()) {
            modelConfig.put("tags", annotations.tags());
        }
        yamlModel.put("config", modelConfig);
        if (constrain && !constraints.modelLevel().isEmpty()) {
            yamlModel.put("constraints", constraints.modelLevel());
        }
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
        modelTests.addAll(expressionTests);
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
            List<Object> columnConstraints = constraints.of(column);
            if (constrain && !columnConstraints.isEmpty()) {
                yamlColumn.put("constraints", columnConstraints);
            }
            List<Object> columnTests = tests.of(column);
            if (!columnTests.isEmpty()) {
                yamlColumn.put("data_tests", columnTests);
            }
            columns.add(yamlColumn);
        }
        yamlModel.put("columns", columns);
        return yamlModel;
    }

    /** The dbt test for a CHECK constraint, or a warning saying why there is none. */
    private static void checkTest(ModelPlan model, CheckConstraint check, CheckTranslator.Translation translation,
                                  ColumnTests tests, List<Object> expressionTests, TargetDialect dialect,
                                  List<Diagnostic> diagnostics) {
        if (translation instanceof CheckTranslator.AcceptedValues accepted) {
            Map<String, Object> arguments = Yaml.map();
            arguments.put("values", accepted.values());
            if (!accepted.quote()) {
                arguments.put("quote", false);
            }
            tests.add(accepted.column().column().name(), Map.of("accepted_values", checkConfig(check,
                    arguments(arguments))));
        } else if (translation instanceof CheckTranslator.Expression expression) {
            expressionTests.add(Map.of(EXPRESSION_TEST, checkConfig(check,
                    arguments(Map.of("expression", expression.sql())))));
        } else if (translation instanceof CheckTranslator.NotTranslated notTranslated) {
            diagnostics.add(Diagnostic.warning(CHECK_NOT_TRANSLATED, check.location(), "CHECK "
                    + check.name().map(n -> n + " ").orElse("") + "(" + oneLine(check.expression())
                    + ") has no dbt test: " + notTranslated.reason()).withObject(model.table().name().toString()));
        }
    }

    /** WITH NOCHECK: SQL Server never checked the existing rows, so violations are expected, not an error. */
    private static Map<String, Object> checkConfig(CheckConstraint check, Map<String, Object> test) {
        if (!check.enforced()) {
            test.put("config", Map.of("severity", "warn"));
        }
        return test;
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

    /**
     * The constraints a table-materialized staging model declares: column-level for one column, model-level for
     * several. A key whose columns are already a key (a unique constraint on the primary key) is declared once.
     */
    private static final class Constraints {
        private final ModelPlan model;
        private final TargetDialect dialect;
        private final Map<String, List<Object>> byOutputName = new TreeMap<>();
        private final List<Object> modelLevel = new ArrayList<>();
        private final Set<Set<String>> keys = new java.util.HashSet<>();

        Constraints(ModelPlan model, TargetDialect dialect) {
            this.model = model;
            this.dialect = dialect;
        }

        void notNull(String sourceColumn) {
            model.column(sourceColumn).ifPresent(c -> add(c, constraint("not_null")));
        }

        void key(String type, List<String> sourceColumns) {
            List<ColumnPlan> columns = resolve(model, sourceColumns);
            if (columns.isEmpty() || !keys.add(columns.stream().map(ColumnPlan::outputName)
                    .collect(Collectors.toSet()))) {
                return;
            }
            Map<String, Object> constraint = constraint(type);
            if (columns.size() == 1) {
                add(columns.get(0), constraint);
            } else {
                constraint.put("columns", identifiers(columns));
                modelLevel.add(constraint);
            }
        }

        void foreignKey(ProjectPlan plan, ForeignKey fk, List<Diagnostic> diagnostics) {
            Optional<ModelPlan> parent = plan.model(fk.referencedTable());
            if (!fk.enforced() || parent.isEmpty()) {
                return; // NOCHECK keys may have orphans; missing parents are reported with the tests
            }
            if (parent.get().modelName().equals(model.modelName())) {
                diagnostics.add(Diagnostic.info(SELF_REFERENCE_NOT_CONSTRAINED, fk.location(), "foreign key "
                        + fk.name().orElse(String.join(", ", fk.columns())) + " refers to its own table; a dbt"
                        + " model cannot ref() itself, so only its relationships test checks it")
                        .withObject(model.table().name().toString()));
                return;
            }
            List<String> referenced = fk.referencedColumns().isEmpty()
                    ? parent.get().table().primaryKey().map(pk -> pk.columns()).orElse(List.of())
                    : fk.referencedColumns();
            List<ColumnPlan> columns = resolve(model, fk.columns());
            List<ColumnPlan> parentColumns = resolve(parent.get(), referenced);
            if (columns.isEmpty() || parentColumns.size() != columns.size()) {
                return;
            }
            Map<String, Object> constraint = constraint("foreign_key");
            if (columns.size() > 1) {
                constraint.put("columns", identifiers(columns));
            }
            constraint.put("to", "ref('" + parent.get().modelName() + "')");
            constraint.put("to_columns", identifiers(parentColumns));
            if (columns.size() == 1) {
                add(columns.get(0), constraint);
            } else {
                modelLevel.add(constraint);
            }
        }

        List<Object> modelLevel() {
            return modelLevel;
        }

        List<Object> of(ColumnPlan column) {
            return byOutputName.getOrDefault(column.outputName(), List.of());
        }

        private void add(ColumnPlan column, Map<String, Object> constraint) {
            List<Object> constraints = byOutputName.computeIfAbsent(column.outputName(), k -> new ArrayList<>());
            if (!constraints.contains(constraint)) {
                constraints.add(constraint);
            }
        }

        private List<String> identifiers(List<ColumnPlan> columns) {
            return columns.stream().map(c -> dialect.identifier(c.outputName())).toList();
        }

        private static Map<String, Object> constraint(String type) {
            Map<String, Object> constraint = Yaml.map();
            constraint.put("type", type);
            return constraint;
        }

        /** The columns by source name, or empty when any is missing. */
        private static List<ColumnPlan> resolve(ModelPlan model, List<String> sourceColumns) {
            List<ColumnPlan> columns = sourceColumns.stream().map(model::column).flatMap(Optional::stream).toList();
            return columns.size() == sourceColumns.size() ? columns : List.of();
        }
    }

    static String snapshotName(ModelPlan model) {
        return "snp_" + model.modelName().substring("stg_".length());
    }

    /**
     * A system-versioned temporal table keeps every version of a row; dbt's equivalent is a snapshot of the
     * staging model. The timestamp strategy reads the period start column, which SQL Server sets on every change;
     * without one, the check strategy compares all columns.
     */
    private static Optional<String> snapshot(ModelPlan model, TargetDialect dialect, List<Diagnostic> diagnostics) {
        Optional<Temporal> temporal = TableTraits.temporal(model.table());
        if (temporal.isEmpty()) {
            return Optional.empty();
        }
        List<ColumnPlan> key = Constraints.resolve(model, model.table().primaryKey().map(pk -> pk.columns())
                .orElse(List.of()));
        if (key.isEmpty()) {
            diagnostics.add(Diagnostic.warning(TEMPORAL_WITHOUT_KEY, model.table().location(), "system-versioned"
                    + " table has no primary key, which a dbt snapshot needs as its unique_key; no snapshot"
                    + " generated").withObject(model.table().name().toString()));
            return Optional.empty();
        }
        Map<String, Object> snapshotConfig = Yaml.map();
        snapshotConfig.put("schema", "snapshots");
        List<String> keyNames = key.stream().map(c -> dialect.identifier(c.outputName())).toList();
        snapshotConfig.put("unique_key", keyNames.size() == 1 ? keyNames.get(0) : keyNames);
        Optional<ColumnPlan> periodStart = temporal.get().periodStart().flatMap(model::column);
        if (periodStart.isPresent()) {
            snapshotConfig.put("strategy", "timestamp");
            snapshotConfig.put("updated_at", dialect.identifier(periodStart.get().outputName()));
        } else {
            snapshotConfig.put("strategy", "check");
            snapshotConfig.put("check_cols", "all");
        }
        // A row deleted in SQL Server ends its period; invalidate does the same to the snapshot's current row.
        snapshotConfig.put("hard_deletes", "invalidate");
        Map<String, Object> snapshot = Yaml.map();
        snapshot.put("name", snapshotName(model));
        snapshot.put("description", "History of SQL Server system-versioned table " + oneLine(model.table().name()
                .toString()) + " from now on"
                + temporal.get().historyTable().map(h -> "; the versions recorded before the migration are in"
                + " its history table " + oneLine(h)).orElse("") + ".");
        snapshot.put("relation", "ref('" + model.modelName() + "')");
        snapshot.put("config", snapshotConfig);
        Map<String, Object> root = Yaml.map();
        root.put("version", 2);
        root.put("snapshots", List.of(snapshot));
        return Optional.of(Yaml.write(root));
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

    private String stagingSql(ModelPlan model, TargetDialect dialect) {
        StringBuilder sql = new StringBuilder();
        sql.append("-- Staging ").append(config.stagingMaterialization().key()).append(" of SQL Server table ").append(oneLine(model.table().name().toString()))
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

    private String readme(ProjectPlan plan, OutputRequest request, TargetDialect dialect,
                          List<Diagnostic> diagnostics) {
        ConnectionProfile profile = dialect.connectionProfile();
        String target = dialect.displayName();
        boolean tables = config.stagingMaterialization() == DbtConfig.Materialization.TABLE;
        StringBuilder md = new StringBuilder();
        md.append("# ").append(plan.projectName()).append("\n\n");
        md.append("A dbt project generated by DataMigrate from the SQL Server database `")
                .append(oneLine(request.database().name())).append("`, for dbt-core 1.10 or later and the `")
                .append(profile.adapterType()).append("` adapter (`").append(profile.adapterPackage())
                .append("`).\n\n");
        md.append("## What is here\n\n");
        md.append("- `models/staging/<source>/_<source>__sources.yml`: one dbt source per SQL Server schema, over the"
                + " raw tables as loaded (original table and column names, quoted). Each column's `meta` keeps what"
                + " " + target + " does not: the SQL Server type, identity, default, computed expression.\n");
        md.append("- `models/staging/<source>/stg_<source>__<table>.sql`: one staging ")
                .append(config.stagingMaterialization().key())
                .append(" per table that renames the columns and casts them to the target types.\n");
        md.append("- `models/staging/<source>/_<source>__models.yml`: the staging models, documented, with model"
                + " contracts and with tests from the SQL Server constraints: primary keys and unique constraints"
                + " (`unique`, or `unique_combination_of_columns` for several columns), NOT NULL (`not_null`),"
                + " foreign keys (`relationships`) and CHECK constraints (`accepted_values` for a list of values,"
                + " otherwise `expression_is_true` with the condition translated to " + target + ").\n");
        md.append("- `tests/generic/`: the generic tests `unique_combination_of_columns` and `expression_is_true`"
                + " (no package download needed).\n");
        md.append("- `models/intermediate/<source>/` and `models/marts/<source>/`: the SQL Server views, functions and"
                + " procedures translated to " + target + ", with their `_<source>__models.yml` (see below).\n");
        md.append("- `snapshots/`: a snapshot per system-versioned (temporal) table, if any.\n");
        md.append("- `profiles.yml.example`: the connection profile `").append(plan.profileName())
                .append("`; every setting is read from an environment variable.\n\n");
        md.append("| SQL Server schema | dbt source | raw schema | staging models |\n");
        md.append("| --- | --- | --- | --- |\n");
        for (SourcePlan source : plan.sources()) {
            md.append("| ").append(cell(source.schema().name())).append(" | ")
                    .append(source.name()).append(" | ").append(source.rawSchema()).append(" | ")
                    .append(source.models().size()).append(" |\n");
        }
        md.append("\n## Contracts and constraints\n\n");
        md.append("Every staging model has `contract: {enforced: true}` and a `data_type` per column: dbt checks"
                + " on each build that the model returns exactly these columns with these types.\n\n");
        if (tables) {
            md.append("Staging models are tables (`dbt.staging-materialization=table`), so their contracts also"
                    + " declare the SQL Server constraints, which " + target + " enforces while dbt builds them:"
                    + " `primary_key`, `unique`, `not_null` and `foreign_key` (to the parent's staging model;"
                    + " not for keys that were `WITH NOCHECK` or refer to their own table). dbt rebuilds a table by"
                    + " replacing it, which drops the foreign keys of the tables that refer to it: rebuild the"
                    + " children too (`dbt build -s model+`), as a full `dbt build` does.\n\n");
        } else {
            md.append("Staging models are views, as dbt's conventions recommend, and " + target + " cannot enforce"
                    + " constraints on views: the contracts therefore declare no `constraints`, and the SQL Server"
                    + " constraints are checked by the data tests instead. Generate with"
                    + " `dbt.staging-materialization=table` to have staging tables whose contracts declare"
                    + " primary key, unique, not null and foreign key constraints.\n\n");
        }
        md.append("CHECK constraints become tests that fail on the rows where the condition is false, and, like"
                + " SQL Server, let NULL (unknown) pass. `LIKE` patterns become anchored regular expressions"
                + " (`" + dialect.regexMatch("column", "'pattern'", true, false) + "`, case-insensitive like SQL Server's"
                + " default collations), `getdate()` becomes"
                + " `localtimestamp`. String comparisons in `accepted_values` are case-sensitive in " + target + ","
                + " where SQL Server's default collations are not.\n\n");
        List<Diagnostic> untranslated = diagnostics.stream().filter(d -> d.code().equals(CHECK_NOT_TRANSLATED))
                .sorted().toList();
        if (!untranslated.isEmpty()) {
            md.append("These CHECK constraints have no test and need a human:\n\n");
            untranslated.forEach(d -> md.append("- ").append(d.object().orElse("")).append(" (")
                    .append(d.location()).append("): ").append(oneLine(d.message())).append("\n"));
            md.append("\n");
        }
        columnFacts(md, plan);
        temporalTables(md, plan);
        List<String> fresh = new ArrayList<>();
        for (SourcePlan source : plan.sources()) {
            for (ModelPlan model : source.models()) {
                TableTraits.lastModified(model.table()).ifPresent(c -> fresh.add("`" + source.name() + "."
                        + model.tableName() + "` (" + oneLine(c.name()) + ")"));
            }
        }
        if (!fresh.isEmpty()) {
            md.append("## Source freshness\n\n");
            md.append("`dbt source freshness` warns after one day and fails after seven without new rows, by the"
                    + " last-modified column of: ").append(String.join(", ", fresh)).append(". SQL Server's"
                    + " `datetime` values are usually local time; dbt compares them with the current UTC time."
                    + " Adjust the thresholds to the load schedule.\n\n");
        }
        translatedModels(md, plan, diagnostics, target);
        md.append("## How to run\n\n");
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
        md.append("4. Load the raw tables into the raw schemas above (`datamigrate load`), then build the staging"
                + " models, snapshots and tests: `dbt build`.\n");
        return md.toString();
    }

    /** The layering policy and the column-name contract, then what was placed where and what was not. */
    private void translatedModels(StringBuilder md, ProjectPlan plan, List<Diagnostic> diagnostics, String target) {
        boolean source = config.referenceTables() == DbtConfig.ReferenceTables.SOURCE;
        md.append("## Marts and intermediate models\n\n");
        md.append("SQL Server views, functions and procedures that DataMigrate translated to " + target + " become models"
                + " above staging:\n\n");
        md.append("- A model that other translated models read is an intermediate model:"
                + " `models/intermediate/<source>/int_<source>__<name>.sql`.\n");
        md.append("- Every other translated model is a mart, named after the object in snake_case:"
                + " `models/marts/<source>/<name>.sql` (view `sales.\"Order Totals\"` becomes `order_totals`). When"
                + " objects of two schemas have that name, their marts are named `<source>__<name>`, because dbt"
                + " model names are unique in a project; a name that is still taken gets `_2`.\n");
        md.append("- `<source>` is the dbt source name of the object's SQL Server schema. Names are cut to the"
                + " target's identifier length. Each folder's `_<source>__models.yml` documents its models with"
                + " their columns and types, the materialization, and `meta` naming the SQL Server object and"
                + " whether rules or a language model translated it (`origin`). Marts whose column types are all"
                + " known have an enforced contract.\n\n");
        md.append("Each model reads its relations through import CTEs at its top, then runs the translated SQL"
                + " unchanged. The translated SQL uses the SQL Server column names (`\"CustomerID\"`). ");
        if (source) {
            md.append("Tables are read straight from the raw tables (`dbt.reference-tables=source`), which have"
                    + " those names, so the models do not depend on the staging models.\n\n");
        } else {
            md.append("Tables are read through their staging models (`ref('stg_...')`, `dbt.reference-tables=ref`),"
                    + " so the models get the typed, tested data and the lineage shows it; where staging renamed a"
                    + " column, the import CTE gives it back its SQL Server name (`customer_id as \"CustomerID\"`)."
                    + " Generate with `dbt.reference-tables=source` to read the raw tables instead.\n\n");
        }
        if (!plan.translated().isEmpty()) {
            md.append("| model | layer | SQL Server object | translated by |\n| --- | --- | --- | --- |\n");
            plan.translated().stream().sorted(Comparator.comparing(TranslatedPlan::modelName))
                    .forEach(t -> md.append("| ").append(t.modelName()).append(" | ").append(t.layer().folder())
                            .append(" | ").append(cell(t.model().kind() + " " + t.model().object())).append(" | ")
                            .append(cell(t.model().origin())).append(" |\n"));
            md.append("\n");
        }
        List<Diagnostic> notPlaced = diagnostics.stream().filter(d -> Set.of(TranslatedModelPlanner.BAD_PLACEHOLDER,
                TranslatedModelPlanner.CYCLE, TranslatedModelPlanner.MISSING_DEPENDENCY).contains(d.code()))
                .sorted().toList();
        if (!notPlaced.isEmpty()) {
            md.append("These translated objects have no model and need a human:\n\n");
            notPlaced.forEach(d -> md.append("- ").append(cell(d.object().orElse(""))).append(" (").append(d.code())
                    .append("): ").append(oneLine(d.message())).append("\n"));
            md.append("\n");
        }
    }

    /** Identity, defaults and computed columns: kept as values and in meta, listed so nobody is surprised. */
    private static void columnFacts(StringBuilder md, ProjectPlan plan) {
        List<String> rows = new ArrayList<>();
        for (SourcePlan source : plan.sources()) {
            for (ModelPlan model : source.models()) {
                for (ColumnPlan column : model.columns()) {
                    Column c = column.column();
                    List<String> facts = new ArrayList<>();
                    c.identity().ifPresent(i -> facts.add("identity(" + i.seed() + ", " + i.increment() + ")"));
                    c.defaultExpression().ifPresent(d -> facts.add("default `" + oneLine(d) + "`"));
                    c.computedExpression().ifPresent(e -> facts.add("computed `" + oneLine(e) + "`"
                            + (c.persisted() ? " persisted" : "")));
                    c.type().aliasName().ifPresent(a -> facts.add("alias type " + a + " = " + c.type().sql()));
                    if (!facts.isEmpty()) {
                        rows.add("| " + model.modelName() + " | " + cell(column.outputName()) + " | "
                                + cell(String.join("; ", facts)) + " |");
                    }
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Identity, defaults, computed columns and alias types\n\n");
        md.append("The staging models read the values as loaded: identity values are kept, defaults and"
                + " computed expressions were applied by SQL Server when the rows were written, and alias types"
                + " are mapped through their base types. New rows are not generated here, so none of these is"
                + " re-created; each is recorded in the source column's `meta`.\n\n");
        md.append("| model | column | in SQL Server |\n| --- | --- | --- |\n");
        rows.forEach(r -> md.append(r).append("\n"));
        md.append("\n");
    }

    private static void temporalTables(StringBuilder md, ProjectPlan plan) {
        List<String> rows = new ArrayList<>();
        for (SourcePlan source : plan.sources()) {
            for (ModelPlan model : source.models()) {
                TableTraits.temporal(model.table()).ifPresent(t -> rows.add("- `" + snapshotName(model)
                        + "` snapshots `" + model.modelName() + "` (SQL Server " + oneLine(model.table().name()
                        .toString()) + t.historyTable().map(h -> ", history table " + oneLine(h)).orElse("")
                        + ")"));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        md.append("## Temporal tables\n\n");
        md.append("SQL Server system-versioned tables keep every version of a row. Their dbt counterpart is a"
                + " snapshot (`snapshots/`), which records versions from the first `dbt snapshot`/`dbt build` on,"
                + " by the period start column when there is one (timestamp strategy), otherwise by comparing all"
                + " columns. The versions recorded before the migration are in the history table, which is"
                + " staged like any other table when it is part of the input.\n\n");
        rows.forEach(r -> md.append(r).append("\n"));
        md.append("\n");
    }

    private static String cell(String text) {
        return oneLine(text).replace("|", "\\|");
    }

    /** Descriptions are rendered by dbt's Jinja; text that looks like Jinja is kept literal. */
    static Optional<String> description(Optional<String> text) {
        return ProjectPlanner.nonBlank(text).map(t -> t.contains("{{") || t.contains("{%") || t.contains("{#")
                ? "{% raw %}" + t + "{% endraw %}" : t);
    }

    static String oneLine(String text) {
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

    private static final String EXPRESSION_IS_TRUE_SQL = """
            {#- Generated by DataMigrate: SQL Server CHECK constraints, without dbt_utils.
                Fails with the rows where the expression is false. Rows where it is NULL (unknown) pass,
                as SQL Server's CHECK constraints let them pass. -#}
            {% test expression_is_true(model, expression) %}

            select *
            from {{ model }}
            where not ({{ expression }})

            {% endtest %}
            """;

    @Override
    public String toString() {
        return "DbtProjectTarget[naming=" + config.naming().name().toLowerCase(Locale.ROOT) + "]";
    }
}
