package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.plugin.postgres.internal.PostgresTargetDialect;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.output.ModelColumn;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.OutputRequest;
import ai.datamigrate.spi.output.TranslatedModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Translated models written by hand in PostgreSQL, as the translator will produce them for the sample database:
 * {@code dbo."Order Subtotals"} (read by the next one, so intermediate) and {@code Sales."Order Totals"} (a mart),
 * both reading the raw SQL Server column names.
 */
final class TranslatedModels {

    static final ObjectName ORDERS = new ObjectName("dbo", "Orders");
    static final ObjectName ORDER_DETAILS = new ObjectName("dbo", "Order Details");
    static final ObjectName SUBTOTALS = new ObjectName("dbo", "Order Subtotals");
    static final ObjectName TOTALS = new ObjectName("Sales", "Order Totals");
    static final ObjectName UNTRANSLATED = new ObjectName("dbo", "Legacy Report");

    private TranslatedModels() {
    }

    static TranslatedModel model(ObjectName object, String sql, List<ModelReference> references,
                                 List<ModelColumn> columns, String materialization) {
        return new TranslatedModel(object, "view", sql, references, columns, materialization, "rule",
                Optional.empty());
    }

    static ModelReference ref(int n, ObjectName target) {
        return new ModelReference("__dm_rel_" + n + "__", target);
    }

    static ModelColumn column(String name, String type) {
        return new ModelColumn(name, Optional.ofNullable(type), Optional.empty());
    }

    /** Northwind's "Order Subtotals": the line totals of each order. */
    static TranslatedModel subtotals() {
        return model(SUBTOTALS, """
                select l."OrderID", sum(l."UnitPrice" * l."Quantity") as "Subtotal"
                from __dm_rel_1__ as l
                group by l."OrderID\"""", List.of(ref(1, ORDER_DETAILS)),
                List.of(column("OrderID", "integer"), column("Subtotal", "numeric")), "view");
    }

    /** Each order with its customer and total, from the orders and the subtotals view. */
    static TranslatedModel totals() {
        return new TranslatedModel(TOTALS, "view", """
                select o."OrderID", o."CustomerID", s."Subtotal" + coalesce(o."Freight", 0) as "Total"
                from __dm_rel_1__ as o
                join __dm_rel_2__ as s on s."OrderID" = o."OrderID";
                """, List.of(ref(1, ORDERS), ref(2, SUBTOTALS)),
                List.of(column("OrderID", "integer"), column("CustomerID", "character(5)"),
                        new ModelColumn("Total", Optional.of("numeric(19,4)"), Optional.of("Lines plus freight."))),
                "table", "rule", Optional.of("Order totals, freight included."));
    }

    static View view(ObjectName name, int line) {
        return new View(name, List.of(), false, Optional.of("MS_Description of " + name.name()), "CREATE VIEW ...",
                SampleDatabase.at(line));
    }

    /** The sample database with the views of {@code names} added to their schemas (created when missing). */
    static Database withViews(Database base, ObjectName... names) {
        List<Schema> schemas = new ArrayList<>(base.schemas());
        int line = 100;
        for (ObjectName name : names) {
            View view = view(name, line++);
            int index = -1;
            for (int i = 0; i < schemas.size(); i++) {
                if (schemas.get(i).name().equalsIgnoreCase(name.schema())) {
                    index = i;
                }
            }
            Schema schema = index < 0 ? SampleDatabase.schema(name.schema()) : schemas.get(index);
            List<View> views = new ArrayList<>(schema.views());
            views.add(view);
            Schema updated = new Schema(schema.name(), schema.tables(), views, schema.procedures(), schema.functions(),
                    schema.triggers(), schema.sequences(), schema.aliasTypes(), schema.description());
            if (index < 0) {
                schemas.add(updated);
            } else {
                schemas.set(index, updated);
            }
        }
        return new Database(base.name(), schemas, base.description());
    }

    static Database database() {
        return withViews(SampleDatabase.database(), SUBTOTALS, TOTALS, UNTRANSLATED);
    }

    static OutputRequest request(Database database, TranslatedModel... models) {
        return new OutputRequest(database, new PostgresTargetDialect(), List.of(), Arrays.asList(models));
    }
}
