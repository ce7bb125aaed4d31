package ai.datamigrate.plugin.duckdb.internal;

import static ai.datamigrate.support.target.SqlServerValues.abbreviate;
import static ai.datamigrate.support.target.SqlServerValues.bytes;
import static ai.datamigrate.support.target.SqlServerValues.dateTime;
import static ai.datamigrate.support.target.SqlServerValues.describe;
import static ai.datamigrate.support.target.SqlServerValues.text;
import static ai.datamigrate.support.target.SqlServerValues.uuid;

import ai.datamigrate.support.target.ConversionException;
import ai.datamigrate.support.target.SqlServerDates;
import ai.datamigrate.support.target.SqlServerValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
            throw ConversionException.cannotConvert(value, targetType, e);
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
        BigDecimal d = SqlServerValues.decimal(value, targetType);
        if (d.stripTrailingZeros().scale() > 0) {
            throw new ConversionException(describe(value) + " is not an integer (" + targetType + ")");
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ConversionException(describe(value) + " is out of range for " + targetType);
        }
        return d.longValueExact();
    }

    private BigDecimal decimal(Object value) {
        BigDecimal d = SqlServerValues.decimal(value, targetType).setScale(scale, RoundingMode.HALF_UP);
        if (d.precision() - d.scale() > precision - scale && d.signum() != 0) {
            throw new ConversionException(describe(value) + " is out of range for " + targetType);
        }
        return d;
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

}
