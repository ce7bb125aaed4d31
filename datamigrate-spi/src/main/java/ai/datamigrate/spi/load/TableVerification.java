package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.List;
import java.util.Objects;

/**
 * How one loaded table compared with its source: row counts and per-column aggregates on both sides.
 *
 * @param source      the source table
 * @param target      the target table, {@code schema.table}
 * @param sourceRows  rows the source sent (rejected rows excluded)
 * @param targetRows  rows the target holds
 * @param columns     per column, in table order
 * @param differences one phrase per difference, naming the column (e.g. {@code column Price: sum 12.5 (source) vs
 *                    12.4 (target)}); empty when the table passed
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public record TableVerification(ObjectName source, String target, long sourceRows, long targetRows,
                                List<ColumnVerification> columns, List<String> differences) {
    public TableVerification {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        columns = List.copyOf(columns);
        differences = List.copyOf(differences);
    }

    public boolean passed() {
        return differences.isEmpty();
    }
}
