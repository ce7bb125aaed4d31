package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.load.ColumnAggregates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The aggregates of one column that verification compares: non-null count, min and max (of ordered kinds), exact
 * sum (of integer and numeric columns) and the order-independent hash: the sum, modulo 2^64, of
 * {@link PgHash} over each value's {@linkplain #hashText hash text}, which PostgreSQL computes in SQL with
 * {@code hashtextextended}. The source side is fed canonical texts as rows stream by; the target side is set from
 * PostgreSQL's aggregates.
 */
final class ColumnStats {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final ColumnConverter.Kind kind;
    private long count;
    private String min;
    private String max;
    /** Integer sums stay in a long until they overflow. */
    private long longSum;
    private BigDecimal sum = BigDecimal.ZERO;
    private long hash;
    private long minLong;
    private long maxLong;
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
        hash += PgHash.of(hashText(kind, canonical));
        switch (kind) {
            case INTEGER -> addInteger(canonical);
            case NUMERIC -> addNumber(new BigDecimal(canonical), canonical);
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

    private void addInteger(String canonical) {
        long value;
        try {
            value = Long.parseLong(canonical);
        } catch (NumberFormatException e) {
            addNumber(new BigDecimal(canonical), canonical);
            return;
        }
        if (min == null || value < minLong) {
            minLong = value;
            min = canonical;
        }
        if (max == null || value > maxLong) {
            maxLong = value;
            max = canonical;
        }
        long total = longSum + value;
        if (((longSum ^ total) & (value ^ total)) < 0) {
            // overflow: carry the long part into the exact sum
            sum = sum.add(BigDecimal.valueOf(longSum)).add(BigDecimal.valueOf(value));
            longSum = 0;
        } else {
            longSum = total;
        }
    }

    private void addNumber(BigDecimal value, String canonical) {
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

    /**
     * The text that is hashed for a value: its canonical text, except for floating point, whose text differs
     * between Java and PostgreSQL: there the IEEE bits in hex, as {@code encode(float8send(x), 'hex')} gives them.
     */
    static String hashText(ColumnConverter.Kind kind, String canonical) {
        return switch (kind) {
            case REAL -> hex(Float.floatToIntBits(Float.parseFloat(canonical)) & 0xffffffffL, 8);
            case DOUBLE -> hex(Double.doubleToLongBits(Double.parseDouble(canonical)), 16);
            default -> canonical;
        };
    }

    private static String hex(long bits, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = HEX[(int) (bits & 0xf)];
            bits >>>= 4;
        }
        return new String(out);
    }

    /** The aggregates, with the table's row count for the NULL count. */
    ColumnAggregates aggregates(long rows) {
        Optional<String> total = kind.summed() ? Optional.of(plain(exactSum())) : Optional.empty();
        return new ColumnAggregates(count, rows - count, kind.ordered() ? Optional.ofNullable(min) : Optional.empty(),
                kind.ordered() ? Optional.ofNullable(max) : Optional.empty(), total, hex(hash, 16));
    }

    private BigDecimal exactSum() {
        return sum.add(BigDecimal.valueOf(longSum));
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    /** The differences to {@code target}, one phrase each, e.g. {@code max 12.5 (source) vs 12.4 (target)}. */
    List<String> differences(ColumnStats target) {
        List<String> out = new ArrayList<>();
        if (count != target.count) {
            out.add("non-null count " + count + " (source) vs " + target.count + " (target)");
        }
        if (kind.ordered() && !Objects.equals(min, target.min)) {
            out.add("min " + min + " (source) vs " + target.min + " (target)");
        }
        if (kind.ordered() && !Objects.equals(max, target.max)) {
            out.add("max " + max + " (source) vs " + target.max + " (target)");
        }
        if (kind.summed() && exactSum().compareTo(target.exactSum()) != 0) {
            out.add("sum " + plain(exactSum()) + " (source) vs " + plain(target.exactSum()) + " (target)");
        }
        if (hash != target.hash) {
            out.add("value hash " + hex(hash, 16) + " (source) vs " + hex(target.hash, 16) + " (target)");
        }
        return out;
    }

    /** Target side: the aggregates PostgreSQL computed. */
    void setAggregates(long count, String min, String max, BigDecimal sum) {
        this.count = count;
        this.min = min;
        this.max = max;
        this.sum = sum == null ? BigDecimal.ZERO : sum;
        this.longSum = 0;
    }

    /** Target side: PostgreSQL's {@code sum(hashtextextended(...))}, an exact numeric, taken modulo 2^64. */
    void setHash(BigDecimal hashSum) {
        this.hash = hashSum == null ? 0 : hashSum.toBigInteger().longValue();
    }

    /** Target side, when the server cannot hash: the values pulled back and hashed here. */
    void addHashOnly(String canonical) {
        if (canonical != null) {
            hash += PgHash.of(hashText(kind, canonical));
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
        return kind.summed() ? Optional.of(exactSum()) : Optional.empty();
    }

    long hash() {
        return hash;
    }
}
