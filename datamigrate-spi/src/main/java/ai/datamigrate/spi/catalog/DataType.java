package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A source column type: the base type name in lower case ({@code nvarchar}, {@code decimal}) with its
 * length, precision and scale where given. {@code max} marks {@code (max)} lengths. When the column used a
 * user-defined alias type, {@code aliasName} keeps that name and the rest describes the resolved base type.
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record DataType(String name, OptionalInt length, OptionalInt precision, OptionalInt scale, boolean max,
                       Optional<ObjectName> aliasName) {

    public DataType {
        Objects.requireNonNull(name, "name");
        name = name.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(aliasName, "aliasName");
    }

    public static DataType of(String name) {
        return new DataType(name, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), false,
                Optional.empty());
    }

    public static DataType withLength(String name, int length) {
        return new DataType(name, OptionalInt.of(length), OptionalInt.empty(), OptionalInt.empty(), false,
                Optional.empty());
    }

    public static DataType withMaxLength(String name) {
        return new DataType(name, OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty(), true,
                Optional.empty());
    }

    public static DataType withPrecision(String name, int precision, int scale) {
        return new DataType(name, OptionalInt.empty(), OptionalInt.of(precision), OptionalInt.of(scale), false,
                Optional.empty());
    }

    public DataType withAlias(ObjectName alias) {
        return new DataType(name, length, precision, scale, max, Optional.of(alias));
    }

    /** The type as SQL Server would print it: {@code nvarchar(40)}, {@code decimal(19,4)}, {@code varchar(max)}. */
    public String sql() {
        if (max) {
            return name + "(max)";
        }
        if (length.isPresent()) {
            return name + "(" + length.getAsInt() + ")";
        }
        if (precision.isPresent()) {
            return name + "(" + precision.getAsInt() + (scale.isPresent() ? "," + scale.getAsInt() : "") + ")";
        }
        return name;
    }

    @Override
    public String toString() {
        return sql();
    }
}
