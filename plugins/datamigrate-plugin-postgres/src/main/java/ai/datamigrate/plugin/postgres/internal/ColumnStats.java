package ai.datamigrate.plugin.postgres.internal;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The aggregates of one column that verification compares: non-null count, min and max (of ordered kinds), exact
 * sum (of integer and numeric columns) and the {@link ValueHash} sum. Fed with canonical texts.
 */
final class ColumnStats {

    private final ColumnConverter.Kind kind;
    private long count;
    private String min;
    private String max;
    private BigDecimal sum = BigDecimal.ZERO;
    private long hash;
    private BigDecimal minNumber;
    private BigDecimal maxNumber;
    private double minDouble;
    private double maxDouble;

    ColumnStats(ColumnConverter.Kind kind) {
        this.kind = kind;
    }

    void add(String canonical) {
        if (canonical == null) {
            return;
        }
        count++;
        hash += ValueHash.of(canonical);
        switch (kind) {
            case INTEGER, NUMERIC -> {
                // parsed once, kept as the number: this runs for every value loaded
                BigDecimal value = new BigDecimal(canonical);
                if (minNumber == null || value.compareTo(minNumber) < 0) {
                    minNumber = value;
                    min = canonical;
                }
                if (maxNumber == null || value.compareTo(maxNumber) > 0) {
                    maxNumber = value;
                    max = canonical;
                }
                sum = sum.add(value);
            }
            case REAL, DOUBLE -> {
                double value = Double.parseDouble(canonical);
                if (min == null || Double.compare(value, minDouble) < 0) {
                    minDouble = value;
                    min = canonical;
                }
                if (max == null || Double.compare(value, maxDouble) > 0) {
                    maxDouble = value;
                    max = canonical;
                }
            }
            default -> {
                if (kind.ordered()) {
                    // ISO dates and times order like their values
                    if (min == null || canonical.compareTo(min) < 0) {
                        min = canonical;
                    }
                    if (max == null || canonical.compareTo(max) > 0) {
                        max = canonical;
                    }
                }
            }
        }
    }

    long count() {
        return count;
    }

    Optional<String> min() {
        return Optional.ofNullable(min);
    }

    Optional<String> max() {
        return Optional.ofNullable(max);
    }

    Optional<BigDecimal> sum() {
        return kind.summed() ? Optional.of(sum) : Optional.empty();
    }

    long hash() {
        return hash;
    }

    /** The differences to {@code target}, one phrase each, e.g. {@code max 12.5 (source) vs 12.4 (target)}. */
    java.util.List<String> differences(ColumnStats target) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (count != target.count) {
            out.add("non-null count " + count + " (source) vs " + target.count + " (target)");
        }
        if (kind.ordered() && !java.util.Objects.equals(min, target.min)) {
            out.add("min " + min + " (source) vs " + target.min + " (target)");
        }
        if (kind.ordered() && !java.util.Objects.equals(max, target.max)) {
            out.add("max " + max + " (source) vs " + target.max + " (target)");
        }
        if (kind.summed() && sum.compareTo(target.sum) != 0) {
            out.add("sum " + sum.toPlainString() + " (source) vs " + target.sum.toPlainString() + " (target)");
        }
        if (hash != target.hash) {
            out.add("value hash " + ValueHash.hex(hash) + " (source) vs " + ValueHash.hex(target.hash) + " (target)");
        }
        return out;
    }

    /** Target side: the aggregates PostgreSQL computed, checked against the values pulled back. */
    void setAggregates(long count, String min, String max, BigDecimal sum) {
        this.count = count;
        this.min = min;
        this.max = max;
        this.sum = sum == null ? BigDecimal.ZERO : sum;
    }

    void addHashOnly(String canonical) {
        if (canonical != null) {
            hash += ValueHash.of(canonical);
        }
    }
}
