package ai.datamigrate.spi.data;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.SourceLocation;
import java.util.List;

/**
 * Receives the rows of one source table, pushed by a {@link RowSource}. Values are plain Java values:
 * {@code null}, {@code String}, {@code Long}, {@code java.math.BigDecimal}, {@code Double}, {@code Boolean},
 * {@code byte[]}, {@code java.time.LocalDate}, {@code LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime} or
 * {@code java.util.UUID}; a source that only has text for a value (e.g. a date literal in a script) passes the
 * text and the loader converts it with the column's type.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface RowConsumer {

    /** The columns of the rows that follow, in order; called before the first row and whenever it changes. */
    void columns(List<String> columnNames);

    /**
     * One row, values in the order of the last {@link #columns} call.
     *
     * @return false to stop reading (e.g. past a reject threshold)
     */
    boolean row(List<Object> values, SourceLocation location);

    /** A row the source could not read (an expression it cannot evaluate, a malformed line). */
    void reject(SourceLocation location, String reason, String text);

    /**
     * The source's own aggregates of the rows it just pushed (a live server computes them in the same snapshot),
     * called after the last row; sources that have none never call it. Loaders compare them with what they received.
     */
    @Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
    default void sourceAggregates(SourceAggregates aggregates) {
    }
}
