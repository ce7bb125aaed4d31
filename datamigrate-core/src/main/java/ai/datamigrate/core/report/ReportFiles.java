package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.output.GeneratedFile;
import java.util.List;

/** The three files of a migration report, written at the root of the output folder. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class ReportFiles {

    public static final String JSON = "migration-report.json";
    public static final String MARKDOWN = "MIGRATION_REPORT.md";
    public static final String HTML = "migration-report.html";

    /** The report's file names, sorted. */
    public static final List<String> NAMES = List.of(MARKDOWN, HTML, JSON);

    private ReportFiles() {
    }

    /** The report as files to add to a run's output, in {@link #NAMES} order. */
    public static List<GeneratedFile> render(MigrationReport report) {
        // three independent renderings of an immutable report: in parallel (the HTML's lineage graph is the largest)
        List<java.util.function.Supplier<GeneratedFile>> renderings = List.of(
                () -> new GeneratedFile(MARKDOWN, markdown(report)), () -> new GeneratedFile(HTML, html(report)),
                () -> new GeneratedFile(JSON, json(report)));
        return renderings.parallelStream().map(java.util.function.Supplier::get).toList();
    }

    /** {@value #JSON}: the published format (JSON Schema {@code docs/migration-report.schema.json}). */
    public static String json(MigrationReport report) {
        return ReportJson.write(report);
    }

    /** {@value #MARKDOWN}: for reading on GitHub. */
    public static String markdown(MigrationReport report) {
        return ReportMarkdown.write(report);
    }

    /** {@value #HTML}: one self-contained page with sortable tables and the lineage graph. */
    public static String html(MigrationReport report) {
        return ReportHtml.write(report);
    }
}
