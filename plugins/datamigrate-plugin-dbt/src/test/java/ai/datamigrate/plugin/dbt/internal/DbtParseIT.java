package ai.datamigrate.plugin.dbt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.datamigrate.spi.output.GeneratedFile;
import ai.datamigrate.spi.output.OutputResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real dbt on the generated project: {@code dbt parse} needs no database, yet checks the YAML against
 * dbt's schema, resolves every ref, source and generic test, and writes the manifest.
 *
 * <p>Needs {@code DATAMIGRATE_DBT} pointing to a dbt executable with the postgres adapter. Skipped without it,
 * except in CI ({@code CI=true}), where a skipped real test would hide a broken project.
 */
class DbtParseIT {

    private static final String DBT_ENV = "DATAMIGRATE_DBT";
    /** Deprecations dbt 1.10 raises for property files it will reject later: our YAML must not trigger them. */
    private static final List<String> YAML_DEPRECATIONS = List.of("MissingArgumentsPropertyInGenericTestDeprecation",
            "ArgumentsPropertyInGenericTestDeprecation", "CustomKeyInObjectDeprecation",
            "PropertyMovedToConfigDeprecation", "GenericJSONSchemaValidationDeprecation",
            "CustomKeyInConfigDeprecation", "DuplicateYAMLKeysDeprecation");

    /** The dbt executable; skips the test, or fails it in CI, when there is none. */
    private static String dbt() {
        String configured = System.getenv(DBT_ENV);
        if (configured == null || configured.isBlank()) {
            String message = DBT_ENV + " is not set: set it to a dbt executable (dbt-core >= 1.10.5 with"
                    + " dbt-postgres) to run dbt parse on the generated project";
            if ("true".equals(System.getenv("CI"))) {
                fail(message + " (CI=true: real tests must not be skipped)");
            }
            Assumptions.abort(message);
        }
        return configured;
    }

    @Test
    void dbtParsesTheGeneratedProject(@TempDir Path project) throws Exception {
        String dbt = dbt();
        OutputResult result = new DbtProjectTarget(DbtConfig.defaults()).generate(TranslatedModels.request(
                TranslatedModels.withViews(SampleDatabase.databaseWithChecksAndHistory(), TranslatedModels.SUBTOTALS,
                        TranslatedModels.TOTALS), TranslatedModels.totals(), TranslatedModels.subtotals()));
        for (GeneratedFile file : result.files()) {
            Path path = project.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.content());
        }
        Files.copy(project.resolve("profiles.yml.example"), project.resolve("profiles.yml"));

        List<String> command = List.of(dbt, "--no-use-colors", "parse");
        ProcessRunner.Result run = ProcessRunner.run(command, project, Map.of(
                "DBT_PROFILES_DIR", project.toString(),
                "DBT_LOG_PATH", project.resolve("logs").toString(),
                // The profile has no default for secrets; parse renders it, so it needs some value.
                "DATAMIGRATE_PG_PASSWORD", "not-a-real-password",
                "DBT_SEND_ANONYMOUS_USAGE_STATS", "false",
                "DO_NOT_TRACK", "1",
                "DBT_VERSION_CHECK", "false"), Duration.ofMinutes(3));
        assertFalse(run.timedOut(), run.describe(command));
        assertEquals(0, run.exitCode(), run.describe(command));
        for (String deprecation : YAML_DEPRECATIONS) {
            assertFalse(run.output().contains(deprecation), deprecation + " in " + run.describe(command));
        }

        JsonNode manifest = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile());
        Set<String> nodes = new TreeSet<>();
        manifest.get("nodes").fieldNames().forEachRemaining(nodes::add);
        for (String model : List.of("stg_northwind_mini__customers", "stg_northwind_mini__orders",
                "stg_northwind_mini__order_details", "stg_northwind_mini_sales__region")) {
            assertTrue(nodes.contains("model.northwind_mini." + model), model + " missing from " + nodes);
        }
        Set<String> sources = new TreeSet<>();
        manifest.get("sources").fieldNames().forEachRemaining(sources::add);
        assertEquals(Set.of("source.northwind_mini.northwind_mini.customers",
                "source.northwind_mini.northwind_mini.orders", "source.northwind_mini.northwind_mini.order_details",
                "source.northwind_mini.northwind_mini_sales.region",
                "source.northwind_mini.northwind_mini_sales.employee"), sources);
        assertEquals("Order Details", manifest.at("/sources/source.northwind_mini.northwind_mini.order_details"
                + "/identifier").asText());

        Set<String> testKinds = new TreeSet<>();
        int tests = 0;
        for (JsonNode node : manifest.get("nodes")) {
            if (node.get("resource_type").asText().equals("test")) {
                tests++;
                testKinds.add(node.at("/test_metadata/name").asText());
            }
        }
        assertEquals(Set.of("accepted_values", "expression_is_true", "not_null", "relationships", "unique",
                "unique_combination_of_columns"), testKinds);
        assertEquals(28, tests, "tests in the manifest");
        assertTrue(nodes.contains("snapshot.northwind_mini.snp_northwind_mini_sales__employee"), nodes.toString());
        assertTrue(manifest.at("/nodes/model.northwind_mini.stg_northwind_mini__orders/contract/enforced")
                .asBoolean(), "contract enforced");
        JsonNode relationship = manifest.get("nodes").findParents("test_metadata").stream()
                .map(n -> n.get("test_metadata"))
                .filter(m -> m.get("name").asText().equals("relationships")
                        && m.at("/kwargs/column_name").asText().equals("customer_id"))
                .findFirst().orElseThrow();
        assertEquals("ref('stg_northwind_mini__customers')", relationship.at("/kwargs/to").asText());
        JsonNode mart = manifest.at("/nodes/model.northwind_mini.order_totals");
        assertEquals(Set.of("model.northwind_mini.stg_northwind_mini__orders",
                "model.northwind_mini.int_northwind_mini__order_subtotals"), texts(mart.at("/depends_on/nodes")));
        assertTrue(mart.at("/contract/enforced").asBoolean(), "mart contract enforced");
        assertEquals("table", mart.at("/config/materialized").asText());
        assertEquals("Sales.Order Totals", mart.at("/config/meta/source_object").asText());
        assertEquals("rule", mart.at("/config/meta/origin").asText());
        assertEquals(Set.of("model.northwind_mini.stg_northwind_mini__order_details"), texts(manifest.at(
                "/nodes/model.northwind_mini.int_northwind_mini__order_subtotals/depends_on/nodes")));
        assertEquals(SampleDatabase.CUSTOMERS_DESCRIPTION, manifest.at(
                "/nodes/model.northwind_mini.stg_northwind_mini__customers/description").asText());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
