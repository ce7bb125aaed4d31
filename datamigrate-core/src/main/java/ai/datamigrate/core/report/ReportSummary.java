package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.diagnostic.Severity;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Totals of a report.
 *
 * @param all                    every object, by status
 * @param byKind                 per kind, in the report's kind order, only kinds that occur
 * @param diagnosticsBySeverity  every diagnostic of the run (attached or not), zeros included
 * @param diagnosticsByCode      every diagnostic of the run, by code, sorted by code
 * @param effort                 only in assessments
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ReportSummary(KindSummary all, List<KindSummary> byKind, Map<Severity, Integer> diagnosticsBySeverity,
                            Map<String, Integer> diagnosticsByCode, Optional<EffortEstimate> effort) {
    public ReportSummary {
        Objects.requireNonNull(all, "all");
        byKind = List.copyOf(byKind);
        EnumMap<Severity, Integer> severities = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            severities.put(severity, diagnosticsBySeverity.getOrDefault(severity, 0));
        }
        diagnosticsBySeverity = Collections.unmodifiableMap(severities);
        diagnosticsByCode = Collections.unmodifiableMap(new TreeMap<>(diagnosticsByCode));
        Objects.requireNonNull(effort, "effort");
    }

    public int diagnostics() {
        return diagnosticsBySeverity.values().stream().mapToInt(Integer::intValue).sum();
    }
}
