package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.support.target.SqlServerDates;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.duckdb.DuckDBAppender;

/**
 * How the values of one raw column are converted and appended: from what a {@link ai.datamigrate.spi.data.RowSource}
 * sends (Java values, or the text of a script's literal) to the Java type DuckDB's appender writes for the column's
 * mapped type, rejecting what does not fit instead of letting DuckDB guess.
 */
final class DuckDbColumn {

    /** The column kinds of the types {@link DuckDbTargetDialect} maps to. */
    enum Kind {
        SMALLINT, INTEGER, BIGINT, DECIMAL, FLOAT, DOUBLE, BOOLEAN, BLOB, UUID, DATE, TIME, TIMESTAMP, TIMESTAMPTZ,
        VARCHAR;

        /** Whether min and max are compared (strings are left out: their order depends on the collation). */
        boolean ordered() {
            return this != BOOLEAN && this != BLOB && this != UUID && this != VARCHAR;
        }

        /** Whether an exact sum is compared (floating point sums depend on the order of the rows). */
        boolean summed() {
            return this == SMALLINT || this == INTEGER || this == BIGINT || this == DECIMAL;
        }
    }

    /** A value that does not fit the column; its row goes to the reject file. */
    static final class ConversionException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ConversionException(String message) {
            super(message, null, false, false);
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final String targetType;
    private final Kind kind;
    private final int precision;
    private final int scale;

    private DuckDbColumn(String targetType, Kind kind, int precision, int scale) {
        this.targetType = targetType;
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
    }

    /** For a type the duckdb dialect maps to, e.g. {@code decimal(19,4)}, {@code timestamp with time zone}. */
    static DuckDbColumn forType(String targetType) {
        String type = targetType.toLowerCase(Locale.ROOT).strip();
        if (type.startsWith("decimal(")) {
            String[] parts = type.substring("decimal(".length(), type.length() - 1).split(",");
            return new DuckDbColumn(targetType, Kind.DECIMAL, Integer.parseInt(parts[0].strip()),
                    Integer.parseInt(parts[1].strip()));
        }
        Kind kind = switch (type) {
            case "smallint" -> Kind.SMALLINT;
            case "integer" -> Kind.INTEGER;
            case "bigint" -> Kind.BIGINT;
            case "float" -> Kind.FLOAT;
            case "double" -> Kind.DOUBLE;
            case "boolean" -> Kind.BOOLEAN;
            case "blob" -> Kind.BLOB;
            case "uuid" -> Kind.UUID;
            case "date" -> Kind.DATE;
            case "time" -> Kind.TIME;
            case "timestamp" -> Kind.TIMESTAMP;
            case "timestamp with time zone" -> Kind.TIMESTAMPTZ;
            default -> Kind.VARCHAR;
        };
        return new DuckDbColumn(targetType, kind, 0, 0);
    }

    Kind kind() {
        return kind;
    }

    /**
     * The value as the Java type appended for this column, {@code null} for SQL NULL.
     *
     * @throws ConversionException when the value does not fit the column
     */
    Object convert(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (kind) {
                case SMALLINT -> (short) integer(value, Short.MIN_VALUE, Short.MAX_VALUE);
                case INTEGER -> (int) integer(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
                case BIGINT -> integer(value, Long.MIN_VALUE, Long.MAX_VALUE);
                case DECIMAL -> decimal(value);
                case FLOAT -> value instanceof Number n ? n.floatValue() : Float.parseFloat(text(value).strip());
                case DOUBLE -> value instanceof Number n ? n.doubleValue() : Double.parseDouble(text(value).strip());
                case BOOLEAN -> bool(value);
                case BLOB -> bytes(value);
                case UUID -> uuid(value);
                case DATE -> value instanceof LocalDate d ? d : dateTime(value).toLocalDate();
                case TIME -> micros(value instanceof LocalTime t ? t.atDate(LocalDate.EPOCH)
                        : dateTime(value)).toLocalTime();
                case TIMESTAMP -> micros(dateTime(value));
                case TIMESTAMPTZ -> offsetDateTime(value);
                case VARCHAR -> text(value);
            };
        } catch (ConversionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ConversionException("cannot convert " + describe(value) + " to " + targetType + ": "
                    + e.getMessage());
        }
    }

    /** Appends a value {@link #convert} returned. */
    void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (kind) {
            case SMALLINT -> appender.append((short) (Short) value);
            case INTEGER -> appender.append((int) (Integer) value);
            case BIGINT -> appender.append((long) (Long) value);
            case DECIMAL -> appender.append((BigDecimal) value);
            case FLOAT -> appender.append((float) (Float) value);
            case DOUBLE -> appender.append((double) (Double) value);
            case BOOLEAN -> appender.append((boolean) (Boolean) value);
            case BLOB -> appender.append((byte[]) value);
            case UUID -> appender.append((UUID) value);
            case DATE -> appender.append((LocalDate) value);
            case TIME -> appender.append((LocalTime) value);
            case TIMESTAMP -> appender.append((LocalDateTime) value);
            case TIMESTAMPTZ -> appender.append((OffsetDateTime) value);
            case VARCHAR -> appender.append((String) value);
        }
    }

    /** Column {@code index} of the current row as the type {@link #convert} returns, for verification. */
    Object read(ResultSet rows, int index) throws SQLException {
        Object value = switch (kind) {
            case SMALLINT -> (short) rows.getInt(index);
            case INTEGER -> rows.getInt(index);
            case BIGINT -> rows.getLong(index);
            case DECIMAL -> rows.getBigDecimal(index);
            case FLOAT -> rows.getFloat(index);
            case DOUBLE -> rows.getDouble(index);
            case DATE -> rows.getObject(index, LocalDate.class);
            case TIME -> rows.getObject(index, LocalTime.class);
            case TIMESTAMP -> rows.getObject(index, LocalDateTime.class);
            case TIMESTAMPTZ -> rows.getObject(index, OffsetDateTime.class);
            default -> rows.getString(index);
        };
        return rows.wasNull() ? null : value;
    }

    /** Orders two values of this column (for min and max); instants for timestamps with time zone. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
            return x.toInstant().compareTo(y.toInstant());
        }
        return ((Comparable) a).compareTo(b);
    }

    private long integer(Object value, long min, long max) {
        BigDecimal d = number(value);
        if (d.stripTrailingZeros().scale() > 0) {
            throw new ConversionException(describe(value) + " is not an integer (" + targetType + ")");
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ConversionException(describe(value) + " is out of range for " + targetType);
        }
        return d.longValueExact();
    }

    private BigDecimal decimal(Object value) {
        BigDecimal d = number(value).setScale(scale, RoundingMode.HALF_UP);
        if (d.precision() - d.scale() > precision - scale && d.signum() != 0) {
            throw new ConversionException(describe(value) + " is out of range for " + targetType);
        }
        return d;
    }

    private BigDecimal number(Object value) {
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

    private static Boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).signum() != 0;
        }
        return switch (text(value).strip().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw new ConversionException("'" + abbreviate(text(value)) + "' is not a bit value (0, 1, true, "
                    + "false)");
        };
    }

    private static byte[] bytes(Object value) {
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

    private static UUID uuid(Object value) {
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

    private static LocalDateTime dateTime(Object value) {
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

    private static OffsetDateTime offsetDateTime(Object value) {
        OffsetDateTime t;
        if (value instanceof OffsetDateTime o) {
            t = o;
        } else if (value instanceof CharSequence) {
            t = SqlServerDates.parse(text(value)).withOffset();
        } else {
            t = dateTime(value).atOffset(ZoneOffset.UTC);
        }
        // stored as the instant, in UTC, to microseconds
        return micros(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()).atOffset(ZoneOffset.UTC);
    }

    /** Rounds to microseconds, half up, as DuckDB does when it casts text with more digits. */
    private static LocalDateTime micros(LocalDateTime t) {
        int nanos = t.getNano() % 1000;
        LocalDateTime truncated = t.truncatedTo(ChronoUnit.MICROS);
        return nanos >= 500 ? truncated.plus(1, ChronoUnit.MICROS) : truncated;
    }

    static String text(Object value) {
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

    private static String describe(Object value) {
        return value instanceof String s ? "'" + abbreviate(s) + "'" : abbreviate(text(value));
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
