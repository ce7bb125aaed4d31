package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ColumnPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.Import;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.Layer;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ModelPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.StagedTable;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.TranslatedPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.UpstreamModel;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.output.ModelColumn;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;

/** The SQL and YAML of translated models (marts and intermediate models). */
final class TranslatedModelFiles {

    private final DbtConfig config;
    private final TargetDialect dialect;

    TranslatedModelFiles(DbtConfig config, TargetDialect dialect) {
        this.config = config;
        this.dialect = dialect;
    }

    /**
     * The model: one import CTE per relation read (dbt's style: every ref/source at the top), the translated SQL
     * in a CTE of its own with the placeholders replaced by the import CTEs' names, and {@code select * from} it.
     * Nesting the translated SQL keeps it exactly as translated, including a {@code WITH} of its own.
     */
    String sql(TranslatedPlan plan) {
        TranslatedModel model = plan.model();
        StringBuilder sql = new StringBuilder();
        sql.append("-- ").append(plan.layer() == Layer.MARTS ? "Mart" : "Intermediate model").append(" of SQL Server ")
                .append(jinjaLiteral(DbtProjectTarget.oneLine(model.kind() + " " + model.object())))
                .append(", translated by DataMigrate (").append(jinjaLiteral(DbtProjectTarget.oneLine(model.origin())))
                .append(").\n");
        sql.append("with\n\n");
        Map<String, String> replacements = new HashMap<>();
        for (Import anImport : plan.imports()) {
            sql.append(anImport.cteName()).append(" as (\n\n").append(importBody(anImport)).append("\n),\n\n");
            anImport.placeholders().forEach(p -> replacements.put(p, anImport.cteName()));
        }
        sql.append(plan.finalName()).append(" as (\n\n");
        sql.append(fill(jinjaLiteral(statement(model.sql())), replacements));
        sql.append("\n\n)\n\nselect * from ").append(plan.finalName()).append('\n');
        return sql.toString();
    }

    private String importBody(Import anImport) {
        if (anImport.upstream() instanceof UpstreamModel upstream) {
            return "    select * from {{ ref('" + upstream.modelName() + "') }}\n";
        }
        ModelPlan table = ((StagedTable) anImport.upstream()).table();
        if (config.referenceTables() == DbtConfig.ReferenceTables.SOURCE) {
            // The raw table has the SQL Server column names the translated SQL uses.
            return "    select * from {{ source('" + table.sourceName() + "', '" + table.tableName() + "') }}\n";
        }
        String ref = "{{ ref('" + table.modelName() + "') }}";
        if (table.columns().stream().allMatch(c -> c.outputName().equals(c.column().name()))) {
            return "    select * from " + ref + "\n";
        }
        // Staging renamed the columns; the translated SQL uses the names SQL Server code uses: rename them back.
        StringBuilder body = new StringBuilder("    select\n");
        List<ColumnPlan> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnPlan column = columns.get(i);
            body.append("        ").append(dialect.identifier(column.outputName()));
            if (!column.outputName().equals(column.column().name())) {
                body.append(" as ").append(dialect.identifier(column.column().name()));
            }
            body.append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        return body.append("    from ").append(ref).append('\n').toString();
    }

    /** One SELECT as the body of a CTE: without the statement's closing semicolon. */
    private static String statement(String sql) {
        return sql.strip().replaceFirst(";$", "").stripTrailing();
    }

    /**
     * Replaces each placeholder, an exact made-up token, in one pass. The planner has checked that every token in
     * the SQL has a replacement.
     */
    static String fill(String sql, Map<String, String> replacements) {
        Matcher matcher = TranslatedModelPlanner.PLACEHOLDER.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length() + 64);
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacements.get(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * dbt renders models with Jinja: text from SQL Server ({@code '{{'} in a string literal, a name) must come out
     * as written, so every Jinja opening is printed by Jinja itself.
     */
    static String jinjaLiteral(String text) {
        return text.replaceAll("\\{([{%#])", "{{ '{$1' }}");
    }

    /** The {@code _<source>__models.yml} of one folder: its models in name order. */
    String yaml(List<TranslatedPlan> plans) {
        List<Object> models = new ArrayList<>();
        for (TranslatedPlan plan : plans.stream().sorted(Comparator.comparing(TranslatedPlan::modelName)).toList()) {
            models.add(yamlModel(plan));
        }
        Map<String, Object> root = Yaml.map();
        root.put("version", 2);
        root.put("models", models);
        return Yaml.write(root);
    }

    private Map<String, Object> yamlModel(TranslatedPlan plan) {
        TranslatedModel model = plan.model();
        Map<String, Object> yamlModel = Yaml.map();
        yamlModel.put("name", plan.modelName());
        yamlModel.put("description", DbtProjectTarget.description(model.description())
                .or(() -> DbtProjectTarget.description(plan.object().flatMap(CatalogObject::description)))
                .orElse("SQL Server " + DbtProjectTarget.oneLine(model.kind() + " " + model.object())
                        + ", translated by DataMigrate."));
        Map<String, Object> modelConfig = Yaml.map();
        modelConfig.put("materialized", materialization(plan));
        if (contracted(plan)) {
            modelConfig.put("contract", Map.of("enforced", true));
        }
        Map<String, Object> meta = Yaml.map();
        meta.put("source_object", model.object().toString());
        meta.put("source_kind", model.kind());
        meta.put("origin", model.origin());
        if (!model.meta().isEmpty()) {
            Map<String, Object> datamigrate = Yaml.map();
            datamigrate.put("origin", model.origin());
            model.meta().forEach(datamigrate::put);
            meta.put("datamigrate", datamigrate);
        }
        modelConfig.put("meta", meta);
        if (!model.tags().isEmpty()) {
            modelConfig.put("tags", model.tags());
        }
        yamlModel.put("config", modelConfig);
        List<Object> columns = new ArrayList<>();
        for (ModelColumn column : model.columns()) {
            Map<String, Object> yamlColumn = Yaml.map();
            yamlColumn.put("name", column.name());
            if (dialect.requiresQuoting(column.name())) {
                yamlColumn.put("quote", true);
            }
            column.dataType().ifPresent(type -> yamlColumn.put("data_type", type));
            DbtProjectTarget.description(column.description()).ifPresent(d -> yamlColumn.put("description", d));
            columns.add(yamlColumn);
        }
        if (!columns.isEmpty()) {
            yamlModel.put("columns", columns);
        }
        return yamlModel;
    }

    /**
     * The translator's hint when it is one dbt has, otherwise a view (reported by the planner). A mart is what
     * people query, so it is never ephemeral: an ephemeral mart would not exist in the database.
     */
    static String materialization(TranslatedPlan plan) {
        String hint = plan.model().materialization().toLowerCase(Locale.ROOT);
        if (!TranslatedModelPlanner.MATERIALIZATIONS.contains(hint)
                || (plan.layer() == Layer.MARTS && hint.equals("ephemeral"))) {
            return "view";
        }
        return hint;
    }

    /**
     * Marts are the project's interface, so they get a contract, when the translator knows every column's type
     * (a contract needs them all). Ephemeral models cannot have one.
     */
    static boolean contracted(TranslatedPlan plan) {
        List<ModelColumn> columns = plan.model().columns();
        return plan.layer() == Layer.MARTS && !materialization(plan).equals("ephemeral") && !columns.isEmpty()
                && columns.stream().allMatch(c -> c.dataType().isPresent());
    }
}
