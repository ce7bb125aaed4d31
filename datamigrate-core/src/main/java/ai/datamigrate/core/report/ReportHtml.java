package ai.datamigrate.core.report;

import ai.datamigrate.spi.diagnostic.Severity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * {@code migration-report.html}: one self-contained page. No request leaves it: styles and script are inline and
 * a Content-Security-Policy with their hashes forbids everything else (fonts, images, frames, fetches). The lineage
 * graph is inline SVG laid out by {@link LineageGraph}. Every text from the input is HTML-escaped, and the script
 * only reads the DOM, so that object names and messages cannot inject markup or code.
 */
final class ReportHtml {

    static final String STYLE = """
            :root{--ok:#2e7d32;--ok-bg:#e8f5e9;--warn:#a15c00;--warn-bg:#fff3e0;--review:#c62828;--review-bg:#fdecea;\
            --unsup:#6a1b9a;--unsup-bg:#f3e5f5;--skip:#616161;--skip-bg:#eeeeee;--model:#1565c0;--model-bg:#e3f2fd;\
            --line:#d0d7de;--muted:#57606a}
            *{box-sizing:border-box}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1f2328;background:#fff}
            header,main{max-width:1280px;margin:0 auto;padding:0 24px}
            header{padding-top:20px}
            h1{font-size:24px;margin:0 0 4px}
            h2{font-size:19px;margin:28px 0 10px;border-bottom:1px solid var(--line);padding-bottom:4px}
            h3{font-size:15px;margin:18px 0 6px}
            .meta{color:var(--muted);margin:0}
            .cards{display:flex;flex-wrap:wrap;gap:10px;margin:14px 0}
            .card{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:120px}
            .card b{display:block;font-size:22px}
            .card span{color:var(--muted);font-size:12px}
            table{border-collapse:collapse;width:100%;margin:6px 0 12px}
            th,td{border:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f6f8fa;white-space:nowrap}
            table.sortable th{cursor:pointer;user-select:none}
            table.sortable th[aria-sort=ascending]::after{content:" \\25B2";font-size:10px}
            table.sortable th[aria-sort=descending]::after{content:" \\25BC";font-size:10px}
            td.num,th.num{text-align:right}
            .status{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;white-space:nowrap;border:1px solid}
            .status-converted{color:var(--ok);background:var(--ok-bg)}
            .status-converted_with_warnings{color:var(--warn);background:var(--warn-bg)}
            .status-needs_review{color:var(--review);background:var(--review-bg)}
            .status-unsupported{color:var(--unsup);background:var(--unsup-bg)}
            .status-skipped_by_user{color:var(--skip);background:var(--skip-bg)}
            .sev-error{color:var(--review);font-weight:600}
            .sev-warning{color:var(--warn);font-weight:600}
            .sev-info{color:var(--muted)}
            code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
            td code,td.mono{overflow-wrap:anywhere}
            #filter{width:100%;max-width:420px;padding:6px 10px;border:1px solid var(--line);border-radius:6px;font:inherit}
            .graph{overflow:auto;border:1px solid var(--line);border-radius:8px;background:#fbfcfd;max-height:80vh}
            .legend{display:flex;flex-wrap:wrap;gap:12px;margin:6px 0;color:var(--muted);font-size:12px}
            svg.lineage{display:block}
            svg .column-title{font-size:12px;font-weight:600;fill:var(--muted)}
            svg .node rect{stroke-width:1.5}
            svg .node .label{font-size:12px;font-weight:600;fill:#1f2328}
            svg .node .detail{font-size:10px;fill:var(--muted)}
            svg .node.status-converted rect{fill:var(--ok-bg);stroke:var(--ok)}
            svg .node.status-converted_with_warnings rect{fill:var(--warn-bg);stroke:var(--warn)}
            svg .node.status-needs_review rect{fill:var(--review-bg);stroke:var(--review)}
            svg .node.status-unsupported rect{fill:var(--unsup-bg);stroke:var(--unsup)}
            svg .node.status-skipped_by_user rect{fill:var(--skip-bg);stroke:var(--skip)}
            svg .node.model rect{fill:var(--model-bg);stroke:var(--model)}
            svg .node.dim{opacity:.25}
            svg a:focus .node rect,svg a:hover .node rect{stroke-width:3}
            svg .edge{fill:none;stroke:#8c959f;stroke-width:1.3}
            svg .edge-fk{stroke-dasharray:5 4}
            svg .edge-model{stroke:var(--model)}
            svg .edge-ref{stroke:var(--model);stroke-dasharray:2 3}
            svg .arrowhead{fill:#8c959f}
            .model-swatch{color:var(--model);background:var(--model-bg)}
            .swatch{display:inline-block;width:12px;height:12px;border-radius:3px;border:1.5px solid;vertical-align:-2px;margin-right:4px}
            footer{color:var(--muted);font-size:12px;margin:30px 0}
            """;

    static final String SCRIPT = """
            (function () {
              'use strict';
              function value(row, index) {
                var cell = row.cells[index];
                if (!cell) { return ''; }
                var sort = cell.getAttribute('data-sort');
                return sort !== null ? sort : cell.textContent.trim();
              }
              function compare(a, b) {
                var x = Number(a), y = Number(b);
                if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) { return x - y; }
                return a.localeCompare(b, undefined, {numeric: true, sensitivity: 'base'});
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                var headers = table.tHead.rows[0].cells;
                Array.prototype.forEach.call(headers, function (th, index) {
                  th.tabIndex = 0;
                  function sort() {
                    var ascending = th.getAttribute('aria-sort') !== 'ascending';
                    Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
                    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (r, s) {
                      var c = compare(value(r, index), value(s, index));
                      return ascending ? c : -c;
                    });
                    rows.forEach(function (r) { body.appendChild(r); });
                  }
                  th.addEventListener('click', sort);
                  th.addEventListener('keydown', function (e) {
                    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sort(); }
                  });
                });
              });
              var filter = document.getElementById('filter');
              if (filter) {
                filter.addEventListener('input', function () {
                  var q = filter.value.trim().toLowerCase();
                  document.querySelectorAll('[data-filter]').forEach(function (el) {
                    el.hidden = q !== '' && el.textContent.toLowerCase().indexOf(q) < 0;
                  });
                  document.querySelectorAll('svg .node').forEach(function (node) {
                    var name = (node.getAttribute('data-name') || '').toLowerCase();
                    node.classList.toggle('dim', q !== '' && name.indexOf(q) < 0);
                  });
                });
              }
              document.body.setAttribute('data-ready', 'true');
            })();
            """;

    private static final int NODE_WIDTH = 200;
    private static final int NODE_HEIGHT = 38;
    private static final int COLUMN_GAP = 70;
    private static final int ROW_HEIGHT = 52;
    private static final int MARGIN = 16;
    private static final int TOP = 34;
    private static final int LABEL_CHARS = 27;

    private ReportHtml() {
    }

    static String write(MigrationReport report) {
        ReportHeader h = report.header();
        ReportSummary summary = report.summary();
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(sha256(STYLE)).append("'; script-src '").append(sha256(SCRIPT))
                .append("'; base-uri 'none'; form-action 'none'\">\n")
                .append("<meta name=\"generator\" content=\"DataMigrate ").append(esc(h.toolVersion())).append("\">\n")
                .append("<title>Migration report: ").append(esc(h.database())).append("</title>\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");

        html.append("<header>\n<h1>Migration report: ").append(esc(h.database())).append("</h1>\n")
                .append("<p class=\"meta\">input <code>").append(esc(h.input())).append("</code> · source reader <code>")
                .append(esc(h.sourceReader())).append("</code> · target <code>").append(esc(h.target()))
                .append("</code> · output <code>").append(esc(h.output())).append("</code> · DataMigrate ")
                .append(esc(h.toolVersion())).append(" (").append(esc(h.command())).append(") · report format ")
                .append(esc(h.formatVersion())).append("</p>\n</header>\n<main>\n");

        summary(html, report);
        lineage(html, report);
        objects(html, report);
        diagnostics(html, report);

        html.append("<footer>The same data is in <code>migration-report.json</code> (JSON Schema ")
                .append("<code>migration-report.schema.json</code>, format ").append(esc(h.formatVersion()))
                .append(") and <code>MIGRATION_REPORT.md</code>.</footer>\n</main>\n<script>").append(SCRIPT)
                .append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void summary(StringBuilder html, MigrationReport report) {
        ReportSummary summary = report.summary();
        html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
        card(html, String.valueOf(summary.all().total()), "objects", "");
        for (ObjectStatus status : ObjectStatus.values()) {
            card(html, String.valueOf(summary.all().count(status)), label(status), " status-" + status.id());
        }
        card(html, summary.all().coveragePercent() + " %", "coverage", "");
        card(html, String.valueOf(summary.diagnosticsBySeverity().get(Severity.ERROR)) + " / "
                + summary.diagnosticsBySeverity().get(Severity.WARNING) + " / "
                + summary.diagnosticsBySeverity().get(Severity.INFO), "errors / warnings / info", "");
        summary.effort().ifPresent(e -> card(html, e.totalHours() + " h", "estimated effort ("
                + e.totalMinutes() + " min)", ""));
        html.append("</div>\n<table class=\"sortable\" id=\"kinds\">\n<thead><tr><th>Kind</th><th class=\"num\">Objects</th>");
        for (ObjectStatus status : ObjectStatus.values()) {
            html.append("<th class=\"num\">").append(esc(label(status))).append("</th>");
        }
        html.append("<th class=\"num\">Coverage %</th></tr></thead>\n<tbody>\n");
        for (KindSummary kind : summary.byKind()) {
            kindRow(html, kind);
        }
        html.append("</tbody>\n<tfoot>\n");
        kindRow(html, summary.all());
        html.append("</tfoot>\n</table>\n");
        if (!summary.diagnosticsByCode().isEmpty()) {
            html.append("<table class=\"sortable\" id=\"codes\">\n<thead><tr><th>Diagnostic code</th>")
                    .append("<th class=\"num\">Count</th></tr></thead>\n<tbody>\n");
            summary.diagnosticsByCode().forEach((code, count) -> html.append("<tr><td><code>").append(esc(code))
                    .append("</code></td><td class=\"num\">").append(count).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n");
        }
        html.append("</section>\n");
    }

    private static void card(StringBuilder html, String value, String caption, String cssClass) {
        html.append("<div class=\"card").append(cssClass).append("\"><b>").append(esc(value)).append("</b><span>")
                .append(esc(caption)).append("</span></div>\n");
    }

    private static void kindRow(StringBuilder html, KindSummary kind) {
        html.append("<tr><td>").append(esc(kind.kind())).append("</td><td class=\"num\">").append(kind.total())
                .append("</td>");
        for (ObjectStatus status : ObjectStatus.values()) {
            html.append("<td class=\"num\">").append(kind.count(status)).append("</td>");
        }
        html.append("<td class=\"num\">").append(kind.coveragePercent()).append("</td></tr>\n");
    }

    private static void lineage(StringBuilder html, MigrationReport report) {
        LineageGraph graph = LineageGraph.of(report);
        html.append("<section id=\"lineage\">\n<h2>Lineage</h2>\n");
        if (graph.nodes.isEmpty()) {
            html.append("<p>No tables, views or routines to draw.</p>\n</section>\n");
            return;
        }
        html.append("<div class=\"legend\">");
        for (ObjectStatus status : ObjectStatus.values()) {
            html.append("<span><i class=\"swatch status-").append(status.id()).append("\"></i>")
                    .append(esc(label(status))).append("</span>");
        }
        html.append("<span><i class=\"swatch model-swatch\"></i>dbt model</span>")
                .append("<span>dashed: foreign key · solid: used by code · blue: generated model / ref()</span>")
                .append("</div>\n");
        int width = MARGIN * 2 + graph.columnTitles.size() * NODE_WIDTH + (graph.columnTitles.size() - 1) * COLUMN_GAP;
        int height = TOP + graph.rows() * ROW_HEIGHT + MARGIN;
        html.append("<div class=\"graph\">\n<svg class=\"lineage\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-labelledby=\"lineage-title\">\n")
                .append("<title id=\"lineage-title\">Lineage of ").append(esc(report.header().database()))
                .append(": SQL Server objects and the dbt models generated from them</title>\n")
                .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" ")
                .append("markerHeight=\"7\" orient=\"auto\"><path class=\"arrowhead\" d=\"M0,0 L10,5 L0,10 z\"/>")
                .append("</marker></defs>\n<g class=\"columns\">\n");
        for (int c = 0; c < graph.columnTitles.size(); c++) {
            html.append("<text class=\"column-title\" x=\"").append(x(c)).append("\" y=\"").append(TOP - 14)
                    .append("\">").append(esc(graph.columnTitles.get(c))).append("</text>\n");
        }
        html.append("</g>\n<g class=\"edges\">\n");
        for (LineageGraph.Edge edge : graph.edges) {
            int x1 = x(edge.from().column) + NODE_WIDTH;
            int y1 = y(edge.from().row) + NODE_HEIGHT / 2;
            int x2 = x(edge.to().column);
            int y2 = y(edge.to().row) + NODE_HEIGHT / 2;
            int bend = Math.max(COLUMN_GAP / 2, Math.abs(x2 - x1) / 3);
            html.append("<path class=\"edge edge-").append(edge.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .append("\" d=\"M").append(x1).append(',').append(y1).append(" C").append(x1 + bend).append(',')
                    .append(y1).append(' ').append(x2 - bend).append(',').append(y2).append(' ').append(x2).append(',')
                    .append(y2).append("\" marker-end=\"url(#arrow)\"><title>").append(esc(edge.from().label))
                    .append(" → ").append(esc(edge.to().label)).append("</title></path>\n");
        }
        html.append("</g>\n<g class=\"nodes\">\n");
        for (LineageGraph.Node node : graph.nodes) {
            String cssClass = node.object.map(o -> "node kind-" + cssToken(o.kind()) + " status-" + o.status().id())
                    .orElse("node model");
            String title = node.object.map(o -> o.qualifiedName() + " (" + o.kind() + "): " + label(o.status())
                    + o.model().map(m -> " → " + m).orElse("")).orElse(node.label + " (dbt model)");
            html.append("<a href=\"#obj-").append(node.objectIndex).append("\"><g class=\"").append(cssClass)
                    .append("\" id=\"node-").append(node.id).append("\" data-name=\"").append(esc(node.label))
                    .append("\" transform=\"translate(").append(x(node.column)).append(',').append(y(node.row))
                    .append(")\"><title>").append(esc(title)).append("</title><rect width=\"").append(NODE_WIDTH)
                    .append("\" height=\"").append(NODE_HEIGHT).append("\" rx=\"6\"/><text class=\"label\" x=\"10\" ")
                    .append("y=\"16\">").append(esc(shorten(node.label))).append("</text><text class=\"detail\" ")
                    .append("x=\"10\" y=\"30\">").append(esc(node.detail)).append("</text></g></a>\n");
        }
        html.append("</g>\n</svg>\n</div>\n</section>\n");
    }

    private static void objects(StringBuilder html, MigrationReport report) {
        boolean effort = report.summary().effort().isPresent();
        html.append("<section id=\"objects\">\n<h2>Objects</h2>\n<p><input id=\"filter\" type=\"search\" ")
                .append("placeholder=\"Filter objects and diagnostics\" aria-label=\"Filter objects and diagnostics\">")
                .append("</p>\n<table class=\"sortable\" id=\"objects-table\">\n<thead><tr><th>Object</th><th>Kind</th>")
                .append("<th>Status</th><th>dbt model</th><th>Files</th><th>Origin</th><th>Depends on</th>")
                .append("<th>Location</th><th class=\"num\">Diagnostics</th>")
                .append(effort ? "<th class=\"num\">Effort (min)</th>" : "").append("</tr></thead>\n<tbody>\n");
        List<ReportObject> objects = report.objects();
        for (int i = 0; i < objects.size(); i++) {
            ReportObject o = objects.get(i);
            html.append("<tr id=\"obj-").append(i).append("\" data-filter><td>");
            if (o.diagnostics().isEmpty()) {
                html.append(esc(o.qualifiedName()));
            } else {
                html.append("<a href=\"#diag-").append(i).append("\">").append(esc(o.qualifiedName())).append("</a>");
            }
            html.append("</td><td>").append(esc(o.kind())).append("</td><td data-sort=\"").append(o.status().ordinal())
                    .append("\">").append(status(o.status())).append("</td><td>")
                    .append(o.model().map(m -> "<code>" + esc(m) + "</code>").orElse("")).append("</td><td>");
            for (int f = 0; f < o.files().size(); f++) {
                html.append(f == 0 ? "" : "<br>").append("<code>").append(esc(o.files().get(f))).append("</code>");
            }
            html.append("</td><td>").append(esc(o.origin().orElse(""))).append("</td><td>")
                    .append(esc(String.join(", ", o.dependencies()))).append("</td><td class=\"mono\">")
                    .append(esc(o.location())).append("</td><td class=\"num\">").append(o.diagnostics().size())
                    .append("</td>");
            if (effort) {
                html.append("<td class=\"num\">").append(o.effortMinutes().orElse(0)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void diagnostics(StringBuilder html, MigrationReport report) {
        html.append("<section id=\"diagnostics\">\n<h2>Diagnostics</h2>\n");
        boolean any = false;
        List<ReportObject> objects = report.objects();
        for (int i = 0; i < objects.size(); i++) {
            ReportObject o = objects.get(i);
            if (o.diagnostics().isEmpty()) {
                continue;
            }
            any = true;
            html.append("<div id=\"diag-").append(i).append("\" data-filter>\n<h3>").append(esc(o.qualifiedName()))
                    .append(" <small>(").append(esc(o.kind())).append(")</small> ").append(status(o.status()))
                    .append("</h3>\n");
            diagnosticTable(html, o.diagnostics(), false);
            html.append("</div>\n");
        }
        if (!report.unattachedDiagnostics().isEmpty()) {
            any = true;
            html.append("<div id=\"diag-unattached\" data-filter>\n<h3>Not about a particular object</h3>\n");
            diagnosticTable(html, report.unattachedDiagnostics(), true);
            html.append("</div>\n");
        }
        if (!any) {
            html.append("<p>None.</p>\n");
        }
        html.append("</section>\n");
    }

    private static void diagnosticTable(StringBuilder html, List<ReportDiagnostic> diagnostics, boolean withObject) {
        html.append("<table class=\"sortable\">\n<thead><tr><th>Location</th><th>Severity</th><th>Code</th>")
                .append(withObject ? "<th>Object</th>" : "").append("<th>Message</th></tr></thead>\n<tbody>\n");
        for (ReportDiagnostic d : diagnostics) {
            html.append("<tr><td class=\"mono\" data-sort=\"").append(esc(sortableLocation(d.location()))).append("\">")
                    .append(esc(d.location())).append("</td><td class=\"sev-").append(d.severityId())
                    .append("\" data-sort=\"").append(Severity.values().length - d.severity().ordinal()).append("\">")
                    .append(d.severityId()).append("</td><td><code>").append(esc(d.code())).append("</code></td>");
            if (withObject) {
                html.append("<td>").append(esc(d.object().orElse(""))).append("</td>");
            }
            html.append("<td>").append(esc(d.message())).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    /** Zero-pads line and column so that text order is location order. */
    private static String sortableLocation(String location) {
        String[] parts = location.split(":");
        if (parts.length < 3) {
            return location;
        }
        try {
            int line = Integer.parseInt(parts[parts.length - 2]);
            int column = Integer.parseInt(parts[parts.length - 1]);
            String file = String.join(":", java.util.Arrays.copyOf(parts, parts.length - 2));
            return String.format(Locale.ROOT, "%s:%09d:%06d", file, line, column);
        } catch (NumberFormatException e) {
            return location;
        }
    }

    private static String status(ObjectStatus status) {
        return "<span class=\"status status-" + status.id() + "\">" + esc(label(status)) + "</span>";
    }

    static String label(ObjectStatus status) {
        return status.id().replace('_', ' ');
    }

    private static int x(int column) {
        return MARGIN + column * (NODE_WIDTH + COLUMN_GAP);
    }

    private static int y(int row) {
        return TOP + row * ROW_HEIGHT;
    }

    private static String shorten(String label) {
        return label.codePointCount(0, label.length()) <= LABEL_CHARS ? label
                : label.substring(0, label.offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
    }

    private static String cssToken(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** Escapes text for HTML element content and double- or single-quoted attribute values. */
    static String esc(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append("&#xFFFD;"); // control characters are not allowed in HTML text
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
