package ai.datamigrate.plugin.dbt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.output.GeneratedFile;
import ai.datamigrate.spi.output.ObjectOutcome;
import ai.datamigrate.spi.output.OutputResult;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Outcomes, CHECK tests, contracts, source metadata and snapshots. */
class DbtProjectFeaturesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String STAGING = "models/staging/northwind_mini/";
    private static final String SALES = "models/staging/northwind_mini_sales/";
    private static final String MODELS = STAGING + "_northwind_mini__models.yml";

    private static OutputResult generate(DbtConfig config) {
        return new DbtProjectTarget(config).generate(SampleDatabase.request(SampleDatabase.databaseWithChecksAndHistory()));
    }

    private static String file(OutputResult result, String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).map(GeneratedFile::content).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + path));
    }

    private static Map<String, Object> yaml(OutputResult result, String path) {
        try {
            return YAML.readValue(file(result, path), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (step instanceof Integer index) {
                current = ((List<Object>) current).get(index);
            } else if (current instanceof List<?> list) {
                current = list.stream().filter(e -> step.equals(((Map<String, Object>) e).get("name"))).findFirst()
                        .orElseThrow(() -> new AssertionError("no element named " + step));
            } else {
                current = ((Map<String, Object>) current).get(step);
            }
        }
        return (T) current;
    }

    @Test
    void everySourceObjectHasAnOutcome() {
        Database base = SampleDatabase.databaseWithChecksAndHistory();
        View view = new View(new ObjectName("dbo", "Invoices"), List.of(), false, Optional.empty(),
                "CREATE VIEW Invoices AS SELECT 1 AS x", new SourceLocation("northwind.sql", 90, 1));
        Table empty = new Table(new ObjectName("dbo", "Empty"), List.of(), Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), Map.of(), Optional.empty(), "", new SourceLocation("northwind.sql", 95, 1));
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : base.schemas()) {
            List<Table> tables = new ArrayList<>(s.tables());
            if (s.name().equals("dbo")) {
                tables.add(empty);
            }
            schemas.add(new Schema(s.name(), tables, s.name().equals("dbo") ? List.of(view) : List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), Optional.empty()));
        }
        OutputResult result = new DbtProjectTarget(DbtConfig.defaults()).generate(SampleDatabase.request(
                new Database(base.name(), schemas, Optional.empty())));

        assertEquals(List.of("dbo.Customers", "dbo.Empty", "dbo.Invoices", "dbo.Order Details", "dbo.Orders",
                        "Sales.Employee", "Sales.Region"),
                result.outcomes().stream().map(o -> o.object().toString()).toList(), "sorted by name");
        ObjectOutcome orders = result.outcomes().get(4);
        assertEquals(ObjectOutcome.generated(new ObjectName("dbo", "Orders"), "table", "stg_northwind_mini__orders",
                List.of(STAGING + "stg_northwind_mini__orders.sql", MODELS)), orders);
        assertEquals(ObjectOutcome.notGenerated(new ObjectName("dbo", "Invoices"), "view"), result.outcomes().get(2));
        assertEquals(ObjectOutcome.notGenerated(new ObjectName("dbo", "Empty"), "table"), result.outcomes().get(1));
        assertEquals(List.of(SALES + "stg_northwind_mini_sales__employee.sql",
                        SALES + "_northwind_mini_sales__models.yml", "snapshots/snp_northwind_mini_sales__employee.yml"),
                result.outcomes().get(5).files());
        // Every generated file an outcome names exists.
        List<String> paths = result.files().stream().map(GeneratedFile::path).toList();
        result.outcomes().forEach(o -> assertTrue(paths.containsAll(o.files()), o.toString()));
    }

    @Test
    void checkConstraintsBecomeTests() {
        OutputResult result = generate(DbtConfig.defaults());
        Map<String, Object> orders = get(yaml(result, MODELS), "models", "stg_northwind_mini__orders");
        assertEquals(List.of(
                Map.of("expression_is_true", Map.of("arguments", Map.of("expression", "freight >= 0"))),
                Map.of("expression_is_true", Map.of("arguments", Map.of("expression",
                        "order_date < localtimestamp and order_date >= '19900101'"))),
                Map.of("expression_is_true", Map.of("arguments", Map.of("expression",
                        "ship_code ~* '^[A-Z][A-Z]-[0-9].*$' or ship_code is null")))),
                get(orders, "data_tests"));
        assertEquals(List.of(Map.of("accepted_values", Map.of("arguments", Map.of("values", List.of("new",
                "shipped"))))), get(orders, "columns", "status", "data_tests"));
        assertEquals(List.of(Map.of("accepted_values", Map.of("arguments", Map.of("values", List.of(false, true),
                "quote", false)))), get(orders, "columns", "rush", "data_tests"));

        List<Diagnostic> untranslated = result.diagnostics().stream()
                .filter(d -> d.code().equals(DbtProjectTarget.CHECK_NOT_TRANSLATED)).toList();
        assertEquals(1, untranslated.size());
        Diagnostic warning = untranslated.get(0);
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(Optional.of("dbo.Orders"), warning.object());
        assertEquals(SampleDatabase.at(55), warning.location());
        assertTrue(warning.message().contains("CK_Orders_Customer (dbo.fn_customer_ok(CustomerID) = 1)"),
                warning.message());
        assertTrue(file(result, "README.md").contains("CK_Orders_Customer"), "README lists it");
        assertTrue(file(result, "tests/generic/expression_is_true.sql").contains("where not ({{ expression }})"));
    }

    @Test
    void viewsHaveContractsWithoutConstraints() {
        Map<String, Object> models = yaml(generate(DbtConfig.defaults()), MODELS);
        for (String model : List.of("stg_northwind_mini__customers", "stg_northwind_mini__orders",
                "stg_northwind_mini__order_details")) {
            assertEquals(Map.of("contract", Map.of("enforced", true)), get(models, "models", model, "config"));
            assertNull(get(models, "models", model, "constraints"));
            List<Map<String, Object>> columns = get(models, "models", model, "columns");
            columns.forEach(c -> {
                assertTrue(c.containsKey("data_type"), c.toString());
                assertFalse(c.containsKey("constraints"), c.toString());
            });
        }
        assertEquals("view", get(yaml(generate(DbtConfig.defaults()), "dbt_project.yml"), "models", "northwind_mini",
                "staging", "+materialized"));
    }

    @Test
    void tablesDeclareConstraintsThatPostgresEnforces() {
        DbtConfig tables = DbtConfig.defaults().withStagingMaterialization(DbtConfig.Materialization.TABLE);
        OutputResult result = generate(tables);
        assertEquals("table", get(yaml(result, "dbt_project.yml"), "models", "northwind_mini", "staging",
                "+materialized"));
        Map<String, Object> models = yaml(result, MODELS);
        assertEquals(List.of(Map.of("type", "primary_key"), Map.of("type", "not_null")),
                get(models, "models", "stg_northwind_mini__orders", "columns", "order_id", "constraints"));
        assertEquals(List.of(Map.of("type", "foreign_key", "to", "ref('stg_northwind_mini__customers')",
                        "to_columns", List.of("customer_id"))),
                get(models, "models", "stg_northwind_mini__orders", "columns", "customer_id", "constraints"));
        // A composite primary key is a model-level constraint.
        assertEquals(List.of(Map.of("type", "primary_key", "columns", List.of("order_id", "product_id"))),
                get(models, "models", "stg_northwind_mini__order_details", "constraints"));
        assertNull(get(models, "models", "stg_northwind_mini__orders", "columns", "freight", "constraints"));

        Map<String, Object> region = get(yaml(result, SALES + "_northwind_mini_sales__models.yml"), "models",
                "stg_northwind_mini_sales__region");
        assertEquals(List.of(Map.of("type", "not_null"), Map.of("type", "unique")),
                get(region, "columns", "region_code", "constraints"));
        assertEquals(List.of(Map.of("type", "unique", "columns", List.of("region_code", "name"))),
                get(region, "constraints"));
        assertTrue(file(result, "README.md").contains("PostgreSQL enforces"));
    }

    @Test
    void theReadmeNamesTheTargetItWasGeneratedFor() {
        ai.datamigrate.spi.output.OutputRequest postgres = SampleDatabase.request(
                SampleDatabase.databaseWithChecksAndHistory());
        ai.datamigrate.spi.output.OutputRequest duckdb = new ai.datamigrate.spi.output.OutputRequest(
                postgres.database(), new ai.datamigrate.plugin.duckdb.internal.DuckDbTargetDialect(),
                postgres.sourceDiagnostics(), postgres.models());
        String readme = file(new DbtProjectTarget(DbtConfig.defaults()).generate(duckdb), "README.md");
        assertFalse(readme.contains("PostgreSQL"), readme);
        assertTrue(readme.contains("translated to DuckDB become models"), readme);
        assertTrue(readme.contains("DuckDB cannot enforce constraints on views"), readme);
        assertTrue(readme.contains("`regexp_full_match(column, 'pattern', 'i')`"), readme);
        assertTrue(readme.contains("pip install dbt-duckdb"), readme);
        String onPostgres = file(generate(DbtConfig.defaults()), "README.md");
        assertTrue(onPostgres.contains("translated to PostgreSQL become models"), onPostgres);
        assertTrue(onPostgres.contains("`column ~* 'pattern'`"), onPostgres);
    }

    @Test
    void sourcesKeepSqlServerFactsInMetaAndCheckFreshness() {
        OutputResult result = generate(DbtConfig.defaults());
        Map<String, Object> source = get(yaml(result, STAGING + "_northwind_mini__sources.yml"), "sources", 0);
        Map<String, Object> orders = get(source, "tables", "orders");
        assertEquals("\"ModifiedDate\"", get(orders, "config", "loaded_at_field"));
        assertEquals(Map.of("warn_after", Map.of("count", 1, "period", "day"), "error_after",
                Map.of("count", 7, "period", "day")), get(orders, "config", "freshness"));
        assertEquals(Map.of("sql_server_type", "int", "identity", Map.of("seed", 1, "increment", 1)),
                get(orders, "columns", "OrderID", "config", "meta"));
        assertEquals(Map.of("sql_server_type", "datetime", "default", "getdate()"),
                get(orders, "columns", "OrderDate", "config", "meta"));
        assertEquals("timestamp(3)", get(orders, "columns", "OrderDate", "data_type"));
        assertEquals(Map.of("sql_server_type", "decimal(19,4)", "computed", "[UnitPrice]*[Quantity]",
                "persisted", false), get(source, "tables", "order_details", "columns", "LineTotal", "config", "meta"));
        assertNull(get(source, "tables", "customers", "config"), "no obvious last-modified column");

        String readme = file(result, "README.md");
        assertTrue(readme.contains("| stg_northwind_mini__orders | order_id | identity(1, 1) |"), readme);
        assertTrue(readme.contains("| stg_northwind_mini__orders | order_date | default `getdate()` |"), readme);
        assertTrue(readme.contains("computed `[UnitPrice]*[Quantity]`"), readme);
    }

    @Test
    void systemVersionedTablesBecomeSnapshots() {
        OutputResult result = generate(DbtConfig.defaults());
        Map<String, Object> snapshot = get(yaml(result, "snapshots/snp_northwind_mini_sales__employee.yml"),
                "snapshots", 0);
        assertEquals("snp_northwind_mini_sales__employee", snapshot.get("name"));
        assertEquals("ref('stg_northwind_mini_sales__employee')", snapshot.get("relation"));
        assertEquals(Map.of("schema", "snapshots", "unique_key", "employee_id", "strategy", "timestamp",
                "updated_at", "valid_from", "hard_deletes", "invalidate"), snapshot.get("config"));
        assertTrue(((String) snapshot.get("description")).contains("history table Sales.EmployeeHistory"));

        Map<String, Object> employee = get(yaml(result, SALES + "_northwind_mini_sales__sources.yml"), "sources", 0,
                "tables", "employee");
        assertEquals("\"ValidFrom\"", get(employee, "config", "loaded_at_field"));
        assertEquals(Map.of("system_versioned", Map.of("period_start", "ValidFrom", "history_table",
                "Sales.EmployeeHistory")), get(employee, "config", "meta"));
        assertTrue(file(result, "README.md").contains("## Temporal tables"));
    }

    @Test
    void temporalTableWithoutPeriodColumnUsesTheCheckStrategy() {
        Table employee = SampleDatabase.temporalEmployee();
        Table withoutPeriod = new Table(employee.name(), employee.columns(), employee.primaryKey(), List.of(),
                List.of(), List.of(), List.of(), Map.of("system_versioning", "ON"), Optional.empty(), "",
                employee.location());
        Database database = new Database("Northwind Mini", List.of(SampleDatabase.schema("Sales", withoutPeriod)),
                Optional.empty());
        OutputResult result = new DbtProjectTarget(DbtConfig.defaults()).generate(SampleDatabase.request(database));
        Map<String, Object> config = get(yaml(result, "snapshots/snp_northwind_mini_sales__employee.yml"),
                "snapshots", 0, "config");
        assertEquals("check", config.get("strategy"));
        assertEquals("all", config.get("check_cols"));
    }

    @Test
    void outputIsDeterministic() {
        OutputResult first = generate(DbtConfig.defaults());
        OutputResult second = generate(DbtConfig.defaults());
        assertEquals(first.files(), second.files());
        assertEquals(first.outcomes(), second.outcomes());
        assertEquals(first.diagnostics(), second.diagnostics());
    }
}
