package ai.datamigrate.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code migration-report.json}: built as ordered maps rather than by reflection, so that key order and names are
 * the schema's and never depend on field order or a library default. Two-space indent, {@code \n} line ends on
 * every platform, a trailing newline.
 */
final class ReportJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final DefaultPrettyPrinter PRINTER;

    static {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        PRINTER = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(indenter)
                .withObjectIndenter(indenter);
    }

    private ReportJson() {
    }

    static String write(MigrationReport report) {
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(document(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("migration report could not be written as JSON", e);
        }
    }

    static Map<String, Object> document(MigrationReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("header", header(report.header()));
        document.put("summary", summary(report.summary()));
        report.llm().ifPresent(l -> {
            Map<String, Object> llm = new LinkedHashMap<>();
            llm.put("provider", l.provider());
            llm.put("model", l.model());
            llm.put("calls", l.calls());
            llm.put("cache_hits", l.cacheHits());
            llm.put("input_tokens", l.inputTokens());
            llm.put("output_tokens", l.outputTokens());
            llm.put("cost_usd", Math.round(l.costUsd() * 1_000_000) / 1_000_000.0);
            l.stopped().ifPresent(s -> llm.put("stopped", s));
            document.put("llm", llm);
        });
        document.put("objects", report.objects().stream().map(ReportJson::object).toList());
        document.put("unattached_diagnostics", report.unattachedDiagnostics().stream()
                .map(d -> diagnostic(d, true)).toList());
        return document;
    }

    private static Map<String, Object> header(ReportHeader header) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("format_version", header.formatVersion());
        map.put("tool", "datamigrate");
        map.put("tool_version", header.toolVersion());
        map.put("command", header.command());
        map.put("input", header.input());
        map.put("database", header.database());
        map.put("source_reader", header.sourceReader());
        map.put("target", header.target());
        map.put("output", header.output());
        return map;
    }

    private static Map<String, Object> summary(ReportSummary summary) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("objects", summary.all().total());
        map.put("by_status", byStatus(summary.all()));
        map.put("coverage_percent", summary.all().coveragePercent());
        map.put("by_kind", summary.byKind().stream().map(k -> {
            Map<String, Object> kind = new LinkedHashMap<>();
            kind.put("kind", k.kind());
            kind.put("total", k.total());
            kind.put("by_status", byStatus(k));
            kind.put("coverage_percent", k.coveragePercent());
            return kind;
        }).toList());
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("total", summary.diagnostics());
        Map<String, Object> bySeverity = new LinkedHashMap<>();
        summary.diagnosticsBySeverity().entrySet().stream()
                .sorted(Map.Entry.<ai.datamigrate.spi.diagnostic.Severity, Integer>comparingByKey().reversed())
                .forEach(e -> bySeverity.put(e.getKey().name().toLowerCase(java.util.Locale.ROOT), e.getValue()));
        diagnostics.put("by_severity", bySeverity);
        diagnostics.put("by_code", new LinkedHashMap<>(summary.diagnosticsByCode()));
        map.put("diagnostics", diagnostics);
        summary.effort().ifPresent(effort -> {
            Map<String, Object> estimate = new LinkedHashMap<>();
            estimate.put("method", effort.method());
            estimate.put("total_minutes", effort.totalMinutes());
            estimate.put("total_hours", effort.totalHours());
            map.put("effort", estimate);
        });
        return map;
    }

    private static Map<String, Object> byStatus(KindSummary summary) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (ObjectStatus status : ObjectStatus.values()) {
            map.put(status.id(), summary.count(status));
        }
        return map;
    }

    private static Map<String, Object> object(ReportObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("schema", object.schema());
        map.put("name", object.name());
        map.put("kind", object.kind());
        map.put("status", object.status().id());
        object.model().ifPresent(m -> map.put("model", m));
        map.put("files", object.files());
        object.origin().ifPresent(o -> map.put("origin", o));
        map.put("location", object.location());
        map.put("definition_lines", object.definitionLines());
        map.put("dependencies", object.dependencies());
        map.put("diagnostics", object.diagnostics().stream().map(d -> diagnostic(d, false)).toList());
        object.llm().ifPresent(t -> {
            Map<String, Object> llm = new LinkedHashMap<>();
            llm.put("attempts", t.attempts());
            llm.put("input_tokens", t.inputTokens());
            llm.put("output_tokens", t.outputTokens());
            llm.put("cost_usd", Math.round(t.costUsd() * 1_000_000) / 1_000_000.0);
            llm.put("outcome", t.outcome());
            llm.put("notes", t.notes());
            map.put("llm", llm);
        });
        object.effortMinutes().ifPresent(m -> map.put("effort_minutes", m));
        return map;
    }

    private static Map<String, Object> diagnostic(ReportDiagnostic diagnostic, boolean withObject) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("severity", diagnostic.severityId());
        map.put("code", diagnostic.code());
        if (withObject) {
            diagnostic.object().ifPresent(o -> map.put("object", o));
        }
        map.put("location", diagnostic.location());
        map.put("message", diagnostic.message());
        return map;
    }
}
