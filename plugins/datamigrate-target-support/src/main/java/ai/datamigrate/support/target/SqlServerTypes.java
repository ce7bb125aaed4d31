package ai.datamigrate.support.target;

import ai.datamigrate.spi.catalog.DataType;
import java.util.OptionalInt;

/** What SQL Server's type declarations mean, for the targets' type mappings. */
public final class SqlServerTypes {

    /** SQL Server's default fractional precision for time, datetime2 and datetimeoffset. */
    public static final int DEFAULT_FRACTIONAL_DIGITS = 7;

    private SqlServerTypes() {
    }

    /** Whether a {@code float(n)} is single precision: n is the mantissa bits, 1..24 is single precision. */
    public static boolean singlePrecision(DataType type) {
        OptionalInt bits = type.length().isPresent() ? type.length() : type.precision();
        return bits.isPresent() && bits.getAsInt() <= 24;
    }

    /** The fractional seconds digits of a time, datetime2 or datetimeoffset ({@value #DEFAULT_FRACTIONAL_DIGITS}). */
    public static int fractionalDigits(DataType type) {
        if (type.length().isPresent()) {
            return type.length().getAsInt();
        }
        return type.precision().orElse(DEFAULT_FRACTIONAL_DIGITS);
    }

    /** An identifier in double quotes, as PostgreSQL and DuckDB quote it (embedded quotes doubled). */
    public static String doubleQuoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
