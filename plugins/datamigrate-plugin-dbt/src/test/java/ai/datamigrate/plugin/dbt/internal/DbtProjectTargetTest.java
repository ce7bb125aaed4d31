package ai.datamigrate.plugin.dbt.internal;

import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.at;
import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.column;
import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.fk;
import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.pk;
import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.schema;
import static ai.datamigrate.plugin.dbt.internal.SampleDatabase.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.plugin.postgres.internal.PostgresTargetDialect;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ForeignKey;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.output.GeneratedFile;
import ai.datamigrate.spi.output.ObjectAnnotations;
import ai.datamigrate.spi.output.OutputRequest;
import ai.datamigrate.spi.output.OutputResult;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DbtProjectTargetTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String STAGING = "models/staging/northwind_mini/";
    private static final String SALES = "models/staging/northwind_mini_sales/";

    private static OutputResult generate(DbtConfig config, Database database) {
        return new DbtProjectTarget(config).generate(SampleDatabase.request(database));
    }

    private static OutputResult sample() {
        return generate(DbtConfig.defaults(), SampleDatabase.database());
    }

    private static String file(OutputResult result, String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).map(GeneratedFile::content).findFirst()
                .orElseThrow(() -> new AssertionError("no file " + path + " in " + paths(result)));
    }

    private static List<String> paths(OutputResult result) {
        return result.files().stream().map(GeneratedFile::path).toList();
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
                // Select the list element whose name is the step.
                current = list.stream().filter(e -> step.equals(((Map<String, Object>) e).get("name"))).findFirst()
                        .orElseThrow(() -> new AssertionError("no element named " + step + " in " + node));
            } else {
                current = ((Map<String, Object>) current).get(step);
            }
        }
        return (T) current;
    }

    private static List<Diagnostic> diagnostics(OutputResult result, String code) {
        return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    @Test
    void agentsAnnotationsOfATableGoOnItsStagingModelAndNowhereElse() {
        Database database = SampleDatabase.database();
        ObjectName customers = database.tables().filter(t -> t.name().name().equals("Customers")).findFirst()
                .orElseThrow().name();
        OutputRequest request = new OutputRequest(database, new PostgresTargetDialect(), List.of(), List.of(),
                Map.of(customers, new ObjectAnnotations(new java.util.TreeMap<>(Map.of("pii", "true",
                        "pii_columns", "ContactName")), List.of("pii", "pii"))));
        OutputResult annotated = new DbtProjectTarget(DbtConfig.defaults()).generate(request);
        Map<String, Object> models = yaml(annotated, STAGING + "_northwind_mini__models.yml");
        Map<String, Object> config = get(models, "models", "stg_northwind_mini__customers", "config");
        assertEquals(Map.of("enforced", true), config.get("contract"));
        assertEquals(Map.of("pii", "true", "pii_columns", "ContactName"), get(config, "meta", "datamigrate"));
        assertEquals(List.of("pii"), config.get("tags"));
        Map<String, Object> orders = get(models, "models", "stg_northwind_mini__orders", "config");
        assertEquals(Map.of("contract", Map.of("enforced", true)), orders);
        // without annotations the project is what it was
        assertEquals(file(sample(), STAGING + "_northwind_mini__sources.yml"),
                file(annotated, STAGING + "_northwind_mini__sources.yml"));
    }

    @Test
    void writesTheExpectedFilesSortedByPath() {
        assertEquals(List.of(
                ".gitignore",
                "README.md",
                "dbt_project.yml",
                STAGING + "_northwind_mini__models.yml",
                STAGING + "_northwind_mini__sources.yml",
                STAGING + "stg_northwind_mini__customers.sql",
                STAGING + "stg_northwind_mini__order_details.sql",
                STAGING + "stg_northwind_mini__orders.sql",
                SALES + "_northwind_mini_sales__models.yml",
                SALES + "_northwind_mini_sales__sources.yml",
                SALES + "stg_northwind_mini_sales__region.sql",
                "profiles.yml.example",
                "tests/generic/expression_is_true.sql",
                "tests/generic/unique_combination_of_columns.sql"), paths(sample()));
    }

    @Test
    void everyFileHasUnixLineEndingsAndATrailingNewline() {
        for (GeneratedFile file : sample().files()) {
            assertFalse(file.content().contains("\r"), file.path());
            assertTrue(file.content().endsWith("\n"), file.path());
            assertFalse(file.content().startsWith("---"), file.path());
        }
        assertEquals("target/\ndbt_packages/\nlogs/\n", file(sample(), ".gitignore"));
    }

    @Test
    void projectFileNamesTheProjectAfterTheDatabase() {
        Map<String, Object> project = yaml(sample(), "dbt_project.yml");
        assertEquals("northwind_mini", project.get("name"));
        assertEquals("1.0.0", project.get("version"));
        assertEquals(2, project.get("config-version"));
        assertEquals("northwind_mini", project.get("profile"));
        assertEquals(List.of(">=1.10.5", "<2.0.0"), project.get("require-dbt-version"));
        assertEquals(List.of("target", "dbt_packages"), project.get("clean-targets"));
        assertEquals("view", get(project, "models", "northwind_mini", "staging", "+materialized"));
        assertEquals(true, get(project, "flags", "require_generic_test_arguments_property"));
    }

    @Test
    void projectNameStartingWithADigitGetsAPrefixAndConfiguredNamesWin() {
        Database db = new Database("2024 Sales-DB", SampleDatabase.database().schemas(), Optional.empty());
        OutputResult derived = generate(DbtConfig.defaults(), db);
        assertEquals("db_2024_sales_db", yaml(derived, "dbt_project.yml").get("name"));
        assertTrue(paths(derived).contains("models/staging/db_2024_sales_db/stg_db_2024_sales_db__orders.sql"));

        OutputResult configured = generate(DbtConfig.bind(Map.of("dbt.project-name", "shop",
                "dbt.profile-name", "warehouse")), db);
        Map<String, Object> project = yaml(configured, "dbt_project.yml");
        assertEquals("shop", project.get("name"));
        assertEquals("warehouse", project.get("profile"));
        assertEquals("view", get(project, "models", "shop", "staging", "+materialized"));
        assertTrue(yaml(configured, "profiles.yml.example").containsKey("warehouse"));
    }

    @Test
    void profileReadsEverySettingFromTheEnvironmentAndHoldsNoSecret() {
        Map<String, Object> dev = get(yaml(sample(), "profiles.yml.example"), "northwind_mini", "outputs", "dev");
        assertEquals("dev", get(yaml(sample(), "profiles.yml.example"), "northwind_mini", "target"));
        assertEquals("postgres", dev.get("type"));
        assertEquals("{{ env_var('DATAMIGRATE_PG_HOST', 'localhost') }}", dev.get("host"));
        assertEquals("{{ env_var('DATAMIGRATE_PG_PORT', '5432') | as_number }}", dev.get("port"));
        assertEquals("{{ env_var('DATAMIGRATE_PG_USER', 'postgres') }}", dev.get("user"));
        assertEquals("{{ env_var('DATAMIGRATE_PG_PASSWORD') }}", dev.get("password"));
        assertEquals("{{ env_var('DATAMIGRATE_PG_DATABASE', 'postgres') }}", dev.get("dbname"));
        assertEquals("{{ env_var('DATAMIGRATE_PG_SCHEMA', 'analytics') }}", dev.get("schema"));
        assertEquals(4, dev.get("threads"));
        assertEquals(List.of("type", "host", "port", "user", "password", "dbname", "schema", "threads"),
                List.copyOf(dev.keySet()));
        for (Map.Entry<String, Object> setting : dev.entrySet()) {
            if (!List.of("type", "threads").contains(setting.getKey())) {
                assertTrue(setting.getValue().toString().startsWith("{{ env_var('DATAMIGRATE_PG_"),
                        "literal value for " + setting.getKey());
            }
        }
    }

    @Test
    void jinjaDefaultsAreEscaped() {
        assertEquals("{{ env_var('X', 'it\\'s') }}", DbtProjectTarget.envVar(
                new ai.datamigrate.spi.target.ProfileField("k", "X", Optional.of("it's"), false, false)));
    }

    @Test
    void sourcesPointAtTheRawTablesWithTheirOriginalNames() {
        Map<String, Object> sources = yaml(sample(), STAGING + "_northwind_mini__sources.yml");
        assertEquals(2, sources.get("version"));
        Map<String, Object> source = get(sources, "sources", 0);
        assertEquals("northwind_mini", source.get("name"));
        assertEquals("raw", source.get("schema"));
        assertEquals(Map.of("identifier", true), source.get("quoting"));
        assertEquals("Order Details", get(source, "tables", "order_details", "identifier"));
        assertEquals("Customers", get(source, "tables", "customers", "identifier"));
        assertEquals(SampleDatabase.CUSTOMERS_DESCRIPTION, get(source, "tables", "customers", "description"));
        Map<String, Object> company = get(source, "tables", "customers", "columns", "CompanyName");
        // data_type is the raw table's type as loaded; the SQL Server type is kept in meta.
        assertEquals(Map.of("name", "CompanyName", "quote", true, "data_type", "varchar(40)",
                "description", "The customer's \"legal\" name", "config",
                Map.of("meta", Map.of("sql_server_type", "nvarchar(40)"))), company);
        assertEquals("numeric(9,3)", get(source, "tables", "order_details", "columns", "Weight Kg", "data_type"));

        Map<String, Object> sales = get(yaml(sample(), SALES + "_northwind_mini_sales__sources.yml"), "sources", 0);
        assertEquals("northwind_mini_sales", sales.get("name"));
        assertEquals("raw_sales", sales.get("schema"));
        assertEquals("raw_landing_sales", get(yaml(generate(DbtConfig.bind(Map.of("dbt.raw-schema", "raw_landing")),
                SampleDatabase.database()), SALES + "_northwind_mini_sales__sources.yml"), "sources", 0, "schema"));
    }

    @Test
    void stagingModelsRenameAndCastEveryColumn() {
        assertEquals("""
                -- Staging view of SQL Server table dbo.Orders, generated by DataMigrate.
                with source as (

                    select * from {{ source('northwind_mini', 'orders') }}

                ),

                renamed as (

                    select
                        "OrderID"::integer as order_id,
                        "CustomerID"::char(5) as customer_id,
                        "Order"::integer as "order",
                        "OrderDate"::timestamp(3) as order_date,
                        "Freight"::numeric(19,4) as freight
                    from source

                )

                select * from renamed
                """, file(sample(), STAGING + "stg_northwind_mini__orders.sql"));
        String details = file(sample(), STAGING + "stg_northwind_mini__order_details.sql");
        assertTrue(details.contains("{{ source('northwind_mini', 'order_details') }}"), details);
        assertTrue(details.contains("\"Weight Kg\"::numeric(9,3) as weight_kg,"), details);
        assertTrue(file(sample(), STAGING + "stg_northwind_mini__customers.sql")
                .contains("\"User\"::varchar(30) as \"user\","));
    }

    @Test
    void modelTestsFollowTheConstraints() {
        Map<String, Object> models = yaml(sample(), STAGING + "_northwind_mini__models.yml");
        assertEquals(2, models.get("version"));
        Object customers = get(models, "models", "stg_northwind_mini__customers");
        assertEquals(List.of("unique", "not_null"), get(customers, "columns", "customer_id", "data_tests"));
        assertEquals(List.of("not_null"), get(customers, "columns", "company_name", "data_tests"));
        assertNull(get(customers, "columns", "home_page", "data_tests"));
        assertEquals(true, get(customers, "columns", "user", "quote"));
        assertNull(get(customers, "columns", "customer_id", "quote"));
        assertEquals("char(5)", get(customers, "columns", "customer_id", "data_type"));
        assertEquals(SampleDatabase.CUSTOMERS_DESCRIPTION, get(customers, "description"));
        assertEquals("{% raw %}" + SampleDatabase.JINJA_DESCRIPTION + "{% endraw %}",
                get(customers, "columns", "home_page", "description"));

        Object orders = get(models, "models", "stg_northwind_mini__orders");
        assertEquals(List.of(Map.of("relationships", Map.of("arguments",
                        Map.of("to", "ref('stg_northwind_mini__customers')", "field", "customer_id")))),
                get(orders, "columns", "customer_id", "data_tests"));
        assertEquals(List.of("unique", "not_null"), get(orders, "columns", "order_id", "data_tests"));

        Object details = get(models, "models", "stg_northwind_mini__order_details");
        assertEquals(List.of(Map.of("unique_combination_of_columns", Map.of("arguments",
                Map.of("combination_of_columns", List.of("order_id", "product_id"))))), get(details, "data_tests"));
        assertEquals(List.of("not_null", Map.of("relationships", Map.of("arguments",
                        Map.of("to", "ref('stg_northwind_mini__orders')", "field", "order_id")))),
                get(details, "columns", "order_id", "data_tests"));
        assertEquals(List.of("not_null"), get(details, "columns", "product_id", "data_tests"));

        Object region = get(yaml(sample(), SALES + "_northwind_mini_sales__models.yml"), "models", 0);
        assertEquals(List.of("unique", "not_null"), get(region, "columns", "region_code", "data_tests"));
        assertEquals(List.of(Map.of("unique_combination_of_columns", Map.of("arguments",
                Map.of("combination_of_columns", List.of("region_code", "name"))))), get(region, "data_tests"));
    }

    @Test
    void theCompositeKeyTestIsGeneratedInTheProject() {
        String test = file(sample(), "tests/generic/unique_combination_of_columns.sql");
        assertTrue(test.contains("{% test unique_combination_of_columns(model, combination_of_columns) %}"), test);
        assertTrue(test.contains("having count(*) > 1"), test);
    }

    @Test
    void preserveNamingKeepsSqlServerNamesQuoted() {
        OutputResult result = generate(DbtConfig.defaults().withNaming(DbtConfig.Naming.PRESERVE),
                SampleDatabase.database());
        String orders = file(result, STAGING + "stg_northwind_mini__orders.sql");
        assertTrue(orders.contains("\"CustomerID\"::char(5) as \"CustomerID\","), orders);
        assertTrue(orders.contains("\"Order\"::integer as \"Order\","), orders);
        Map<String, Object> models = yaml(result, STAGING + "_northwind_mini__models.yml");
        Object ordersModel = get(models, "models", "stg_northwind_mini__orders");
        assertEquals(true, get(ordersModel, "columns", "CustomerID", "quote"));
        assertEquals(List.of(Map.of("relationships", Map.of("arguments",
                        Map.of("to", "ref('stg_northwind_mini__customers')", "field", "\"CustomerID\"")))),
                get(ordersModel, "columns", "CustomerID", "data_tests"));
        assertEquals(List.of(Map.of("unique_combination_of_columns", Map.of("arguments",
                        Map.of("combination_of_columns", List.of("\"OrderID\"", "\"ProductID\""))))),
                get(models, "models", "stg_northwind_mini__order_details", "data_tests"));
        // Model and file names stay snake_case: they are dbt names, not columns.
        assertTrue(paths(result).contains(STAGING + "stg_northwind_mini__order_details.sql"));
    }

    @Test
    void snakeCaseCollisionsAreSuffixedAndReported() {
        Table clash = table("dbo", "Clash", 40, pk(44, "OrderID"), List.of(), List.of(), Optional.empty(),
                column("OrderID", DataType.of("int"), false, 41),
                column("Order_ID", DataType.of("int"), true, 42),
                column("order id", DataType.of("int"), true, 43));
        OutputResult result = generate(DbtConfig.defaults(), new Database("Shop", List.of(schema("dbo", clash)),
                Optional.empty()));
        String sql = file(result, "models/staging/shop/stg_shop__clash.sql");
        assertTrue(sql.contains("\"OrderID\"::integer as order_id,\n"), sql);
        assertTrue(sql.contains("\"Order_ID\"::integer as order_id_2,\n"), sql);
        assertTrue(sql.contains("\"order id\"::integer as order_id_3\n"), sql);
        List<Diagnostic> collisions = diagnostics(result, "DBT-NAME-COLLISION");
        assertEquals(2, collisions.size(), collisions.toString());
        Diagnostic first = collisions.get(0);
        assertEquals(Severity.WARNING, first.severity());
        assertEquals(Optional.of("dbo.Clash"), first.object());
        assertEquals(at(42), first.location());
        assertTrue(first.message().contains("'OrderID' (northwind.sql:41:5)")
                && first.message().contains("'Order_ID' (northwind.sql:42:5)")
                && first.message().contains("order_id_2"), first.message());
        assertEquals(at(43), collisions.get(1).location());
        // The key test follows the column that kept the name.
        assertEquals(List.of("unique", "not_null"), get(yaml(result, "models/staging/shop/_shop__models.yml"),
                "models", 0, "columns", "order_id", "data_tests"));
    }

    @Test
    void tablesThatCollideGetDistinctModels() {
        Table a = table("dbo", "OrderDetails", 1, Optional.empty(), List.of(), List.of(), Optional.empty(),
                column("Id", DataType.of("int"), false, 2));
        Table b = table("dbo", "Order Details", 3, Optional.empty(), List.of(), List.of(), Optional.empty(),
                column("Id", DataType.of("int"), false, 4));
        OutputResult result = generate(DbtConfig.defaults(), new Database("Shop", List.of(schema("dbo", a, b)),
                Optional.empty()));
        assertTrue(paths(result).contains("models/staging/shop/stg_shop__order_details.sql"));
        assertTrue(paths(result).contains("models/staging/shop/stg_shop__order_details_2.sql"));
        assertEquals("Order Details", get(yaml(result, "models/staging/shop/_shop__sources.yml"), "sources", 0,
                "tables", "order_details_2", "identifier"));
        assertEquals(1, diagnostics(result, "DBT-NAME-COLLISION").size());
    }

    @Test
    void lossyTypesAndComputedColumnsAreReported() {
        OutputResult result = sample();
        List<Diagnostic> lossy = diagnostics(result, "DBT-LOSSY-TYPE");
        assertEquals(1, lossy.size(), lossy.toString());
        assertEquals(Severity.WARNING, lossy.get(0).severity());
        assertEquals(Optional.of("dbo.Customers"), lossy.get(0).object());
        assertEquals(at(6), lossy.get(0).location());
        assertTrue(lossy.get(0).message().contains("'Location' geography becomes text")
                && lossy.get(0).message().contains("PostGIS"), lossy.get(0).message());
        List<Diagnostic> computed = diagnostics(result, "DBT-COMPUTED-COLUMN");
        assertEquals(1, computed.size());
        assertEquals(Severity.INFO, computed.get(0).severity());
        assertEquals(Optional.of("dbo.Order Details"), computed.get(0).object());
        assertTrue(file(result, STAGING + "stg_northwind_mini__order_details.sql")
                .contains("\"LineTotal\"::numeric(19,4) as line_total  -- computed in SQL Server"));
    }

    @Test
    void foreignKeysThatCannotBeTestedAreReported() {
        ForeignKey composite = new ForeignKey(Optional.of("FK_Line_Order"), List.of("OrderID", "ProductID"),
                new ObjectName("dbo", "Order Details"), List.of("OrderID", "ProductID"), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION, true, at(55));
        ForeignKey unchecked = new ForeignKey(Optional.empty(), List.of("ShipperID"),
                new ObjectName("dbo", "Orders"), List.of(), ReferentialAction.NO_ACTION,
                ReferentialAction.NO_ACTION, false, at(56));
        Table line = table("dbo", "Shipment Lines", 50, Optional.empty(), List.of(),
                List.of(composite, unchecked, fk("CarrierID", "ext", "Carriers", "ID", 57)), Optional.empty(),
                column("OrderID", DataType.of("int"), false, 51),
                column("ProductID", DataType.of("int"), false, 52),
                column("ShipperID", DataType.of("int"), true, 53),
                column("CarrierID", DataType.of("int"), true, 54));
        Database base = SampleDatabase.database();
        List<Table> tables = new java.util.ArrayList<>(base.schemas().get(0).tables());
        tables.add(line);
        Database db = new Database(base.name(), List.of(schema("dbo", tables.toArray(Table[]::new))),
                Optional.empty());
        OutputResult result = generate(DbtConfig.defaults(), db);

        List<Diagnostic> untested = diagnostics(result, "DBT-COMPOSITE-FK-UNTESTED");
        assertEquals(1, untested.size());
        assertEquals(at(55), untested.get(0).location());
        assertEquals(Optional.of("dbo.Shipment Lines"), untested.get(0).object());
        assertTrue(untested.get(0).message().contains("FK_Line_Order"), untested.get(0).message());
        List<Diagnostic> missing = diagnostics(result, "DBT-FK-TARGET-MISSING");
        assertEquals(1, missing.size());
        assertTrue(missing.get(0).message().contains("ext.Carriers"), missing.get(0).message());

        // No referenced column means the referenced table's primary key; WITH NOCHECK makes it a warning.
        Object shipper = get(yaml(result, STAGING + "_northwind_mini__models.yml"), "models",
                "stg_northwind_mini__shipment_lines", "columns", "shipper_id", "data_tests");
        assertEquals(List.of(Map.of("relationships", Map.of("arguments",
                Map.of("to", "ref('stg_northwind_mini__orders')", "field", "order_id"),
                "config", Map.of("severity", "warn")))), shipper);
    }

    @Test
    void readmeSaysHowToRun() {
        String readme = file(sample(), "README.md");
        assertTrue(readme.startsWith("# northwind_mini\n"), readme);
        for (String expected : List.of("dbt parse", "dbt build", "DATAMIGRATE_PG_PASSWORD", "pip install dbt-postgres",
                "| Sales | northwind_mini_sales | raw_sales | 1 |")) {
            assertTrue(readme.contains(expected), expected);
        }
    }

    @Test
    void diagnosticsAreSorted() {
        List<Diagnostic> diagnostics = sample().diagnostics();
        assertEquals(diagnostics.stream().sorted().toList(), diagnostics);
    }
}
