package ai.datamigrate.spi.data;

import ai.datamigrate.spi.Api;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table's aggregates as the source itself computes them (e.g. a live server's own {@code COUNT}, {@code MIN},
 * {@code MAX} and {@code SUM} over the rows it streamed, in the same snapshot), for the loader to compare with the
 * rows it received and loaded. Values are plain Java values, as in {@link RowConsumer#row}.
 *
 * @param origin  what computed them, for messages (e.g. {@code SQL Server})
 * @param rows    the table's row count
 * @param columns per column the source aggregated; columns it could not aggregate are left out
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public record SourceAggregates(String origin, long rows, List<Column> columns) {

    public SourceAggregates {
        Objects.requireNonNull(origin, "origin");
        columns = List.copyOf(columns);
    }

    /**
     * One column: its non-null values, and where the source computes them min, max and exact sum (absent for types
     * whose order or sum the source defines differently, such as collated text or floating point).
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
    public record Column(String name, long nonNull, Optional<Object> min, Optional<Object> max, Optional<Object> sum) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            Objects.requireNonNull(sum, "sum");
        }
    }
}
