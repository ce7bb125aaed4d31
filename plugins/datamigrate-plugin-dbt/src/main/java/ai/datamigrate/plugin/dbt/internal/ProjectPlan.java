package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.target.TypeMapping;
import java.util.List;
import java.util.Optional;

/**
 * Every naming decision of one generated project, made once so that files that refer to each other (models,
 * their tests, relationships between them) agree.
 */
record ProjectPlan(String databaseName, String projectName, String profileName, List<SourcePlan> sources,
                   List<Diagnostic> diagnostics) {

    ProjectPlan {
        sources = List.copyOf(sources);
        diagnostics = List.copyOf(diagnostics);
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

    Optional<ModelPlan> model(ObjectName table) {
        return sources.stream().flatMap(s -> s.models().stream()).filter(m -> m.table().name().matches(table))
                .findFirst();
    }
}
