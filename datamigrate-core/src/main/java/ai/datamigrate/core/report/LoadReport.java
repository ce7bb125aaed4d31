package ai.datamigrate.core.report;

import ai.datamigrate.core.internal.AtomicOutputWriter;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.load.ColumnAggregates;
import ai.datamigrate.spi.load.ColumnVerification;
import ai.datamigrate.spi.load.LoadResult;
import ai.datamigrate.spi.load.LoadedTable;
import ai.datamigrate.spi.load.TableVerification;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The report of one {@code load}: {@value #JSON} and {@value #MARKDOWN}, per table its status, rows and the
 * verification of every column on both sides (non-null and NULL counts, min, max, sum, value hash). No timings, so
 * that the same load writes the same bytes. A table that a resumed load skipped has no verification here: it was
 * verified by the run that loaded it.
 *
 * @param toolVersion the host's version
 * @param input       the input's file name
 * @param database    the source database's name
 * @param target      the target URL, secrets masked
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public record LoadReport(String toolVersion, String input, String database, String target, String rawSchema,
                         boolean schemaOnly, LoadResult result) {

    public static final String JSON = "load-report.json";
    public static final String MARKDOWN = "load-report.md";

    private static final ErrorCode WRITE_FAILED = new ErrorCode("DM-LOAD-REPORT-WRITE",
            ai.datamigrate.spi.ErrorKind.USER, false);

    /** One row of the report's table list. */
    private record Entry(String source, String target, String status, long rows, Optional<TableVerification> check) {
    }

    /** Writes both files into {@code dir} (created if needed), each replaced atomically. */
    public static void write(Path dir, LoadReport report) {
        try {
            Files.createDirectories(dir);
            AtomicOutputWriter.replaceFile(dir.resolve(JSON), report.json());
            AtomicOutputWriter.replaceFile(dir.resolve(MARKDOWN), report.markdown());
        } catch (IOException e) {
            throw new DataMigrateException(WRITE_FAILED, "could not write the load report into " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /** Loaded and resumed tables in load order, then the tables that failed, by name. */
    private List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        TreeSet<String> listed = new TreeSet<>();
        for (LoadedTable table : result.tables()) {
            String target = table.targetSchema() + "." + table.targetTable();
            Optional<TableVerification> check = result.verifications().stream()
                    .filter(v -> v.source().equals(table.source())).findFirst();
            entries.add(new Entry(table.source().toString(), target, table.resumed() ? "resumed"
                    : schemaOnly ? "created" : "loaded", table.rows(), check));
            listed.add(table.source().toString());
        }
        TreeSet<String> failed = new TreeSet<>();
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (diagnostic.severity() == Severity.ERROR && diagnostic.object().isPresent()
                    && !listed.contains(diagnostic.object().get())) {
                failed.add(diagnostic.object().get());
            }
        }
        for (String source : failed) {
            Optional<TableVerification> check = result.verifications().stream()
                    .filter(v -> v.source().toString().equals(source)).findFirst();
            entries.add(new Entry(source, check.map(TableVerification::target).orElse(""), "failed",
                    check.map(TableVerification::sourceRows).orElse(0L), check));
        }
        return entries;
    }

    public String json() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format_version", "1");
        document.put("tool", "datamigrate");
        document.put("tool_version", toolVersion);
        document.put("command", "load");
        document.put("input", input);
        document.put("database", database);
        document.put("target", target);
        document.put("raw_schema", rawSchema);
        List<Entry> entries = entries();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("tables", entries.size());
        for (String status : List.of("loaded", "resumed", "created", "failed")) {
            summary.put(status, entries.stream().filter(e -> e.status().equals(status)).count());
        }
        summary.put("rows", entries.stream().filter(e -> !e.status().equals("failed")).mapToLong(Entry::rows).sum());
        summary.put("verified", entries.stream().filter(e -> e.check().map(TableVerification::passed).orElse(false))
                .count());
        document.put("summary", summary);
        List<Map<String, Object>> tables = new ArrayList<>();
        for (Entry entry : entries) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("source", entry.source());
            table.put("target", entry.target());
            table.put("status", entry.status());
            table.put("rows", entry.rows());
            entry.check().ifPresent(check -> table.put("verification", verification(check)));
            tables.add(table);
        }
        document.put("tables", tables);
        document.put("diagnostics", result.diagnostics().stream().filter(d -> d.severity() != Severity.INFO)
                .map(LoadReport::diagnostic).toList());
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(indenter).withObjectIndenter(indenter);
        try {
            return JsonMapper.builder().build().writer(printer).writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("load report could not be written as JSON", e);
        }
    }

    private static Map<String, Object> verification(TableVerification check) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("passed", check.passed());
        map.put("source_rows", check.sourceRows());
        map.put("target_rows", check.targetRows());
        map.put("differences", check.differences());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (ColumnVerification column : check.columns()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("column", column.column());
            c.put("matches", column.matches());
            c.put("source", aggregates(column.source()));
            c.put("target", aggregates(column.target()));
            columns.add(c);
        }
        map.put("columns", columns);
        return map;
    }

    private static Map<String, Object> aggregates(ColumnAggregates a) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("non_null", a.nonNull());
        map.put("nulls", a.nulls());
        a.min().ifPresent(v -> map.put("min", v));
        a.max().ifPresent(v -> map.put("max", v));
        a.sum().ifPresent(v -> map.put("sum", v));
        map.put("hash", a.hash());
        return map;
    }

    private static Map<String, Object> diagnostic(Diagnostic d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("severity", d.severity().name().toLowerCase(java.util.Locale.ROOT));
        map.put("code", d.code());
        d.object().ifPresent(o -> map.put("object", o));
        map.put("message", d.message());
        return map;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# Load report: ").append(database).append("\n\n");
        md.append("DataMigrate ").append(toolVersion).append(" loaded `").append(input).append("` into `")
                .append(target).append("` (raw schema `").append(rawSchema).append("`).\n\n");
        List<Entry> entries = entries();
        md.append("| source | target | status | rows | verification |\n|---|---|---|---:|---|\n");
        for (Entry e : entries) {
            md.append("| ").append(cell(e.source())).append(" | ").append(cell(e.target())).append(" | ")
                    .append(e.status()).append(" | ").append(e.rows()).append(" | ")
                    .append(e.check().map(c -> c.passed() ? "passed" : c.differences().size() + " differences")
                            .orElse(e.status().equals("resumed") ? "verified by an earlier run" : "-"))
                    .append(" |\n");
        }
        for (Entry e : entries) {
            if (e.check().isEmpty()) {
                continue;
            }
            TableVerification check = e.check().get();
            md.append("\n## ").append(cell(e.target())).append("\n\n");
            md.append("Rows: ").append(check.sourceRows()).append(" (source), ").append(check.targetRows())
                    .append(" (target).\n\n");
            for (String difference : check.differences()) {
                md.append("- **").append(cell(difference)).append("**\n");
            }
            if (!check.differences().isEmpty()) {
                md.append('\n');
            }
            md.append("| column | non-null | nulls | min | max | sum | hash | matches |\n")
                    .append("|---|---:|---:|---|---|---:|---|---|\n");
            for (ColumnVerification column : check.columns()) {
                ColumnAggregates a = column.source();
                md.append("| ").append(cell(column.column())).append(" | ").append(a.nonNull()).append(" | ")
                        .append(a.nulls()).append(" | ").append(cell(a.min().orElse(""))).append(" | ")
                        .append(cell(a.max().orElse(""))).append(" | ").append(a.sum().orElse("")).append(" | `")
                        .append(a.hash()).append("` | ").append(column.matches() ? "yes" : "**no**").append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
