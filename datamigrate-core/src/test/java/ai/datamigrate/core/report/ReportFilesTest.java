package ai.datamigrate.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.output.GeneratedFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportFilesTest {

    private static final String SCRIPT_NAME = "<script>alert(1)</script>";

    @Test
    void theJsonValidatesAgainstThePublishedSchema() {
        assertEquals("", ReportSchema.problems(ReportFiles.json(ReportFixtures.report(null, false))));
        assertEquals("", ReportSchema.problems(ReportFiles.json(ReportFixtures.report(SCRIPT_NAME, true))));
    }

    @Test
    void theSchemaRejectsWhatTheFormatForbids() {
        String json = ReportFiles.json(ReportFixtures.report());
        assertFalse(ReportSchema.problems(json.replace("\"converted_with_warnings\",", "\"almost\",")).isEmpty(),
                "unknown status");
        assertFalse(ReportSchema.problems(json.replace("\"location\": \"shop.sql:30:1\"",
                "\"location\": \"/abs/shop.sql:30:1\"")).isEmpty(), "absolute path");
    }

    @Test
    void theSchemaIdCarriesTheFormatVersion() {
        JsonNode schema = ReportSchema.schemaJson();
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertTrue(schema.get("$id").asText().endsWith(":" + MigrationReport.FORMAT_VERSION),
                schema.get("$id").asText());
    }

    @Test
    void theJsonHasAStableShape() throws IOException {
        String json = ReportFiles.json(ReportFixtures.report());
        assertTrue(json.endsWith("}\n"), "a trailing newline");
        assertFalse(json.contains("\r"), "\\n line ends on every platform");
        assertTrue(json.startsWith("{\n  \"header\": {\n    \"format_version\": \"1.0\",\n"), json);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(List.of("header", "summary", "objects", "unattached_diagnostics"), fieldNames(root));
        JsonNode totals = root.at("/objects/2");
        assertEquals("sales", totals.get("schema").asText());
        assertEquals("converted_with_warnings", totals.get("status").asText());
        assertEquals("stg_shop_sales__orders", totals.get("model").asText());
        assertTrue(root.at("/objects/3").get("model") == null, "absent when nothing was generated");
        assertEquals(3, root.at("/summary/by_status/needs_review").asInt());
        assertEquals(List.of("error", "warning", "info"), fieldNames(root.at("/summary/diagnostics/by_severity")));
    }

    @Test
    void twoRendersOfTwoBuildsAreByteIdentical() {
        List<GeneratedFile> first = ReportFiles.render(ReportFixtures.report(SCRIPT_NAME, true));
        List<GeneratedFile> second = ReportFiles.render(ReportFixtures.report(SCRIPT_NAME, true));
        assertEquals(ReportFiles.NAMES, first.stream().map(GeneratedFile::path).toList());
        assertEquals(first, second);
        for (GeneratedFile file : first) {
            assertFalse(file.content().matches("(?s).*\\b20\\d\\d-\\d\\d-\\d\\d.*"), file.path() + " has a date");
        }
    }

    @Test
    void theHtmlEscapesNamesAndMessages() {
        String html = ReportFiles.html(ReportFixtures.report(SCRIPT_NAME, true));
        assertFalse(html.contains(SCRIPT_NAME), "raw markup from an object name");
        assertFalse(html.contains("alert(1)</script>"));
        assertTrue(html.contains("dbo.&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
        assertEquals(1, count(html, "<script>"), "only the page's own script");
        assertEquals(1, count(html, "</script>"));
        String markdown = ReportFiles.markdown(ReportFixtures.report(SCRIPT_NAME, true));
        assertFalse(markdown.contains(SCRIPT_NAME));
        assertTrue(markdown.contains("&lt;script&gt;"), markdown);
    }

    @Test
    void theHtmlIsSelfContainedAndRequestsNothing() {
        String html = ReportFiles.html(ReportFixtures.report(null, true));
        assertFalse(html.contains("http://"), "no http URL");
        assertFalse(html.contains("https://"), "no https URL");
        assertFalse(html.contains("//cdn"));
        assertFalse(Pattern.compile("\\b(src|href)\\s*=\\s*\"(?!#)", Pattern.CASE_INSENSITIVE).matcher(html).find(),
                "every src/href is an in-page anchor");
        assertFalse(html.contains("@import"));
        assertFalse(Pattern.compile("url\\((?!#)").matcher(html).find(), "CSS url() only to in-page ids");
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
                "a policy forbids any request the page might still try");
        assertTrue(html.contains("<style>") && html.contains("<script>"), "inline style and script");
    }

    @Test
    void theHtmlDrawsTheLineageGraphAsInlineSvg() {
        String html = ReportFiles.html(ReportFixtures.report());
        assertTrue(html.contains("<svg class=\"lineage\""), "inline SVG");
        // sources: 3 tables, the view, the procedure, the function (alias types are not drawn); models: 3
        assertEquals(9, count(html, "<g class=\"node "));
        assertEquals(3, count(html, "<g class=\"node model\""));
        assertTrue(html.contains("data-name=\"dbo.Customers\""));
        assertTrue(html.contains("class=\"node kind-table status-converted_with_warnings\""), "coloured by status");
        assertTrue(html.contains(">stg_shop__customers</text>"));
        // edges: FK Customers → Orders, code Orders → Order Totals and → Recalc, three table → model edges
        assertEquals(1, count(html, "class=\"edge edge-foreign-key\""));
        assertEquals(2, count(html, "class=\"edge edge-code\""));
        assertEquals(3, count(html, "class=\"edge edge-model\""));
        // layered left to right: Customers (level 1) left of Orders (level 2) left of Order Totals (level 3)
        assertTrue(nodeX(html, "dbo.Customers") < nodeX(html, "sales.Orders"));
        assertTrue(nodeX(html, "sales.Orders") < nodeX(html, "sales.Order Totals"));
        assertTrue(nodeX(html, "sales.Order Totals") < nodeX(html, "stg_shop__customers"), "models on the right");
    }

    @Test
    void theHtmlHasSortableTablesAndAFilter() {
        String html = ReportFiles.html(ReportFixtures.report());
        assertTrue(html.contains("<table class=\"sortable\" id=\"objects-table\">"));
        assertTrue(html.contains("<input id=\"filter\" type=\"search\""));
        assertTrue(html.contains("addEventListener('click', sort)"));
        assertEquals(7, count(html, "<tr id=\"obj-"), "one row per object");
    }

    @Test
    void theMarkdownHasTheSummaryTheObjectsAndTheDiagnosticsByObject() {
        String md = ReportFiles.markdown(ReportFixtures.report());
        assertTrue(md.startsWith("# Migration report: Shop\n"), md);
        assertTrue(md.contains("| table | 3 | 1 | 1 | 1 | 0 | 0 | 66.7 % |"), md);
        assertTrue(md.contains("| **all** | 7 | 2 | 1 | 3 | 1 | 0 | 42.9 % |"), md);
        assertTrue(md.contains("| sales.Order Totals | view | needs_review | — | — | sales.Orders | 1 |"), md);
        assertTrue(md.contains("### dbo.fnXml (function, unsupported)\n\n- shop.sql:50:1 **warning** "
                + "MSSQL-UNSUPPORTED-STATEMENT [dbo.fnXml]: XML methods are not supported\n"), md);
        assertTrue(md.contains("### Not about a particular object"), md);
        assertTrue(md.indexOf("## Summary") < md.indexOf("## Objects") && md.indexOf("## Objects")
                < md.indexOf("## Diagnostics"));
        assertEquals("a\\|b &lt;i&gt; \\*x\\* snake_case \\_lead", ReportMarkdown.text("a|b <i> *x* snake_case _lead"));
    }

    private static int nodeX(String html, String name) {
        Matcher m = Pattern.compile("data-name=\"" + Pattern.quote(name) + "\" transform=\"translate\\((\\d+),")
                .matcher(html);
        assertTrue(m.find(), name + " not drawn");
        return Integer.parseInt(m.group(1));
    }

    private static int count(String text, String fragment) {
        int count = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
            count++;
        }
        return count;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
