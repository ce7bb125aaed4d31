package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How {@link DataMigrateHost#load} should load.
 *
 * @param targetUrl  a JDBC URL without credentials (they come from configuration or the environment)
 * @param rawSchema  the target schema for the source's dbo tables (others get {@code <rawSchema>_<schema>})
 * @param tables     only these tables; empty means all
 * @param replace    drop and re-create raw tables that exist
 * @param schemaOnly create the tables without rows
 * @param rejectDir  where rows that cannot be converted are written; empty: the loader's setting or default
 * @param maxRejects rejected rows a table may have and still be loaded; empty: the loader's setting or default (0)
 * @param jobs       tables loaded at once, each on a connection of its own (1 or more)
 * @param resume     skip tables the target records as loaded and verified by an earlier run
 * @param reportDir  where {@code load-report.json} and {@code load-report.md} go; empty: none are written
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LoadRequestOptions(String targetUrl, String rawSchema, List<ObjectName> tables, boolean replace,
                                 boolean schemaOnly, Optional<Path> rejectDir, OptionalLong maxRejects, int jobs,
                                 boolean resume, Optional<Path> reportDir) {
    public LoadRequestOptions {
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(rawSchema, "rawSchema");
        tables = List.copyOf(tables);
        Objects.requireNonNull(rejectDir, "rejectDir");
        Objects.requireNonNull(maxRejects, "maxRejects");
        if (maxRejects.isPresent() && maxRejects.getAsLong() < 0) {
            throw new IllegalArgumentException("maxRejects must be 0 or more: " + maxRejects.getAsLong());
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be 1 or more: " + jobs);
        }
        Objects.requireNonNull(reportDir, "reportDir");
    }

    /** One job, no resume, no report. */
    public LoadRequestOptions(String targetUrl, String rawSchema, List<ObjectName> tables, boolean replace,
                              boolean schemaOnly, Optional<Path> rejectDir, OptionalLong maxRejects) {
        this(targetUrl, rawSchema, tables, replace, schemaOnly, rejectDir, maxRejects, 1, false, Optional.empty());
    }

    /** Options with the loader's reject settings. */
    public LoadRequestOptions(String targetUrl, String rawSchema, List<ObjectName> tables, boolean replace,
                              boolean schemaOnly) {
        this(targetUrl, rawSchema, tables, replace, schemaOnly, Optional.empty(), OptionalLong.empty());
    }

    public LoadRequestOptions withRejectDir(Path directory) {
        return new LoadRequestOptions(targetUrl, rawSchema, tables, replace, schemaOnly, Optional.of(directory),
                maxRejects, jobs, resume, reportDir);
    }

    public LoadRequestOptions withMaxRejects(long max) {
        return new LoadRequestOptions(targetUrl, rawSchema, tables, replace, schemaOnly, rejectDir,
                OptionalLong.of(max), jobs, resume, reportDir);
    }

    /** Loads every table of the input into the schema {@code raw} of {@code targetUrl}, one job, no report. */
    public static LoadRequestOptions of(String targetUrl) {
        return new LoadRequestOptions(targetUrl, "raw", List.of(), false, false);
    }

    /** These options with {@code n} tables loaded at once. */
    public LoadRequestOptions withJobs(int n) {
        return new LoadRequestOptions(targetUrl, rawSchema, tables, replace, schemaOnly, rejectDir, maxRejects, n, resume,
                reportDir);
    }

    /** These options dropping and re-creating raw tables that exist ({@code true}). */
    public LoadRequestOptions withReplace(boolean dropExisting) {
        return new LoadRequestOptions(targetUrl, rawSchema, tables, dropExisting, schemaOnly, rejectDir, maxRejects,
                jobs, resume, reportDir);
    }

    /** These options writing {@code load-report.json} and {@code load-report.md} into {@code directory}. */
    public LoadRequestOptions withReportDir(Path directory) {
        return new LoadRequestOptions(targetUrl, rawSchema, tables, replace, schemaOnly, rejectDir, maxRejects, jobs,
                resume, Optional.of(directory));
    }
}
