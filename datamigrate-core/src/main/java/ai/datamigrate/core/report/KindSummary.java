package ai.datamigrate.core.report;

import ai.datamigrate.spi.Api;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The objects of one kind (or of all kinds) by status.
 *
 * @param kind            the kind, or {@code all} for the totals
 * @param byStatus        a count for every status, zeros included
 * @param coveragePercent converted (with or without warnings) out of the objects not skipped by the user, one
 *                        decimal; 100 when nothing is left to convert
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record KindSummary(String kind, int total, Map<ObjectStatus, Integer> byStatus, double coveragePercent) {
    public KindSummary {
        Objects.requireNonNull(kind, "kind");
        EnumMap<ObjectStatus, Integer> complete = new EnumMap<>(ObjectStatus.class);
        for (ObjectStatus status : ObjectStatus.values()) {
            complete.put(status, byStatus.getOrDefault(status, 0));
        }
        byStatus = java.util.Collections.unmodifiableMap(complete);
    }

    public int count(ObjectStatus status) {
        return byStatus.get(status);
    }
}
