package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.support.target.ConversionException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;

/**
 * PostgreSQL's {@code COPY ... (FORMAT binary)}: a signature, then per row the field count and per field its length
 * ({@code -1} for NULL) and the type's binary ("send") form, big-endian; a field count of {@code -1} ends the data.
 * The loader sends binary because PostgreSQL then skips the text input functions: parsing numeric and timestamp text
 * costs the server more CPU than the rest of the COPY together, and on a machine of few cores the server's CPU is
 * the limit. Each value is encoded from its canonical text ({@link ColumnConverter}), so it is exactly the value the
 * text format would have given, and verification hashes the same text either way.
 */
final class CopyBinary {

    /** The header: signature, flags (no OIDs), header extension length 0. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0,
            0};
    /** PostgreSQL's epoch for dates and timestamps, 2000-01-01, in days since 1970-01-01. */
    private static final long PG_EPOCH_DAY = 10_957;
    private static final long MICROS_PER_DAY = 86_400_000_000L;
    private static final HexFormat HEX = HexFormat.of();

    /** A growable byte buffer that values are encoded into. */
    static final class Sink {
        byte[] bytes;
        int length;

        Sink(int capacity) {
            bytes = new byte[capacity];
        }

        void ensure(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        void put(byte b) {
            ensure(1);
            bytes[length++] = b;
        }

        void putShort(int v) {
            ensure(2);
            bytes[length++] = (byte) (v >>> 8);
            bytes[length++] = (byte) v;
        }

        void putInt(int v) {
            ensure(4);
            bytes[length++] = (byte) (v >>> 24);
            bytes[length++] = (byte) (v >>> 16);
            bytes[length++] = (byte) (v >>> 8);
            bytes[length++] = (byte) v;
        }

        void putLong(long v) {
            putInt((int) (v >>> 32));
            putInt((int) v);
        }

        void put(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, length, b.length);
            length += b.length;
        }
    }

    private CopyBinary() {
    }

    /**
     * Appends one non-null field, its length first.
     *
     * @param canonical the value's canonical text for the column ({@link ColumnConverter#convert})
     * @param utf8      the canonical text's UTF-8 bytes (used for text kinds)
     * @throws ConversionException when the text is not one the binary form can carry
     */
    static void field(ColumnConverter converter, String canonical, byte[] utf8, Sink out) {
        switch (converter.kind()) {
            case INTEGER -> {
                long value = parseLong(canonical);
                switch (converter.integerBytes()) {
                    case 2 -> {
                        out.putInt(2);
                        out.putShort((int) value);
                    }
                    case 4 -> {
                        out.putInt(4);
                        out.putInt((int) value);
                    }
                    default -> {
                        out.putInt(8);
                        out.putLong(value);
                    }
                }
            }
            case NUMERIC -> numeric(canonical, out);
            case REAL -> {
                out.putInt(4);
                out.putInt(Float.floatToRawIntBits(Float.parseFloat(canonical)));
            }
            case DOUBLE -> {
                out.putInt(8);
                out.putLong(Double.doubleToRawLongBits(Double.parseDouble(canonical)));
            }
            case BOOLEAN -> {
                out.putInt(1);
                out.put((byte) (canonical.equals("true") ? 1 : 0));
            }
            case BYTEA -> {
                // canonical: \x and hex digits
                byte[] bytes = HEX.parseHex(canonical, 2, canonical.length());
                out.putInt(bytes.length);
                out.put(bytes);
            }
            case UUID -> {
                UUID uuid = UUID.fromString(canonical);
                out.putInt(16);
                out.putLong(uuid.getMostSignificantBits());
                out.putLong(uuid.getLeastSignificantBits());
            }
            case DATE -> {
                out.putInt(4);
                out.putInt(Math.toIntExact(date(canonical) - PG_EPOCH_DAY));
            }
            case TIME -> {
                out.putInt(8);
                out.putLong(timeMicros(canonical, 0, canonical.length()));
            }
            case TIMESTAMP -> {
                out.putInt(8);
                out.putLong(timestampMicros(canonical, canonical.length()));
            }
            case TIMESTAMPTZ -> {
                // canonical: UTC with a +00 suffix
                if (!canonical.endsWith("+00")) {
                    throw bad(canonical, converter);
                }
                out.putInt(8);
                out.putLong(timestampMicros(canonical, canonical.length() - 3));
            }
            case CHAR, TEXT -> {
                out.putInt(utf8.length);
                out.put(utf8);
            }
        }
    }

    /**
     * Numeric's binary form: digit count, weight (of the first base-10000 digit), sign, display scale, then the
     * base-10000 digits. The canonical text is plain decimal ({@code -12.5}, {@code 0.001}); its fraction digits are
     * the display scale, which the column's type modifier then pads as the text input would.
     */
    static void numeric(String s, Sink out) {
        int n = s.length();
        boolean negative = n > 0 && s.charAt(0) == '-';
        int start = negative ? 1 : 0;
        int dot = -1;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.' && dot < 0) {
                dot = i;
            } else if (c < '0' || c > '9') {
                throw new ConversionException("'" + s + "' is not a plain decimal number");
            }
        }
        int intEnd = dot < 0 ? n : dot;
        int fracStart = dot < 0 ? n : dot + 1;
        while (start < intEnd && s.charAt(start) == '0') {
            start++;
        }
        int intDigits = intEnd - start;
        int fracDigits = n - fracStart;
        int intGroups = (intDigits + 3) / 4;
        int groups = intGroups + (fracDigits + 3) / 4;
        // the header is written once the digits are known; the digits go straight after it
        out.ensure(12 + 2 * groups);
        int header = out.length;
        out.length += 12;
        int weight = intGroups - 1;
        int written = 0;
        int significant = 0;
        int at = start;
        for (int g = 0; g < groups; g++) {
            int v = 0;
            if (g < intGroups) {
                // the first group takes what is left over from groups of four, counted from the point
                int width = g == 0 ? intDigits - 4 * (intGroups - 1) : 4;
                for (int k = 0; k < width; k++) {
                    v = v * 10 + (s.charAt(at++) - '0');
                }
                if (g == intGroups - 1) {
                    at = fracStart;
                }
            } else {
                if (g == 0) {
                    at = fracStart;
                }
                for (int k = 0; k < 4; k++) {
                    v = v * 10 + (at < n ? s.charAt(at++) - '0' : 0);
                }
            }
            if (v == 0 && written == 0) {
                weight--; // leading zero groups are not stored
                continue;
            }
            out.putShort(v);
            written++;
            if (v != 0) {
                significant = written;
            }
        }
        // trailing zero groups are not stored either
        out.length -= 2 * (written - significant);
        int digits = significant;
        if (digits == 0) {
            weight = 0;
            negative = false;
        }
        int end = out.length;
        out.length = header;
        out.putInt(8 + 2 * digits);
        out.putShort(digits);
        out.putShort(weight);
        out.putShort(negative ? 0x4000 : 0);
        out.putShort(fracDigits);
        out.length = end;
    }

    /** Days since 1970-01-01 of a canonical date, {@code yyyy-MM-dd}. */
    private static long date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            return epochDay(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
        }
        return LocalDate.parse(s).toEpochDay();
    }

    /** Microseconds since 2000-01-01 00:00 of a canonical timestamp, {@code yyyy-MM-dd HH:mm:ss[.fraction]}. */
    private static long timestampMicros(String s, int end) {
        long day;
        int time;
        if (end >= 19 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == ' ') {
            day = epochDay(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
            time = 11;
        } else {
            // a year of more than four digits or before year 1: the general parser
            int space = s.indexOf(' ', 1);
            if (space < 0) {
                throw new ConversionException("'" + s + "' is not a timestamp");
            }
            day = LocalDate.parse(s.substring(0, space)).toEpochDay();
            time = space + 1;
        }
        return (day - PG_EPOCH_DAY) * MICROS_PER_DAY + timeMicros(s, time, end);
    }

    /** Microseconds since midnight of {@code HH:mm:ss[.fraction]} at {@code from}, at most 6 fractional digits. */
    private static long timeMicros(String s, int from, int end) {
        if (end - from < 8 || s.charAt(from + 2) != ':' || s.charAt(from + 5) != ':') {
            throw new ConversionException("'" + s + "' is not a time of day");
        }
        long micros = ((digits(s, from, from + 2) * 60L + digits(s, from + 3, from + 5)) * 60L
                + digits(s, from + 6, from + 8)) * 1_000_000L;
        int at = from + 8;
        if (at < end) {
            if (s.charAt(at) != '.' || end - at - 1 > 6 || end - at - 1 == 0) {
                throw new ConversionException("'" + s + "' has more than 6 fractional digits");
            }
            int fraction = digits(s, at + 1, end);
            for (int k = end - at - 1; k < 6; k++) {
                fraction *= 10;
            }
            micros += fraction;
        }
        return micros;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new ConversionException("'" + s + "' has a non-digit where digits belong");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date, as {@link LocalDate#toEpochDay()}, without a LocalDate. */
    static long epochDay(int year, int month, int day) {
        if (year < 0) {
            return LocalDate.of(year, month, day).toEpochDay();
        }
        // int arithmetic: years 0 to 9999 (what SQL Server has) keep every term far from overflow
        int total = 365 * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400 + (367 * month - 362) / 12
                + day - 1;
        if (month > 2) {
            total -= leap(year) ? 1 : 2;
        }
        return total - 719_528L; // days from year 0 to 1970
    }

    /**
     * A canonical integer ({@code -?[0-9]+}) as a long; {@link Long#parseLong} for anything else (and past 18 digits,
     * where it checks the range).
     */
    static long parseLong(String s) {
        int n = s.length();
        boolean negative = n > 1 && s.charAt(0) == '-';
        int i = negative ? 1 : 0;
        if (n == 0 || n - i > 18) {
            return Long.parseLong(s);
        }
        long value = 0;
        for (; i < n; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return Long.parseLong(s);
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }

    /** Whether a proleptic Gregorian year is a leap year, as {@link java.time.Year#isLeap(long)}. */
    static boolean leap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** The days of a month, 1 to 12. */
    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> leap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static ConversionException bad(String canonical, ColumnConverter converter) {
        return new ConversionException("'" + canonical + "' cannot be sent as "
                + converter.targetType());
    }
}
