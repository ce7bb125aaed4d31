package ai.datamigrate.plugin.postgres.internal;

import static ai.datamigrate.support.target.SqlServerValues.abbreviate;
import static ai.datamigrate.support.target.SqlServerValues.bytes;
import static ai.datamigrate.support.target.SqlServerValues.dateTime;
import static ai.datamigrate.support.target.SqlServerValues.decimal;
import static ai.datamigrate.support.target.SqlServerValues.describe;
import static ai.datamigrate.support.target.SqlServerValues.text;
import static ai.datamigrate.support.target.SqlServerValues.uuid;

import ai.datamigrate.support.target.ConversionException;
import ai.datamigrate.support.target.SqlServerDates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts the values of one raw column to their canonical text, which is both what {@code COPY} receives (before
 * escaping) and what verification hashes. The same canonical text is rebuilt from the loaded table through JDBC
 * ({@link #canonical(ResultSet, int)}), so source and target are compared value by value, independent of PostgreSQL's
 * output formats (numeric scale padding, {@code t}/{@code f}, char padding).
 */
final class ColumnConverter {

    /** How a mapped PostgreSQL type is converted and compared. */
    enum Kind {
        INTEGER, NUMERIC, REAL, DOUBLE, BOOLEAN, BYTEA, UUID, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, CHAR, TEXT;

        /** Whether min and max are meaningful and collation-free (text is compared by PostgreSQL's collation). */
        boolean ordered() {
            return switch (this) {
                case INTEGER, NUMERIC, REAL, DOUBLE, DATE, TIME, TIMESTAMP, TIMESTAMPTZ -> true;
                default -> false;
            };
        }

        /** Whether a sum is exact (floating point sums depend on the order of the rows). */
        boolean summed() {
            return this == INTEGER || this == NUMERIC;
        }
    }

    private static final Pattern TYPE = Pattern.compile("([a-z ]+?)\\s*(?:\\((\\d+)(?:\\s*,\\s*(\\d+))?\\))?");
    private static final DateTimeFormatter TIME_FORMAT = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").optionalStart()
            .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME_FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(TIME_FORMAT).toFormatter(Locale.ROOT);
    private static final HexFormat HEX = HexFormat.of();

    private final String targetType;
    private final Kind kind;
    private final OptionalInt length;
    private final OptionalInt scale;
    private final BigDecimal integerLimit;

    private ColumnConverter(String targetType, Kind kind, OptionalInt length, OptionalInt scale,
                            BigDecimal integerLimit) {
        this.targetType = targetType;
        this.kind = kind;
        this.length = length;
        this.scale = scale;
        this.integerLimit = integerLimit;
    }

    /** For a type the postgres dialect maps to, e.g. {@code numeric(19,4)}, {@code timestamp(3)}, {@code varchar(40)}. */
    static ColumnConverter forType(String targetType) {
        Matcher m = TYPE.matcher(targetType.toLowerCase(Locale.ROOT).strip());
        if (!m.matches()) {
            return new ColumnConverter(targetType, Kind.TEXT, OptionalInt.empty(), OptionalInt.empty(), null);
        }
        String name = m.group(1);
        OptionalInt first = m.group(2) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(2)));
        OptionalInt second = m.group(3) == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(m.group(3)));
        return switch (name) {
            case "smallint" -> integer(targetType, Short.MAX_VALUE);
            case "integer", "int" -> integer(targetType, Integer.MAX_VALUE);
            case "bigint" -> integer(targetType, Long.MAX_VALUE);
            case "numeric", "decimal" -> new ColumnConverter(targetType, Kind.NUMERIC, first,
                    first.isPresent() ? OptionalInt.of(second.orElse(0)) : OptionalInt.empty(),
                    first.isPresent() ? BigDecimal.TEN.pow(first.getAsInt() - second.orElse(0)) : null);
            case "real" -> simple(targetType, Kind.REAL);
            case "double precision" -> simple(targetType, Kind.DOUBLE);
            case "boolean" -> simple(targetType, Kind.BOOLEAN);
            case "bytea" -> simple(targetType, Kind.BYTEA);
            case "uuid" -> simple(targetType, Kind.UUID);
            case "date" -> simple(targetType, Kind.DATE);
            case "time" -> new ColumnConverter(targetType, Kind.TIME, OptionalInt.empty(), digits(first), null);
            case "timestamp" -> new ColumnConverter(targetType, Kind.TIMESTAMP, OptionalInt.empty(), digits(first), null);
            case "timestamptz" -> new ColumnConverter(targetType, Kind.TIMESTAMPTZ, OptionalInt.empty(), digits(first),
                    null);
            case "char", "character" -> new ColumnConverter(targetType, Kind.CHAR, OptionalInt.of(first.orElse(1)),
                    OptionalInt.empty(), null);
            case "varchar", "character varying" -> new ColumnConverter(targetType, Kind.TEXT, first, OptionalInt.empty(),
                    null);
            default -> simple(targetType, Kind.TEXT);
        };
    }

    private static OptionalInt digits(OptionalInt declared) {
        return OptionalInt.of(declared.orElse(6));
    }

    private static ColumnConverter integer(String targetType, long max) {
        return new ColumnConverter(targetType, Kind.INTEGER, OptionalInt.empty(), OptionalInt.of(0),
                BigDecimal.valueOf(max));
    }

    private static ColumnConverter simple(String targetType, Kind kind) {
        return new ColumnConverter(targetType, kind, OptionalInt.empty(), OptionalInt.empty(), null);
    }

    Kind kind() {
        return kind;
    }

    /** The fractional digits of a numeric or integer column; empty for other kinds. */
    OptionalInt scale() {
        return kind == Kind.INTEGER || kind == Kind.NUMERIC ? scale : OptionalInt.empty();
    }

    String targetType() {
        return targetType;
    }

    /** The width of an integer column's binary form: 2 ({@code smallint}), 4 ({@code integer}) or 8. */
    int integerBytes() {
        long max = integerLimit.longValue();
        return max <= Short.MAX_VALUE ? 2 : max <= Integer.MAX_VALUE ? 4 : 8;
    }

    /**
     * Whether {@link CopyBinary} can send this column: every kind, except types the converter treats as text whose
     * binary form is not their text ({@code xml}, and types it does not know).
     */
    boolean binary() {
        if (kind != Kind.TEXT) {
            return true;
        }
        String name = targetType.toLowerCase(Locale.ROOT).strip();
        return name.equals("text") || name.startsWith("varchar") || name.startsWith("character varying");
    }

    /**
     * The canonical text of {@code value} for this column, {@code null} for SQL NULL.
     *
     * @throws ConversionException when the value does not fit the column
     */
    String convert(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (kind) {
                case INTEGER, NUMERIC -> number(value);
                case REAL -> Float.toString(value instanceof Number n ? n.floatValue() : Float.parseFloat(text(value)));
                case DOUBLE -> Double.toString(value instanceof Number n ? n.doubleValue()
                        : Double.parseDouble(text(value)));
                case BOOLEAN -> bool(value);
                case BYTEA -> "\\x" + HEX.formatHex(bytes(value));
                case UUID -> uuid(value).toString();
                case DATE -> date(value).toString();
                case TIME -> formatTime(round(time(value).atDate(LocalDate.EPOCH)).toLocalTime());
                case TIMESTAMP -> {
                    String canonical = value instanceof String text ? canonicalTimestamp(text) : null;
                    yield canonical != null ? canonical : formatDateTime(round(dateTime(value)));
                }
                case TIMESTAMPTZ -> utc(round(offsetDateTime(value)));
                case CHAR -> chars(stripTrailingBlanks(text(value)));
                case TEXT -> chars(text(value));
            };
        } catch (ConversionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw ConversionException.cannotConvert(value, targetType, e);
        }
    }

    /** The canonical text of column {@code index} of the current row, as {@link #convert} makes it from the source. */
    String canonical(ResultSet rows, int index) throws SQLException {
        String result = switch (kind) {
            case INTEGER, NUMERIC -> {
                BigDecimal d = rows.getBigDecimal(index);
                yield d == null ? null : plain(d);
            }
            case REAL -> {
                float f = rows.getFloat(index);
                yield rows.wasNull() ? null : Float.toString(f);
            }
            case DOUBLE -> {
                double d = rows.getDouble(index);
                yield rows.wasNull() ? null : Double.toString(d);
            }
            case BOOLEAN -> {
                boolean b = rows.getBoolean(index);
                yield rows.wasNull() ? null : Boolean.toString(b);
            }
            case BYTEA -> {
                byte[] b = rows.getBytes(index);
                yield b == null ? null : "\\x" + HEX.formatHex(b);
            }
            case UUID, TEXT -> rows.getString(index);
            case DATE -> {
                LocalDate d = rows.getObject(index, LocalDate.class);
                yield d == null ? null : d.toString();
            }
            case TIME -> {
                LocalTime t = rows.getObject(index, LocalTime.class);
                yield t == null ? null : formatTime(t);
            }
            case TIMESTAMP -> {
                LocalDateTime t = rows.getObject(index, LocalDateTime.class);
                yield t == null ? null : formatDateTime(t);
            }
            case TIMESTAMPTZ -> {
                OffsetDateTime t = rows.getObject(index, OffsetDateTime.class);
                yield t == null ? null : utc(t);
            }
            case CHAR -> {
                String s = rows.getString(index);
                yield s == null ? null : stripTrailingBlanks(s);
            }
        };
        return result;
    }

    /**
     * {@code yyyy-MM-dd HH:mm:ss[.fraction]} without trailing zeros in the fraction, as {@link #DATE_TIME_FORMAT}
     * prints it, written by hand: this runs for every timestamp loaded.
     */
    static String formatDateTime(LocalDateTime t) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return DATE_TIME_FORMAT.format(t);
        }
        char[] out = new char[29];
        digits(out, 0, year, 4);
        out[4] = '-';
        digits(out, 5, t.getMonthValue(), 2);
        out[7] = '-';
        digits(out, 8, t.getDayOfMonth(), 2);
        out[10] = ' ';
        int end = time(out, 11, t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
        return new String(out, 0, end);
    }

    /**
     * The text itself when it is a timestamp already in canonical form, {@code yyyy-MM-dd HH:mm:ss[.fff]} with a
     * valid date and time, no more fractional digits than the column keeps and no trailing zero: what the general
     * path would give back, without parsing and formatting. Null otherwise.
     */
    private String canonicalTimestamp(String s) {
        int n = s.length();
        if (n < 19 || n > 29 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        if (n > 19 && (s.charAt(19) != '.' || n == 20 || n - 20 > scale.orElse(6) || s.charAt(n - 1) == '0')) {
            return null;
        }
        int century = twoDigits(s, 0);
        int yearOfCentury = twoDigits(s, 2);
        int month = twoDigits(s, 5);
        int day = twoDigits(s, 8);
        int hour = twoDigits(s, 11);
        int minute = twoDigits(s, 14);
        int second = twoDigits(s, 17);
        if (century < 0 || yearOfCentury < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int year = century * 100 + yearOfCentury;
        if (year < 1 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59
                || day > CopyBinary.daysInMonth(year, month)) {
            return null;
        }
        for (int i = 20; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return s;
    }

    /** The two digits at {@code at}, or -1 when they are not digits. */
    private static int twoDigits(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        if (a < '0' || a > '9' || b < '0' || b > '9') {
            return -1;
        }
        return (a - '0') * 10 + (b - '0');
    }

    /** {@code HH:mm:ss[.fraction]} as {@link #TIME_FORMAT} prints it. */
    static String formatTime(LocalTime t) {
        char[] out = new char[18];
        return new String(out, 0, time(out, 0, t.getHour(), t.getMinute(), t.getSecond(), t.getNano()));
    }

    private static int time(char[] out, int at, int hour, int minute, int second, int nanos) {
        digits(out, at, hour, 2);
        out[at + 2] = ':';
        digits(out, at + 3, minute, 2);
        out[at + 5] = ':';
        digits(out, at + 6, second, 2);
        int end = at + 8;
        if (nanos != 0) {
            out[end] = '.';
            digits(out, end + 1, nanos, 9);
            end += 10;
            while (out[end - 1] == '0') {
                end--;
            }
        }
        return end;
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * The canonical text of a plain decimal literal ({@code -12.50}, {@code 007}) when it fits the column as it is,
     * without building a BigDecimal: leading zeros and trailing fraction zeros dropped, {@code -0} is {@code 0}. Null
     * when the text needs the general path (exponents, signs, currency, rounding, out of range).
     */
    private String plainNumber(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && s.charAt(0) == '-') {
            negative = true;
            i = 1;
        }
        int intStart = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < n && s.charAt(i) == '.') {
            fracStart = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            fracEnd = i;
        }
        if (i != n || (intEnd == intStart && fracEnd == fracStart) || !scale.isPresent()) {
            return null;
        }
        while (fracEnd > fracStart && s.charAt(fracEnd - 1) == '0') {
            fracEnd--;
        }
        if (fracEnd - fracStart > scale.getAsInt()) {
            return null; // needs rounding
        }
        while (intStart < intEnd && s.charAt(intStart) == '0') {
            intStart++;
        }
        int intDigits = intEnd - intStart;
        // integers: at most 18 digits is always in range of a long, and the range check below is exact
        if (kind == Kind.INTEGER) {
            if (fracEnd > fracStart || intDigits > 18) {
                return null;
            }
            long v = 0;
            for (int k = intStart; k < intEnd; k++) {
                v = v * 10 + (s.charAt(k) - '0');
            }
            long max = integerLimit.longValue();
            if (negative ? v - 1 > max : v > max) {
                return null;
            }
        } else if (integerLimit != null && intDigits > precisionDigits()) {
            return null;
        }
        if (intDigits == 0 && fracEnd == fracStart) {
            return "0";
        }
        if (!negative && intDigits > 0 && intStart == 0 && fracEnd == n && (fracEnd > fracStart || intEnd == n)) {
            return s; // already canonical
        }
        StringBuilder out = new StringBuilder(n);
        if (negative) {
            out.append('-');
        }
        if (intDigits == 0) {
            out.append('0');
        } else {
            out.append(s, intStart, intEnd);
        }
        if (fracEnd > fracStart) {
            out.append('.').append(s, fracStart, fracEnd);
        }
        return out.toString();
    }

    /** Digits a numeric(p,s) column holds before the point: p - s. */
    private int precisionDigits() {
        return integerLimit.precision() - 1;
    }

    private String number(Object value) {
        if (value instanceof String text) {
            String plain = plainNumber(text);
            if (plain != null) {
                return plain;
            }
        }
        BigDecimal d = decimal(value, targetType);
        if (scale.isPresent()) {
            if (kind == Kind.INTEGER && d.stripTrailingZeros().scale() > 0) {
                throw new ConversionException(describe(value) + " is not an integer (" + targetType + ")");
            }
            d = d.setScale(scale.getAsInt(), RoundingMode.HALF_UP);
        }
        boolean outOfRange = integerLimit != null && (kind == Kind.INTEGER
                ? d.compareTo(integerLimit) > 0 || d.compareTo(integerLimit.negate().subtract(BigDecimal.ONE)) < 0
                : d.abs().compareTo(integerLimit) >= 0);
        if (outOfRange) {
            throw new ConversionException(describe(value) + " is out of range for " + targetType);
        }
        return plain(d);
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }

    private static String bool(Object value) {
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Number n) {
            return Boolean.toString(new BigDecimal(n.toString()).signum() != 0);
        }
        if (value instanceof String text && text.length() == 1) {
            // the usual bit text, checked before stripping and lower-casing
            if (text.equals("1")) {
                return "true";
            }
            if (text.equals("0")) {
                return "false";
            }
        }
        String s = text(value).strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "1", "true" -> "true";
            case "0", "false" -> "false";
            default -> throw new ConversionException("'" + text(value) + "' is not a bit value (0, 1, true, false)");
        };
    }

    private static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        return dateTime(value).toLocalDate();
    }

    private static LocalTime time(Object value) {
        if (value instanceof LocalTime t) {
            return t;
        }
        return dateTime(value).toLocalTime();
    }

    private static OffsetDateTime offsetDateTime(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof String || value instanceof CharSequence) {
            return SqlServerDates.parse(text(value)).withOffset();
        }
        return dateTime(value).atOffset(ZoneOffset.UTC);
    }

    /** Rounds to the column's fractional digits, half up, as PostgreSQL does on input. */
    private LocalDateTime round(LocalDateTime t) {
        int digits = scale.orElse(6);
        if (digits >= 9) {
            return t;
        }
        long unit = (long) Math.pow(10, 9 - digits);
        long nanos = t.getNano();
        long rounded = (nanos + unit / 2) / unit * unit;
        return t.withNano(0).plusNanos(rounded);
    }

    private OffsetDateTime round(OffsetDateTime t) {
        return round(t.toLocalDateTime()).atOffset(t.getOffset());
    }

    private static String utc(OffsetDateTime t) {
        return formatDateTime(t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "+00";
    }

    private String chars(String s) {
        if (s.indexOf('\0') >= 0) {
            throw new ConversionException("PostgreSQL text cannot hold the NUL character (U+0000)");
        }
        // a string has at least as many chars as code points: counting is needed only when it is longer
        if (length.isPresent() && s.length() > length.getAsInt()
                && s.codePointCount(0, s.length()) > length.getAsInt()) {
            throw new ConversionException("value of " + s.codePointCount(0, s.length()) + " characters is longer than "
                    + targetType + ": '" + abbreviate(s) + "'");
        }
        return s;
    }

    private static String stripTrailingBlanks(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

}
