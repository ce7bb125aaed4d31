package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ColumnPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ModelPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.SourcePlan;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.target.TargetDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The raw tables as {@code datamigrate load --schema-only} creates them, for tests that run dbt against a real
 * database: one schema per source, tables and columns in their SQL Server spelling, types mapped by the dialect.
 */
final class RawSchema {

    private RawSchema() {
    }

    /** Statements that drop and re-create the raw schemas of the project generated with {@code config}. */
    static List<String> ddl(Database database, DbtConfig config, TargetDialect dialect) {
        ProjectPlan plan = ProjectPlanner.plan(database, config, dialect);
        List<String> statements = new ArrayList<>();
        for (SourcePlan source : plan.sources()) {
            String schema = dialect.quoteIdentifier(source.rawSchema());
            statements.add("drop schema if exists " + schema + " cascade");
            statements.add("create schema " + schema);
            for (ModelPlan model : source.models()) {
                List<String> columns = new ArrayList<>();
                for (ColumnPlan column : model.columns()) {
                    columns.add(dialect.quoteIdentifier(column.column().name()) + " "
                            + dialect.mapType(column.column().type()).targetType()
                            + (column.column().nullable() ? "" : " not null"));
                }
                statements.add("create table " + schema + "." + dialect.quoteIdentifier(model.table().name().name())
                        + " (" + String.join(", ", columns) + ")");
            }
        }
        return statements;
    }
}
