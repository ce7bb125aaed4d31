package ai.datamigrate.plugin.duckdb.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The aggregates of one column that verification compares: non-null count, min and max (of ordered kinds) and the
 * exact sum (of integer and decimal columns). Fed on the source side with the converted values as they are appended;
 * on the target side with what DuckDB computes over the loaded table.
 */
final class ColumnStats {

    private final DuckDbColumn.Kind kind;
    private long count;
    private Object min;
    private Object max;
    private BigDecimal sum = BigDecimal.ZERO;

    ColumnStats(DuckDbColumn.Kind kind) {
        this.kind = kind;
    }

    void add(Object value) {
        if (value == null) {
            return;
        }
        count++;
        if (kind.ordered()) {
            if (min == null || DuckDbColumn.compare(value, min) < 0) {
                min = value;
            }
            if (max == null || DuckDbColumn.compare(value, max) > 0) {
                max = value;
            }
        }
        if (kind.summed()) {
            sum = sum.add(value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue()));
        }
    }

    /** Target side: the aggregates DuckDB computed. */
    void set(long count, Object min, Object max, BigDecimal sum) {
        this.count = count;
        this.min = min;
        this.max = max;
        this.sum = sum == null ? BigDecimal.ZERO : sum;
    }

    /** The differences to {@code target}, one phrase each, e.g. {@code max 12.5 (source) vs 12.4 (target)}. */
    List<String> differences(ColumnStats target) {
        List<String> out = new ArrayList<>();
        if (count != target.count) {
            out.add("non-null count " + count + " (source) vs " + target.count + " (target)");
        }
        if (kind.ordered() && !same(min, target.min)) {
            out.add("min " + min + " (source) vs " + target.min + " (target)");
        }
        if (kind.ordered() && !same(max, target.max)) {
            out.add("max " + max + " (source) vs " + target.max + " (target)");
        }
        if (kind.summed() && sum.compareTo(target.sum) != 0) {
            out.add("sum " + sum.toPlainString() + " (source) vs " + target.sum.toPlainString() + " (target)");
        }
        return out;
    }

    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return Objects.equals(a, b);
        }
        return DuckDbColumn.compare(a, b) == 0;
    }
}
