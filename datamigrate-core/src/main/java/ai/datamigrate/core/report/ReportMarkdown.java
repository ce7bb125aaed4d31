package ai.datamigrate.core.report;

import ai.datamigrate.spi.diagnostic.Severity;
import java.util.List;
import java.util.Locale;

/**
 * {@code MIGRATION_REPORT.md}, for reading on GitHub: the summary by kind, one table row per object, then the
 * diagnostics grouped by object. Every text from the input is escaped so that names and messages cannot inject
 * Markdown or HTML.
 */
final class ReportMarkdown {

    private ReportMarkdown() {
    }

    static String write(MigrationReport report) {
        ReportHeader h = report.header();
        ReportSummary summary = report.summary();
        StringBuilder md = new StringBuilder();
        md.append("# Migration report: ").append(text(h.database())).append("\n\n");
        md.append("Input ").append(text(h.input())).append(" · source reader ").append(text(h.sourceReader()))
                .append(" · target ").append(text(h.target())).append(" · output ").append(text(h.output()))
                .append(" · DataMigrate ").append(text(h.toolVersion())).append(" (").append(text(h.command()))
                .append(") · report format ").append(text(h.formatVersion())).append("\n\n");
        md.append("Statuses and fields are described in the DataMigrate documentation (`docs/migration-report.md`); ")
                .append("`migration-report.json` holds the same data for tools, `migration-report.html` adds a ")
                .append("lineage graph.\n\n");

        md.append("## Summary\n\n");
        md.append("| Kind | Objects | Converted | With warnings | Needs review | Unsupported | Skipped by user | Coverage |\n");
        md.append("|:-----|--------:|----------:|--------------:|-------------:|------------:|----------------:|---------:|\n");
        for (KindSummary kind : summary.byKind()) {
            kindRow(md, text(kind.kind()), kind);
        }
        kindRow(md, "**all**", summary.all());
        md.append('\n');
        md.append("Diagnostics: ");
        List<Severity> order = List.of(Severity.ERROR, Severity.WARNING, Severity.INFO);
        for (int i = 0; i < order.size(); i++) {
            md.append(i == 0 ? "" : ", ").append(summary.diagnosticsBySeverity().get(order.get(i))).append(' ')
                    .append(order.get(i).name().toLowerCase(Locale.ROOT));
        }
        md.append(report.unattachedDiagnostics().isEmpty() ? "" : " (" + report.unattachedDiagnostics().size()
                + " not about a particular object)").append(".\n");
        summary.effort().ifPresent(effort -> md.append("\nEstimated effort: **").append(effort.totalHours())
                .append(" hours** (").append(effort.totalMinutes()).append(" minutes, heuristic ")
                .append(text(effort.method())).append(").\n"));
        if (!summary.diagnosticsByCode().isEmpty()) {
            md.append("\n| Diagnostic code | Count |\n|:----------------|------:|\n");
            summary.diagnosticsByCode().forEach((code, count) -> md.append("| ").append(text(code)).append(" | ")
                    .append(count).append(" |\n"));
        }

        md.append("\n## Objects\n\n");
        boolean effort = summary.effort().isPresent();
        md.append("| Object | Kind | Status | dbt model | Files | Depends on | Diagnostics |")
                .append(effort ? " Effort (min) |" : "").append('\n');
        md.append("|:-------|:-----|:-------|:----------|:------|:-----------|------------:|")
                .append(effort ? "-------------:|" : "").append('\n');
        for (ReportObject o : report.objects()) {
            md.append("| ").append(text(o.qualifiedName())).append(" | ").append(text(o.kind())).append(" | ")
                    .append(text(o.status().id())).append(" | ")
                    .append(o.model().map(ReportMarkdown::text).orElse("—")).append(" | ")
                    .append(o.files().isEmpty() ? "—" : String.join("<br>", o.files().stream()
                            .map(ReportMarkdown::text).toList())).append(" | ")
                    .append(o.dependencies().isEmpty() ? "—" : String.join(", ", o.dependencies().stream()
                            .map(ReportMarkdown::text).toList())).append(" | ")
                    .append(o.diagnostics().size()).append(" |");
            if (effort) {
                md.append(' ').append(o.effortMinutes().orElse(0)).append(" |");
            }
            md.append('\n');
        }
        if (report.objects().isEmpty()) {
            md.append("\nThe input defines no objects.\n");
        }

        md.append("\n## Diagnostics\n");
        boolean any = false;
        for (ReportObject o : report.objects()) {
            if (o.diagnostics().isEmpty()) {
                continue;
            }
            any = true;
            md.append("\n### ").append(text(o.qualifiedName())).append(" (").append(text(o.kind())).append(", ")
                    .append(text(o.status().id())).append(")\n\n");
            o.diagnostics().forEach(d -> diagnostic(md, d));
        }
        if (!report.unattachedDiagnostics().isEmpty()) {
            any = true;
            md.append("\n### Not about a particular object\n\n");
            report.unattachedDiagnostics().forEach(d -> diagnostic(md, d));
        }
        if (!any) {
            md.append("\nNone.\n");
        }
        return md.toString();
    }

    private static void kindRow(StringBuilder md, String label, KindSummary kind) {
        md.append("| ").append(label).append(" | ").append(kind.total());
        for (ObjectStatus status : ObjectStatus.values()) {
            md.append(" | ").append(kind.count(status));
        }
        md.append(" | ").append(kind.coveragePercent()).append(" % |\n");
    }

    private static void diagnostic(StringBuilder md, ReportDiagnostic d) {
        md.append("- ").append(text(d.location())).append(" **").append(d.severityId()).append("** ")
                .append(text(d.code()));
        d.object().ifPresent(o -> md.append(" [").append(text(o)).append(']'));
        md.append(": ").append(text(d.message())).append('\n');
    }

    /**
     * Escapes text for a Markdown table cell or line: the punctuation that can start emphasis, code, links, tables
     * or strike-through gets a backslash (never at a line start, so headings and lists cannot arise), {@code <}, {@code >}
     * and {@code &} become entities (GitHub would otherwise pass some HTML through), line breaks become spaces.
     */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r', '\n', '\t' -> out.append(' ');
                case '\\', '`', '*', '[', ']', '|', '~' -> out.append('\\').append(c);
                case '_' -> {
                    // inside a word GitHub never reads _ as emphasis; escaping it there only makes the file ugly
                    boolean inWord = i > 0 && i + 1 < raw.length() && Character.isLetterOrDigit(raw.charAt(i - 1))
                            && Character.isLetterOrDigit(raw.charAt(i + 1));
                    out.append(inWord ? "_" : "\\_");
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
