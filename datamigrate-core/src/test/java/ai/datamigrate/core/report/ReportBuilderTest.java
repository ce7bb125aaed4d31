package ai.datamigrate.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.diagnostic.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static Map<String, ReportObject> byName(MigrationReport report) {
        return report.objects().stream().collect(Collectors.toMap(ReportObject::qualifiedName, Function.identity()));
    }

    @Test
    void everyObjectGetsTheStatusTheRulesGive() {
        Map<String, ReportObject> objects = byName(ReportFixtures.report());
        assertEquals(ObjectStatus.CONVERTED, objects.get("dbo.Customers").status(), "generated, only info about it");
        assertEquals(ObjectStatus.CONVERTED_WITH_WARNINGS, objects.get("sales.Orders").status());
        assertEquals(ObjectStatus.NEEDS_REVIEW, objects.get("dbo.Broken").status(), "generated but with an error");
        assertEquals(ObjectStatus.NEEDS_REVIEW, objects.get("sales.Order Totals").status(), "not generated");
        assertEquals(ObjectStatus.NEEDS_REVIEW, objects.get("dbo.Recalc").status(), "no outcome counts as not generated");
        assertEquals(ObjectStatus.UNSUPPORTED, objects.get("dbo.fnXml").status());
        assertEquals(ObjectStatus.CONVERTED, objects.get("dbo.Phone").status(), "alias types need no model");
    }

    @Test
    void objectsComeInKindOrderThenByNameWithTheirModelFilesAndOrigin() {
        MigrationReport report = ReportFixtures.report();
        assertEquals(List.of("dbo.Broken", "dbo.Customers", "sales.Orders", "sales.Order Totals", "dbo.Recalc",
                "dbo.fnXml", "dbo.Phone"), report.objects().stream().map(ReportObject::qualifiedName).toList());
        ReportObject customers = byName(report).get("dbo.Customers");
        assertEquals(Optional.of("stg_shop__customers"), customers.model());
        assertEquals(List.of("models/staging/shop/_shop__models.yml", "models/staging/shop/stg_shop__customers.sql"),
                customers.files(), "sorted");
        assertEquals(Optional.of("rule"), customers.origin());
        ReportObject totals = byName(report).get("sales.Order Totals");
        assertEquals(Optional.empty(), totals.model());
        assertEquals(List.of(), totals.files());
        assertEquals(Optional.empty(), totals.origin());
    }

    @Test
    void diagnosticsAreMatchedToObjectsCaseInsensitivelyAndTheRestIsUnattached() {
        MigrationReport report = ReportFixtures.report();
        ReportObject customers = byName(report).get("dbo.Customers");
        assertEquals(List.of("MSSQL-IGNORED-STATEMENT"), customers.diagnostics().stream().map(ReportDiagnostic::code)
                .toList(), "'DBO.customers' names dbo.Customers");
        assertEquals(List.of("DBT-LOSSY-TYPE"), byName(report).get("sales.Orders").diagnostics().stream()
                .map(ReportDiagnostic::code).toList());
        assertEquals(List.of("MSSQL-IGNORED-STATEMENT", "MSSQL-UNKNOWN-OBJECT"), report.unattachedDiagnostics()
                .stream().map(ReportDiagnostic::code).toList(), "no object, or one the catalog does not have");
        assertEquals(Optional.of("dbo.Gone"), report.unattachedDiagnostics().get(1).object());
    }

    @Test
    void locationsAndMessagesCarryNoAbsolutePath() {
        MigrationReport report = ReportFixtures.report();
        ReportObject broken = byName(report).get("dbo.Broken");
        assertEquals("shop.sql:30:1", broken.location());
        assertEquals("shop.sql:30:1", broken.diagnostics().get(0).location());
        assertEquals("cannot stage shop.sql", broken.diagnostics().get(0).message());
        assertFalse(ReportFiles.json(report).contains("/home/someone"), ReportFiles.json(report));
    }

    @Test
    void dependenciesComeFromForeignKeysAliasTypesAndCode() {
        Map<String, ReportObject> objects = byName(ReportFixtures.report());
        assertEquals(List.of("dbo.Phone"), objects.get("dbo.Customers").dependencies());
        assertEquals(List.of("dbo.Customers"), objects.get("sales.Orders").dependencies());
        assertEquals(List.of("sales.Orders"), objects.get("sales.Order Totals").dependencies());
        assertEquals(List.of("dbo.Gone", "sales.Orders"), objects.get("dbo.Recalc").dependencies(),
                "unresolved names are kept as written");
        assertEquals(List.of(), objects.get("dbo.Phone").dependencies());
    }

    @Test
    void totalsAndCoverageAreByKindAndOverall() {
        MigrationReport report = ReportFixtures.report();
        ReportSummary summary = report.summary();
        assertEquals(7, summary.all().total());
        assertEquals(2, report.count(ObjectStatus.CONVERTED));
        assertEquals(1, report.count(ObjectStatus.CONVERTED_WITH_WARNINGS));
        assertEquals(3, report.count(ObjectStatus.NEEDS_REVIEW));
        assertEquals(1, report.count(ObjectStatus.UNSUPPORTED));
        assertEquals(0, report.count(ObjectStatus.SKIPPED_BY_USER));
        assertEquals(42.9, summary.all().coveragePercent(), "3 of 7");
        assertEquals(List.of("table", "view", "procedure", "function", "type"),
                summary.byKind().stream().map(KindSummary::kind).toList());
        KindSummary tables = summary.byKind().get(0);
        assertEquals(3, tables.total());
        assertEquals(66.7, tables.coveragePercent());
        assertEquals(0.0, summary.byKind().get(1).coveragePercent());
        assertEquals(Map.of(Severity.ERROR, 1, Severity.WARNING, 4, Severity.INFO, 2),
                summary.diagnosticsBySeverity());
        assertEquals(List.of("DBT-LOSSY-TYPE", "DBT-OBJECT-NOT-GENERATED", "DBT-TABLE-WITHOUT-COLUMNS",
                "MSSQL-IGNORED-STATEMENT", "MSSQL-UNKNOWN-OBJECT", "MSSQL-UNSUPPORTED-STATEMENT"),
                List.copyOf(summary.diagnosticsByCode().keySet()));
        assertEquals(2, summary.diagnosticsByCode().get("MSSQL-IGNORED-STATEMENT"));
    }

    @Test
    void onlyAssessmentsCarryTheEffortEstimate() {
        MigrationReport migrate = ReportFixtures.report(null, false);
        assertTrue(migrate.summary().effort().isEmpty());
        assertTrue(migrate.objects().stream().allMatch(o -> o.effortMinutes().isEmpty()));

        MigrationReport assess = ReportFixtures.report(null, true);
        Map<String, ReportObject> objects = byName(assess);
        assertEquals(OptionalInt.of(5), objects.get("dbo.Customers").effortMinutes());
        assertEquals(OptionalInt.of(20), objects.get("sales.Orders").effortMinutes(), "10 + 10 per warning");
        // procedure: 60 + 2 per started 10 lines (25 lines: 6) + 5 per dependency (2: 10)
        assertEquals(OptionalInt.of(76), objects.get("dbo.Recalc").effortMinutes());
        // function, unsupported: twice (45 + 2 for 1 line + 5 for its warning)
        assertEquals(OptionalInt.of(104), objects.get("dbo.fnXml").effortMinutes());
        int total = assess.objects().stream().mapToInt(o -> o.effortMinutes().getAsInt()).sum();
        EffortEstimate effort = assess.summary().effort().orElseThrow();
        assertEquals(total, effort.totalMinutes());
        assertEquals(Math.round(total / 6.0) / 10.0, effort.totalHours());
        assertEquals(ReportBuilder.EFFORT_METHOD, effort.method());
    }

    @Test
    void anEmptyCatalogGivesAnEmptyButCompleteReport() {
        MigrationReport report = ReportBuilder.of(ReportFixtures.header("migrate"),
                new ai.datamigrate.spi.catalog.Database("Empty", List.of(), Optional.empty())).build();
        assertEquals(0, report.summary().all().total());
        assertEquals(100.0, report.summary().all().coveragePercent(), "nothing left to convert");
        assertTrue(ReportFiles.html(report).contains("No tables, views or routines to draw."));
        assertTrue(ReportFiles.markdown(report).contains("The input defines no objects."));
    }
}
