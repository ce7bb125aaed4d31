package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.spi.catalog.DataType;
import java.util.List;
import java.util.Locale;

/** SQL Server's data-type rules that decide how an expression translates: precedence and type families. */
final class SqlServerTypes {

    static final DataType UNKNOWN = DataType.of("?");
    static final DataType INT = DataType.of("int");
    static final DataType BIGINT = DataType.of("bigint");
    static final DataType BIT = DataType.of("bit");
    static final DataType FLOAT = DataType.of("float");
    static final DataType DATETIME = DataType.of("datetime");
    static final DataType DATE = DataType.of("date");
    static final DataType VARCHAR = DataType.withLength("varchar", 8000);
    static final DataType NVARCHAR = DataType.withLength("nvarchar", 4000);
    static final DataType MONEY = DataType.of("money");

    /** Highest first, as documented for "Data type precedence (Transact-SQL)". */
    private static final List<String> PRECEDENCE = List.of("sql_variant", "xml", "datetimeoffset", "datetime2",
            "datetime", "smalldatetime", "date", "time", "float", "real", "decimal", "numeric", "money", "smallmoney",
            "bigint", "int", "smallint", "tinyint", "bit", "ntext", "text", "image", "timestamp", "uniqueidentifier",
            "nvarchar", "nchar", "varchar", "char", "varbinary", "binary");

    private SqlServerTypes() {
    }

    static String base(DataType t) {
        return switch (t.name()) {
            case "integer" -> "int";
            case "dec" -> "decimal";
            case "character" -> "char";
            case "sysname" -> "nvarchar";
            default -> t.name();
        };
    }

    static boolean known(DataType t) {
        return t != UNKNOWN && PRECEDENCE.contains(base(t));
    }

    static boolean isString(DataType t) {
        return switch (base(t)) {
            case "char", "varchar", "nchar", "nvarchar", "text", "ntext" -> true;
            default -> false;
        };
    }

    static boolean isFixedChar(DataType t) {
        String b = base(t);
        return (b.equals("char") || b.equals("nchar")) && t.length().isPresent();
    }

    static boolean isUnicode(DataType t) {
        String b = base(t);
        return b.equals("nchar") || b.equals("nvarchar") || b.equals("ntext");
    }

    static boolean isInteger(DataType t) {
        return switch (base(t)) {
            case "tinyint", "smallint", "int", "bigint" -> true;
            default -> false;
        };
    }

    static boolean isExactNumeric(DataType t) {
        return isInteger(t) || switch (base(t)) {
            case "decimal", "numeric", "money", "smallmoney" -> true;
            default -> false;
        };
    }

    static boolean isApproximate(DataType t) {
        String b = base(t);
        return b.equals("float") || b.equals("real");
    }

    static boolean isNumeric(DataType t) {
        return isExactNumeric(t) || isApproximate(t);
    }

    static boolean isDateTime(DataType t) {
        return switch (base(t)) {
            case "datetime", "datetime2", "smalldatetime", "date", "datetimeoffset" -> true;
            default -> false;
        };
    }

    static boolean isBit(DataType t) {
        return base(t).equals("bit");
    }

    /** The type of {@code a op b} for arithmetic and CASE/COALESCE branches: the higher precedence wins. */
    static DataType higher(DataType a, DataType b) {
        if (!known(a)) {
            return b;
        }
        if (!known(b)) {
            return a;
        }
        return PRECEDENCE.indexOf(base(a)) <= PRECEDENCE.indexOf(base(b)) ? a : b;
    }

    /** Arithmetic result: decimals lose their exact precision (SQL Server recomputes it), the rest keep the type. */
    static DataType arithmetic(DataType a, DataType b) {
        DataType t = higher(a, b);
        String base = base(t);
        if (base.equals("decimal") || base.equals("numeric")) {
            return known(a) && known(b) && a.equals(b) ? t : DataType.of("decimal");
        }
        return t;
    }

    static DataType parse(String name, List<String> arguments) {
        String n = name.toLowerCase(Locale.ROOT);
        if (arguments.isEmpty()) {
            return DataType.of(n);
        }
        if (arguments.get(0).equalsIgnoreCase("max")) {
            return DataType.withMaxLength(n);
        }
        int first = Integer.parseInt(arguments.get(0).trim());
        return switch (n) {
            case "decimal", "numeric", "dec" -> DataType.withPrecision(n, first,
                    arguments.size() > 1 ? Integer.parseInt(arguments.get(1).trim()) : 0);
            case "datetime2", "time", "datetimeoffset", "float" -> new DataType(n, java.util.OptionalInt.empty(),
                    java.util.OptionalInt.of(first), java.util.OptionalInt.empty(), false, java.util.Optional.empty());
            default -> DataType.withLength(n, first);
        };
    }
}
