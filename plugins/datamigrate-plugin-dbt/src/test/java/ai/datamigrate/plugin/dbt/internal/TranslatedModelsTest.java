package ai.datamigrate.plugin.dbt.internal;

import static ai.datamigrate.plugin.dbt.internal.TranslatedModels.ORDERS;
import static ai.datamigrate.plugin.dbt.internal.TranslatedModels.ORDER_DETAILS;
import static ai.datamigrate.plugin.dbt.internal.TranslatedModels.SUBTOTALS;
import static ai.datamigrate.plugin.dbt.internal.TranslatedModels.TOTALS;
import static ai.datamigrate.plugin.dbt.internal.TranslatedModels.UNTRANSLATED;
import static ai.datamigrate.plugin.dbt.internal.TranslatedModels.column;
import static ai.datamigrate.plugin.dbt.internal.TranslatedModels.model;
import static ai.datamigrate.plugin.dbt.internal.TranslatedModels.ref;
import static ai.datamigrate.plugin.dbt.internal.TranslatedModels.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.output.GeneratedFile;
import ai.datamigrate.spi.output.ModelIncremental;
import ai.datamigrate.spi.output.ModelParameter;
import ai.datamigrate.spi.output.ObjectOutcome;
import ai.datamigrate.spi.output.OutputResult;
import ai.datamigrate.spi.output.TranslatedModel;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TranslatedModelsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String INTERMEDIATE = "models/intermediate/northwind_mini/";
    private static final String MARTS_SALES = "models/marts/northwind_mini_sales/";
    private static final String MARTS = "models/marts/northwind_mini/";

    private static OutputResult generate(DbtConfig config, Database database, TranslatedModel... models) {
        return new DbtProjectTarget(config).generate(request(database, models));
    }

    private static OutputResult shop(DbtConfig config) {
        return generate(config, TranslatedModels.database(), TranslatedModels.totals(), TranslatedModels.subtotals());
    }

    private static Optional<String> file(OutputResult result, String path) {
        return result.files().stream().filter(f -> f.path().equals(path)).map(GeneratedFile::content).findFirst();
    }

    private static String content(OutputResult result, String path) {
        return file(result, path).orElseThrow(() -> new AssertionError("no file " + path + " in "
                + result.files().stream().map(GeneratedFile::path).toList()));
    }

    private static List<String> pathsUnder(OutputResult result, String folder) {
        return result.files().stream().map(GeneratedFile::path).filter(p -> p.startsWith(folder)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yamlModel(OutputResult result, String path, String name) {
        try {
            Map<String, Object> root = YAML.readValue(content(result, path), new TypeReference<>() { });
            return ((List<Map<String, Object>>) root.get("models")).stream().filter(m -> m.get("name").equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no model " + name + " in " + path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Diagnostic> diagnostics(OutputResult result, String code) {
        return result.diagnostics().stream().filter(d -> d.code().equals(code)).toList();
    }

    private static ObjectOutcome outcome(OutputResult result, ObjectName object) {
        return result.outcomes().stream().filter(o -> o.object().equals(object)).findFirst().orElseThrow();
    }

    @Test
    void aModelOthersReadIsIntermediateAndTheRestAreMartsNamedAfterTheObject() {
        OutputResult result = shop(DbtConfig.defaults());
        assertEquals(List.of(INTERMEDIATE + "_northwind_mini__models.yml",
                INTERMEDIATE + "int_northwind_mini__order_subtotals.sql"), pathsUnder(result, "models/intermediate/"));
        assertEquals(List.of(MARTS_SALES + "_northwind_mini_sales__models.yml", MARTS_SALES + "order_totals.sql"),
                pathsUnder(result, "models/marts/"));
        assertEquals(new ObjectOutcome(TOTALS, "view", Optional.of("order_totals"), List.of(MARTS_SALES
                + "order_totals.sql", MARTS_SALES + "_northwind_mini_sales__models.yml"), Optional.of("rule")),
                outcome(result, TOTALS));
        assertEquals(Optional.of("int_northwind_mini__order_subtotals"), outcome(result, SUBTOTALS).model());
        // Only the view nobody translated still says so.
        List<Diagnostic> notGenerated = diagnostics(result, ProjectPlanner.NOT_GENERATED);
        assertEquals(List.of(UNTRANSLATED.toString()), notGenerated.stream().map(d -> d.object().orElseThrow())
                .toList());
        assertEquals(ObjectOutcome.notGenerated(UNTRANSLATED, "view"), outcome(result, UNTRANSLATED));
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.severity() != Severity.INFO
                && !d.code().equals(ProjectPlanner.NOT_GENERATED) && !d.code().equals(ProjectPlanner.LOSSY_TYPE)),
                result.diagnostics().toString());
    }

    @Test
    void tablesAreReadThroughStagingUnderTheirSqlServerColumnNames() {
        String mart = content(shop(DbtConfig.defaults()), MARTS_SALES + "order_totals.sql");
        assertEquals("""
                -- Mart of SQL Server view Sales.Order Totals, translated by DataMigrate (rule).
                with

                orders as (

                    select
                        order_id as "OrderID",
                        customer_id as "CustomerID",
                        "order" as "Order",
                        order_date as "OrderDate",
                        freight as "Freight"
                    from {{ ref('stg_northwind_mini__orders') }}

                ),

                order_subtotals as (

                    select * from {{ ref('int_northwind_mini__order_subtotals') }}

                ),

                final as (

                select o."OrderID", o."CustomerID", s."Subtotal" + coalesce(o."Freight", 0) as "Total"
                from orders as o
                join order_subtotals as s on s."OrderID" = o."OrderID"

                )

                select * from final
                """, mart);
        String intermediate = content(shop(DbtConfig.defaults()), INTERMEDIATE
                + "int_northwind_mini__order_subtotals.sql");
        assertTrue(intermediate.contains("unit_price as \"UnitPrice\",\n"), intermediate);
        assertTrue(intermediate.contains("weight_kg as \"Weight Kg\",\n"), intermediate);
        assertTrue(intermediate.contains("from {{ ref('stg_northwind_mini__order_details') }}"), intermediate);
        assertTrue(intermediate.contains("from order_details as l\n"), intermediate);
    }

    @Test
    void withPreservedNamesStagingIsReadAsIs() {
        String mart = content(shop(DbtConfig.defaults().withNaming(DbtConfig.Naming.PRESERVE)),
                MARTS_SALES + "order_totals.sql");
        assertTrue(mart.contains("orders as (\n\n    select * from {{ ref('stg_northwind_mini__orders') }}\n"), mart);
    }

    @Test
    void referenceTablesSourceReadsTheRawTables() {
        OutputResult result = shop(DbtConfig.bind(Map.of("dbt.reference-tables", "source")));
        String mart = content(result, MARTS_SALES + "order_totals.sql");
        assertTrue(mart.contains("orders as (\n\n    select * from {{ source('northwind_mini', 'orders') }}\n"), mart);
        assertTrue(mart.contains("{{ ref('int_northwind_mini__order_subtotals') }}"), mart);
        assertFalse(mart.contains("stg_"), mart);
        String intermediate = content(result, INTERMEDIATE + "int_northwind_mini__order_subtotals.sql");
        assertTrue(intermediate.contains("{{ source('northwind_mini', 'order_details') }}"), intermediate);
        assertTrue(content(result, "README.md").contains("`dbt.reference-tables=source`"));
    }

    @Test
    void yamlDocumentsTheModelsWithMetaAndContractsOnFullyTypedMarts() {
        OutputResult result = shop(DbtConfig.defaults());
        Map<String, Object> mart = yamlModel(result, MARTS_SALES + "_northwind_mini_sales__models.yml",
                "order_totals");
        assertEquals("Order totals, freight included.", mart.get("description"));
        assertEquals(Map.of("materialized", "table", "contract", Map.of("enforced", true), "meta", Map.of(
                "source_object", "Sales.Order Totals", "source_kind", "view", "origin", "rule")), mart.get("config"));
        assertEquals(List.of(
                Map.of("name", "OrderID", "quote", true, "data_type", "integer"),
                Map.of("name", "CustomerID", "quote", true, "data_type", "character(5)"),
                Map.of("name", "Total", "quote", true, "data_type", "numeric(19,4)", "description", "Lines plus freight.")),
                mart.get("columns"));
        Map<String, Object> intermediate = yamlModel(result, INTERMEDIATE + "_northwind_mini__models.yml",
                "int_northwind_mini__order_subtotals");
        // No description from the translator: the view's MS_Description. Intermediate models have no contract.
        assertEquals("MS_Description of Order Subtotals", intermediate.get("description"));
        assertEquals(Map.of("materialized", "view", "meta", Map.of("source_object", "dbo.Order Subtotals",
                "source_kind", "view", "origin", "rule")), intermediate.get("config"));
    }

    @Test
    void aMartWithAColumnOfUnknownTypeHasNoContract() {
        TranslatedModel untyped = model(new ObjectName("dbo", "Order Count"), "select count(*) as n from __dm_rel_1__",
                List.of(ref(1, ORDERS)), List.of(column("n", null)), "ephemeral");
        OutputResult result = generate(DbtConfig.defaults(), TranslatedModels.withViews(SampleDatabase.database(),
                untyped.object()), untyped);
        Map<String, Object> config = yamlModel(result, MARTS + "_northwind_mini__models.yml", "order_count")
                .get("config") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        assertNull(config.get("contract"));
        assertEquals("view", config.get("materialized"), "a mart is never ephemeral");
    }

    @Test
    @SuppressWarnings("unchecked")
    void parametersBecomeVarsNamedAfterTheModelWithTheirDefaultsInTheMacroThatQuotesThem() {
        ObjectName since = new ObjectName("dbo", "Orders Since");
        TranslatedModel report = new TranslatedModel(since, "procedure", """
                select o."OrderID" from __dm_rel_1__ as o
                where o."OrderDate" >= cast(__dm_var_1__ as timestamp(3))
                and o."ShipCountry" = cast(__dm_var_2__ as varchar(15))""", List.of(ref(1, ORDERS)),
                List.of(column("OrderID", "integer")), "view", "rule", Optional.empty(), new java.util.TreeMap<>(),
                List.of(), List.of(new ModelParameter("__dm_var_1__", "Since", "datetime", "timestamp(3)",
                        Optional.of("1997-01-01 00:00:00"), false),
                new ModelParameter("__dm_var_2__", "ShipCountry", "nvarchar(15)", "varchar(15)", Optional.empty(),
                        true)), Optional.empty());
        OutputResult result = generate(DbtConfig.defaults(), TranslatedModels.withViews(SampleDatabase.database(),
                since), report);
        String sql = content(result, MARTS + "orders_since.sql");
        assertTrue(sql.contains("where o.\"OrderDate\" >= cast({{ datamigrate_literal(var('orders_since__since',"
                + " '1997-01-01 00:00:00')) }} as timestamp(3))"), sql);
        assertTrue(sql.contains("cast({{ datamigrate_literal(var('orders_since__ship_country', none)) }} as"
                + " varchar(15))"), sql);
        assertTrue(content(result, "macros/datamigrate_literal.sql").contains("{% macro datamigrate_literal(value)"));
        Map<String, Object> meta = (Map<String, Object>) ((Map<String, Object>) yamlModel(result, MARTS
                + "_northwind_mini__models.yml", "orders_since").get("config")).get("meta");
        assertEquals(List.of(
                Map.of("name", "orders_since__since", "parameter", "@Since", "type", "datetime",
                        "default", "1997-01-01 00:00:00"),
                new java.util.LinkedHashMap<>(Map.of("name", "orders_since__ship_country", "parameter", "@ShipCountry",
                        "type", "nvarchar(15)")) {{ put("default", null); }}), meta.get("vars"));
        // a project without parameters has no macro
        assertTrue(file(shop(DbtConfig.defaults()), "macros/datamigrate_literal.sql").isEmpty());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIncrementalModelHasItsQuotedUniqueKeyAndAWatermarkFilterWhenThereIsOne() {
        ObjectName sync = new ObjectName("dbo", "Sync Totals");
        TranslatedModel merge = new TranslatedModel(sync, "procedure", """
                select o."OrderID", o."Freight" from __dm_rel_1__ as o""", List.of(ref(1, ORDERS)),
                List.of(column("OrderID", "integer"), column("Freight", "numeric(19,4)")), "incremental", "rule",
                Optional.empty(), new java.util.TreeMap<>(Map.of("writes", "dbo.Totals")), List.of(), List.of(),
                Optional.of(new ModelIncremental(List.of("OrderID"), Optional.of("OrderID"), "MERGE ON OrderID")));
        OutputResult result = generate(DbtConfig.defaults(), TranslatedModels.withViews(SampleDatabase.database(),
                sync), merge);
        Map<String, Object> config = (Map<String, Object>) yamlModel(result, MARTS + "_northwind_mini__models.yml",
                "sync_totals").get("config");
        assertEquals("incremental", config.get("materialized"));
        assertEquals("\"OrderID\"", config.get("unique_key"), "dbt writes the key into SQL as it is given");
        assertEquals("fail", config.get("on_schema_change"), "a contract on an incremental model needs it");
        assertEquals("MERGE ON OrderID", ((Map<String, Object>) config.get("meta")).get("incremental"));
        String sql = content(result, MARTS + "sync_totals.sql");
        assertTrue(sql.endsWith("select * from final\n{% if is_incremental() %}\nwhere \"OrderID\" > (select"
                + " max(\"OrderID\") from {{ this }})\n{% endif %}\n"), sql);
    }

    @Test
    void martNamesArePrefixedWithTheSourceOnlyWhenNotUnique() {
        ObjectName dboTotals = new ObjectName("dbo", "Totals");
        ObjectName salesTotals = new ObjectName("Sales", "TOTALS");
        ObjectName likeStaging = new ObjectName("dbo", "stg_northwind_mini__orders");
        ObjectName reporting = new ObjectName("Reporting", "Top Customers");
        ObjectName longName = new ObjectName("dbo", "A view whose name is far too long to be a PostgreSQL relation"
                + " name at all");
        Database database = TranslatedModels.withViews(SampleDatabase.database(), dboTotals, salesTotals,
                likeStaging, reporting, longName);
        TranslatedModel[] models = List.of(dboTotals, salesTotals, likeStaging, reporting, longName).stream()
                .map(name -> model(name, "select * from __dm_rel_1__", List.of(ref(1, ORDERS)), List.of(), "view"))
                .toArray(TranslatedModel[]::new);
        OutputResult result = generate(DbtConfig.defaults(), database, models);
        assertEquals(Optional.of("northwind_mini__totals"), outcome(result, dboTotals).model());
        assertEquals(Optional.of("northwind_mini_sales__totals"), outcome(result, salesTotals).model());
        // snake_case never has "__", which every staging, intermediate and snapshot name has: they cannot clash.
        assertEquals(Optional.of("stg_northwind_mini_orders"), outcome(result, likeStaging).model());
        // A schema without tables has no dbt source, but its models still get a folder named like one.
        assertEquals(List.of("models/marts/northwind_mini_reporting/top_customers.sql",
                "models/marts/northwind_mini_reporting/_northwind_mini_reporting__models.yml"),
                outcome(result, reporting).files());
        String name = outcome(result, longName).model().orElseThrow();
        assertEquals("a_view_whose_name_is_far_too_long_to_be_a_postgre_sql_relation", name);
        assertTrue(name.length() <= 63);
        assertEquals(1, diagnostics(result, ProjectPlanner.NAME_TOO_LONG).size());
    }

    @Test
    void twoObjectsWithTheSameSnakeNameInOneSchemaGetNumbered() {
        ObjectName spaced = new ObjectName("dbo", "Order Totals");
        ObjectName camel = new ObjectName("dbo", "OrderTotals");
        TranslatedModel[] models = List.of(spaced, camel).stream().map(name -> model(name, "select 1 as one",
                List.of(), List.of(), "view")).toArray(TranslatedModel[]::new);
        OutputResult result = generate(DbtConfig.defaults(), TranslatedModels.withViews(SampleDatabase.database(),
                spaced, camel), models);
        assertEquals(Optional.of("northwind_mini__order_totals"), outcome(result, spaced).model());
        assertEquals(Optional.of("northwind_mini__order_totals_2"), outcome(result, camel).model());
        assertEquals(1, diagnostics(result, ProjectPlanner.NAME_COLLISION).size());
    }

    @Test
    void badPlaceholdersSkipTheModelWithAnError() {
        TranslatedModel missing = model(new ObjectName("dbo", "Missing Token"), "select * from __dm_rel_1__",
                List.of(ref(1, ORDERS), ref(2, ORDER_DETAILS)), List.of(), "view");
        TranslatedModel unknown = model(new ObjectName("dbo", "Unknown Token"),
                "select * from __dm_rel_1__ join __dm_rel_7__ using (\"OrderID\")", List.of(ref(1, ORDERS)),
                List.of(), "view");
        OutputResult result = generate(DbtConfig.defaults(), TranslatedModels.withViews(SampleDatabase.database(),
                missing.object(), unknown.object()), missing, unknown);
        List<Diagnostic> bad = diagnostics(result, TranslatedModelPlanner.BAD_PLACEHOLDER);
        assertEquals(2, bad.size(), bad.toString());
        assertTrue(bad.stream().allMatch(d -> d.severity() == Severity.ERROR));
        assertTrue(bad.get(0).message().contains("__dm_rel_2__ (dbo.Order Details) is not in the SQL"), bad.toString());
        assertTrue(bad.get(1).message().contains("__dm_rel_7__ is in the SQL but names no reference"),
                bad.toString());
        assertEquals(List.of(), pathsUnder(result, "models/marts/"));
        assertEquals(ObjectOutcome.notGenerated(missing.object(), "view"), outcome(result, missing.object()));
        assertTrue(diagnostics(result, ProjectPlanner.NOT_GENERATED).isEmpty(), "reported once, by its own code");
    }

    @Test
    void aCycleIsAnErrorNamingItAndItsReadersMissADependency() {
        ObjectName a = new ObjectName("dbo", "A");
        ObjectName b = new ObjectName("dbo", "B");
        ObjectName c = new ObjectName("dbo", "C");
        OutputResult result = generate(DbtConfig.defaults(), TranslatedModels.withViews(SampleDatabase.database(),
                        a, b, c),
                model(a, "select * from __dm_rel_1__", List.of(ref(1, b)), List.of(), "view"),
                model(b, "select * from __dm_rel_1__ join __dm_rel_2__ using (x)", List.of(ref(1, a), ref(2, ORDERS)),
                        List.of(), "view"),
                model(c, "select * from __dm_rel_1__", List.of(ref(1, a)), List.of(), "view"));
        List<Diagnostic> cycle = diagnostics(result, TranslatedModelPlanner.CYCLE);
        assertEquals(List.of("dbo.A", "dbo.B"), cycle.stream().map(d -> d.object().orElseThrow()).toList());
        assertTrue(cycle.stream().allMatch(d -> d.severity() == Severity.ERROR));
        assertTrue(cycle.get(0).message().contains("dbo.A -> dbo.B -> dbo.A"), cycle.get(0).message());
        assertTrue(cycle.get(1).message().contains("dbo.B -> dbo.A -> dbo.B"), cycle.get(1).message());
        List<Diagnostic> missing = diagnostics(result, TranslatedModelPlanner.MISSING_DEPENDENCY);
        assertEquals(1, missing.size());
        assertEquals(Optional.of("dbo.C"), missing.get(0).object());
        assertTrue(missing.get(0).message().contains("view dbo.A (its model was not generated"), missing.toString());
        assertEquals(List.of(), pathsUnder(result, "models/marts/"));
        assertEquals(List.of(), pathsUnder(result, "models/intermediate/"));
        assertTrue(content(result, "README.md").contains("dbo.A (DBT-MODEL-CYCLE)"));
    }

    @Test
    void aModelReadingItselfIsACycle() {
        ObjectName a = new ObjectName("dbo", "A");
        OutputResult result = generate(DbtConfig.defaults(), TranslatedModels.withViews(SampleDatabase.database(), a),
                model(a, "select * from __dm_rel_1__", List.of(ref(1, a)), List.of(), "view"));
        assertTrue(diagnostics(result, TranslatedModelPlanner.CYCLE).get(0).message().contains("dbo.A -> dbo.A"));
    }

    @Test
    void readingAnUntranslatedViewOrAnUnknownObjectIsAMissingDependency() {
        TranslatedModel reader = model(TOTALS, "select * from __dm_rel_1__ join __dm_rel_2__ using (id)",
                List.of(ref(1, UNTRANSLATED), ref(2, new ObjectName("dbo", "Nowhere"))), List.of(), "view");
        OutputResult result = generate(DbtConfig.defaults(), TranslatedModels.database(), reader);
        List<Diagnostic> missing = diagnostics(result, TranslatedModelPlanner.MISSING_DEPENDENCY);
        assertEquals(1, missing.size());
        assertEquals(Severity.WARNING, missing.get(0).severity());
        assertTrue(missing.get(0).message().contains("view dbo.Legacy Report (not translated)"), missing.toString());
        assertTrue(missing.get(0).message().contains("dbo.Nowhere (not in the catalog)"), missing.toString());
        assertEquals(ObjectOutcome.notGenerated(TOTALS, "view"), outcome(result, TOTALS));
    }

    @Test
    void translatedSqlIsKeptLiteralAndItsOwnNamesAreNotShadowed() {
        // The SQL has a CTE of its own named like the import would be, and a Jinja-looking string.
        TranslatedModel model = model(new ObjectName("dbo", "Tagged"), """
                with orders as (select "OrderID" from __dm_rel_1__)
                select "OrderID", '{{ not jinja }} {% nor this %}' as tag from orders;""",
                List.of(ref(1, ORDERS)), List.of(), "view");
        String sql = content(generate(DbtConfig.defaults(), TranslatedModels.withViews(SampleDatabase.database(),
                model.object()), model), MARTS + "tagged.sql");
        assertTrue(sql.contains("\norders_2 as (\n"), sql);
        assertTrue(sql.contains("with orders as (select \"OrderID\" from orders_2)\n"), sql);
        assertTrue(sql.contains("'{{ '{{' }} not jinja }} {{ '{%' }} nor this %}' as tag from orders\n\n)"), sql);
    }

    @Test
    void theSameInputInAnyOrderGivesTheSameProject() {
        OutputResult first = generate(DbtConfig.defaults(), TranslatedModels.database(), TranslatedModels.totals(),
                TranslatedModels.subtotals());
        OutputResult second = generate(DbtConfig.defaults(), TranslatedModels.database(),
                TranslatedModels.subtotals(), TranslatedModels.totals());
        assertEquals(first, second);
    }
}
