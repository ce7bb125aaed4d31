package com.example.datamigrate.pii.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.agent.AgentFactory;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.ModelColumn;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.testkit.AgentContract;
import ai.datamigrate.testkit.TestPluginContext;
import ai.datamigrate.testkit.agent.AgentFixtures;
import ai.datamigrate.testkit.agent.TestMigrationState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The testkit's agent contract, and what this agent tags on the testkit's legacy-shop state. */
class PiiTaggingAgentTest implements AgentContract {

    private static final ObjectName CUSTOMERS = new ObjectName("dbo", "Customers");

    @Override
    public AgentFactory factory() {
        return new PiiTaggingAgentFactory();
    }

    private ObjectState after(TestMigrationState state, ObjectName name) {
        return state.object(name).orElseThrow();
    }

    @Test
    void tagsTheCustomersPersonalColumnsAndNothingElse() {
        TestMigrationState state = newState();
        run(create(), state);
        ObjectState customers = after(state, CUSTOMERS);
        assertEquals(Map.of("pii", "true", "pii_columns", "ContactName, Email, Phone",
                "pii_categories", "email, name, phone"), customers.meta());
        assertEquals(List.of("pii"), customers.tags());
        for (ObjectState other : state.objects()) {
            if (!other.object().equals(CUSTOMERS)) {
                assertTrue(other.meta().isEmpty() && other.tags().isEmpty(), "tagged: " + other);
            }
        }
        assertEquals(List.of(
                "legacy_shop.sql:23:5: info PII-COLUMN [dbo.Customers] column ContactName looks like personal data "
                        + "(name)",
                "legacy_shop.sql:24:5: info PII-COLUMN [dbo.Customers] column Email looks like personal data "
                        + "(email)",
                "legacy_shop.sql:25:5: info PII-COLUMN [dbo.Customers] column Phone looks like personal data "
                        + "(phone)"),
                state.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void aViewExposingPersonalDataIsTaggedFromItsModelsColumns() {
        TestMigrationState state = AgentFixtures.legacyShop();
        ObjectName totals = new ObjectName("sales", "Order Totals");
        TranslatedModel model = AgentFixtures.orderTotalsModel();
        TranslatedModel withBirthDates = new TranslatedModel(model.object(), model.kind(), model.sql(),
                model.references(), List.of(new ModelColumn("OrderID", Optional.of("integer"), Optional.empty()),
                new ModelColumn("CustomerBirthDate", Optional.of("date"), Optional.empty()),
                new ModelColumn("ShipToZIP", Optional.of("text"), Optional.empty())), model.materialization(),
                model.origin(), model.description(), new TreeMap<>(), List.of());
        state.update(totals, s -> s.withModel(Optional.of(withBirthDates), s.status()));
        run(create(), state);
        assertEquals("CustomerBirthDate, ShipToZIP", after(state, totals).meta().get("pii_columns"));
        assertEquals("address, birth_date", after(state, totals).meta().get("pii_categories"));
        assertTrue(state.diagnostics().stream().anyMatch(d -> d.location().line() == 89
                && d.message().startsWith("column ShipToZIP ")), state.diagnostics().toString());
    }

    @Test
    void extraPatternsAndTagComeFromTheConfiguration() {
        TestMigrationState state = newState();
        run(factory().create(Map.of(PiiTaggingAgentFactory.EXTRA_PATTERNS, "location=(^|_)country$; created_at",
                PiiTaggingAgentFactory.TAG, "personal-data"), new TestPluginContext()), state);
        ObjectState customers = after(state, CUSTOMERS);
        assertEquals("ContactName, Email, Phone, Country, CreatedAt", customers.meta().get("pii_columns"));
        assertEquals("custom, email, location, name, phone", customers.meta().get("pii_categories"));
        assertEquals(List.of("personal-data"), customers.tags());
    }

    @Test
    void badConfigurationIsAUserErrorNamingTheKey() {
        DataMigrateException regex = assertThrows(DataMigrateException.class, () -> factory().create(
                Map.of(PiiTaggingAgentFactory.EXTRA_PATTERNS, "iban=[A-Z"), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_INVALID_VALUE, regex.errorCode());
        assertTrue(regex.getMessage().contains("pii-tagging.extra-patterns"), regex.getMessage());
        DataMigrateException tag = assertThrows(DataMigrateException.class, () -> factory().create(
                Map.of(PiiTaggingAgentFactory.TAG, "PII data"), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_INVALID_VALUE, tag.errorCode());
        DataMigrateException unknown = assertThrows(DataMigrateException.class, () -> factory().create(
                Map.of("pii-tagging.patterns", "x"), new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, unknown.errorCode());
    }

    @Test
    void namesAreComparedAsWholeSnakeCaseWords() {
        List<PiiRules.Rule> rules = PiiRules.BUILT_IN;
        assertEquals("contact_name", PiiRules.snakeCase("ContactName"));
        assertEquals("html_page", PiiRules.snakeCase("HTMLPage"));
        assertEquals("weight_kg", PiiRules.snakeCase("Weight Kg"));
        assertEquals(Optional.of("email"), PiiRules.category(rules, "EMailAddress", Optional.empty()));
        assertEquals(Optional.of("phone"), PiiRules.category(rules, "HomePhone", Optional.empty()));
        assertEquals(Optional.of("phone"), PiiRules.category(rules, "Contact", Optional.of("Phone")));
        assertEquals(Optional.of("name"), PiiRules.category(rules, "LastName", Optional.empty()));
        assertEquals(Optional.empty(), PiiRules.category(rules, "CompanyName", Optional.empty()));
        assertEquals(Optional.empty(), PiiRules.category(rules, "ProductName", Optional.empty()));
        assertEquals(Optional.empty(), PiiRules.category(rules, "Telemetry", Optional.empty()));
    }
}
