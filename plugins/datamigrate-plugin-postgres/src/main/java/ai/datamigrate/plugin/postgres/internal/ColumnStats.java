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

    /** Fractional digits of a numeric column whose values are summed as scaled longs; -1: BigDecimal only. */
    private final int scale;

    ColumnStats(ColumnConverter.Kind kind) {
        this(kind, -1);
    }

    /** @param scale the column's fractional digits (numeric columns: values then add up as longs) or -1 */
    ColumnStats(ColumnConverter.Kind kind, int scale) {
        this.kind = kind;
        this.scale = kind == ColumnConverter.Kind.NUMERIC && scale >= 0 && scale <= 9 ? scale : -1;
    }

    static ColumnStats of(ColumnConverter converter) {
        return new ColumnStats(converter.kind(), converter.scale().orElse(-1));
    }

    void add(String canonical) {
        add(canonical, null);
    }

    /** @param utf8 the canonical text's UTF-8 bytes when the caller has them (hashed without encoding again) */
    void add(String canonical, byte[] utf8) {
        if (canonical == null) {
            return;
        }
        count++;
        hash += utf8 != null && kind != ColumnConverter.Kind.REAL && kind != ColumnConverter.Kind.DOUBLE
                ? PgHash.of(utf8) : PgHash.of(hashText(kind, canonical));
        switch (kind) {
            case INTEGER -> addInteger(canonical);
            case NUMERIC -> {
                long unscaled = scale < 0 ? NOT_SCALED : unscaled(canonical, scale);
                if (unscaled == NOT_SCALED) {
                    addNumber(new BigDecimal(canonical), canonical);
                } else {
                    addScaled(unscaled, canonical);
                }
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

    private void addInteger(String canonical) {
        long value;
        try {
            value = CopyBinary.parseLong(canonical);
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

    private static final long NOT_SCALED = Long.MIN_VALUE;
    private long minScaled;
    private long maxScaled;
    /** Whether min and max so far are tracked as scaled longs (false once a value took the BigDecimal path). */
    private boolean scaledBounds = true;

    /**
     * A canonical numeric text as an unscaled long at {@code scale} fractional digits ({@code 12.5} at 2 is 1250),
     * or {@link #NOT_SCALED} when it has more digits than a long keeps exactly.
     */
    private static long unscaled(String canonical, int scale) {
        int n = canonical.length();
        int i = canonical.charAt(0) == '-' ? 1 : 0;
        long value = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = canonical.charAt(i);
            if (c == '.') {
                fraction = 0;
                continue;
            }
            value = value * 10 + (c - '0');
            if (fraction >= 0) {
                fraction++;
            }
            if (++digits > 17) {
                return NOT_SCALED;
            }
        }
        for (int f = Math.max(fraction, 0); f < scale; f++) {
            value *= 10;
            if (++digits > 17) {
                return NOT_SCALED;
            }
        }
        return canonical.charAt(0) == '-' ? -value : value;
    }

    private void addScaled(long value, String canonical) {
        if (scaledBounds) {
            if (min == null || value < minScaled) {
                minScaled = value;
                min = canonical;
            }
            if (max == null || value > maxScaled) {
                maxScaled = value;
                max = canonical;
            }
        } else {
            BigDecimal exact = BigDecimal.valueOf(value, scale);
            if (exact.compareTo(minNumber) < 0) {
                minNumber = exact;
                min = canonical;
            }
            if (exact.compareTo(maxNumber) > 0) {
                maxNumber = exact;
                max = canonical;
            }
        }
        long total = longSum + value;
        if (((longSum ^ total) & (value ^ total)) < 0) {
            sum = sum.add(BigDecimal.valueOf(longSum, scale)).add(BigDecimal.valueOf(value, scale));
            longSum = 0;
        } else {
            longSum = total;
        }
    }

    private void addNumber(BigDecimal value, String canonical) {
        if (kind == ColumnConverter.Kind.NUMERIC && scaledBounds) {
            // leave the long bounds for exact ones
            scaledBounds = false;
            if (min != null) {
                minNumber = BigDecimal.valueOf(minScaled, Math.max(scale, 0));
                maxNumber = BigDecimal.valueOf(maxScaled, Math.max(scale, 0));
            }
        }
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
        return sum.add(BigDecimal.valueOf(longSum, scale < 0 ? 0 : scale));
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
