package ai.datamigrate.support.target;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The values a {@link ai.datamigrate.spi.data.RowSource} sends (Java values, or the text of a SQL Server literal) read
 * as SQL Server reads them, for the loaders' per-column converters: numbers (money with its currency sign), binary
 * literals, uniqueidentifiers, dates and times ({@link SqlServerDates}). Static methods: they run for every value
 * loaded, and are called directly from each target's converter.
 */
public final class SqlServerValues {

    private static final HexFormat HEX = HexFormat.of();

    private SqlServerValues() {
    }

    /**
     * The exact decimal value of a number, a bit, or a numeric or money literal ({@code 12.50}, {@code -$3},
     * {@code 1,234.5}).
     *
     * @throws ConversionException for a floating point value that is not finite
     * @throws NumberFormatException for text that is no number
     */
    public static BigDecimal decimal(Object value, String targetType) {
        if (value instanceof BigDecimal b) {
            return b;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger b) {
            return new BigDecimal(b);
        }
        if (value instanceof Double || value instanceof Float) {
            double x = ((Number) value).doubleValue();
            if (!Double.isFinite(x)) {
                throw new ConversionException(describe(value) + " is not a finite number (" + targetType + ")");
            }
            return BigDecimal.valueOf(x);
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        // money literals may carry a currency sign: $12.50, -$3
        String s = text(value).strip().replace(",", "");
        if (s.startsWith("-$") || s.startsWith("+$")) {
            s = s.charAt(0) + s.substring(2);
        } else if (s.startsWith("$")) {
            s = s.substring(1);
        }
        return new BigDecimal(s);
    }

    /** The bytes of a binary value or of a {@code 0x...} literal. */
    public static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        String s = text(value).strip();
        if (s.regionMatches(true, 0, "0x", 0, 2)) {
            String hex = s.substring(2);
            // SQL Server accepts an odd number of digits and pads on the left: 0x123 = 0x0123
            return HEX.parseHex(hex.length() % 2 == 1 ? "0" + hex : hex);
        }
        throw new ConversionException("'" + abbreviate(s) + "' is not a binary literal (0x...)");
    }

    /** A uniqueidentifier, with or without braces. */
    public static UUID uuid(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        String s = text(value).strip();
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        if (!s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new ConversionException("'" + abbreviate(s) + "' is not a uniqueidentifier");
        }
        return UUID.fromString(s);
    }

    /** The local date and time of a temporal value or literal; a time alone is on 1900-01-01, as in SQL Server. */
    public static LocalDateTime dateTime(Object value) {
        if (value instanceof LocalDateTime t) {
            return t;
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toLocalDateTime();
        }
        if (value instanceof LocalTime t) {
            return t.atDate(LocalDate.of(1900, 1, 1));
        }
        return SqlServerDates.parse(text(value)).dateTime();
    }

    /** A value as text: decimals without exponent, binary values as a {@code 0x} literal. */
    public static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof byte[] b) {
            return "0x" + HEX.formatHex(b).toUpperCase(Locale.ROOT);
        }
        return value.toString();
    }

    /** A value for a message: text quoted, everything abbreviated to 60 characters. */
    public static String describe(Object value) {
        return value instanceof String s ? "'" + abbreviate(s) + "'" : abbreviate(text(value));
    }

    public static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
