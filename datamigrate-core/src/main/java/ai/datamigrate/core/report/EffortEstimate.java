package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import java.util.Objects;

/**
 * The estimated human work of an assessment, summed over the objects.
 *
 * @param method     the heuristic's name and version, documented in {@code docs/migration-report.md}
 * @param totalHours {@code totalMinutes / 60}, one decimal
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record EffortEstimate(String method, int totalMinutes, double totalHours) {
    public EffortEstimate {
        Objects.requireNonNull(method, "method");
    }
}
