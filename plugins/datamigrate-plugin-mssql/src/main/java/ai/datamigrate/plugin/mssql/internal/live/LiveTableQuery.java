package ai.datamigrate.plugin.mssql.internal.live;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.SourceAggregates;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The T-SQL that streams one table's rows from a live server and the query of the server's own aggregates over the
 * same rows, and how each JDBC value becomes the plain Java value the script reader gives for the same column
 * ({@link ai.datamigrate.spi.data.RowConsumer}): numbers as {@code Long}/{@code BigDecimal}/{@code Double}, dates and
 * times as {@code java.time} values, {@code uniqueidentifier} as {@code UUID}, binary as {@code byte[]}. Types
 * PostgreSQL has no counterpart for are read as text by the server: {@code hierarchyid} with {@code ToString()},
 * {@code geometry}/{@code geography} as well-known text ({@code STAsText()}), {@code sql_variant} converted to
 * {@code nvarchar}; the target reports them as lossy types.
 */
final class LiveTableQuery {

    /** How a column's value is read from the result set. */
    enum Read {
        LONG, DECIMAL, DOUBLE, REAL, BOOLEAN, DATE, TIME, DATETIME, DATETIMEOFFSET, UUID, BYTES, TEXT
    }

    private LiveTableQuery() {
    }

    /** {@code [name]}, with {@code ]} doubled: any identifier SQL Server allows. */
    static String quote(String identifier) {
        return "[" + identifier.replace("]", "]]") + "]";
    }

    static String from(Table table) {
        return quote(table.name().schema()) + "." + quote(table.name().name());
    }

    /** The base type's name, lower case (an alias type's columns carry their base type). */
    private static String base(DataType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static Read read(DataType type) {
        return switch (base(type)) {
            case "bit" -> Read.BOOLEAN;
            case "tinyint", "smallint", "int", "integer", "bigint" -> Read.LONG;
            case "decimal", "numeric", "dec", "money", "smallmoney" -> Read.DECIMAL;
            case "float", "double precision" -> type.precision().orElse(53) <= 24 ? Read.REAL : Read.DOUBLE;
            case "real" -> Read.REAL;
            case "date" -> Read.DATE;
            case "time" -> Read.TIME;
            case "datetime", "datetime2", "smalldatetime" -> Read.DATETIME;
            case "datetimeoffset" -> Read.DATETIMEOFFSET;
            case "uniqueidentifier" -> Read.UUID;
            case "binary", "varbinary", "image", "timestamp", "rowversion" -> Read.BYTES;
            default -> Read.TEXT;
        };
    }

    /** The select-list item of a column: the column itself, or the text form of a type read as text. */
    static String selectItem(Column column) {
        String name = quote(column.name());
        return switch (base(column.type())) {
            case "hierarchyid" -> name + ".ToString() AS " + name;
            case "geometry", "geography" -> name + ".STAsText() AS " + name;
            case "sql_variant" -> "CONVERT(nvarchar(4000), " + name + ") AS " + name;
            default -> name;
        };
    }

    /** Every column of the table, in table order, as the target's raw table has them. */
    static String select(Table table) {
        List<String> items = table.columns().stream().map(LiveTableQuery::selectItem).toList();
        return "SELECT " + String.join(", ", items) + " FROM " + from(table);
    }

    /** Whether SQL Server's MIN/MAX order a type as the target does (not collated text, not bit or uuid order). */
    static boolean ordered(DataType type) {
        return switch (read(type)) {
            case LONG, DECIMAL, DOUBLE, REAL, DATE, TIME, DATETIME, DATETIMEOFFSET -> true;
            default -> false;
        };
    }

    /** Whether the exact sum is compared (integers and decimals; floating-point sums depend on the order). */
    static boolean summed(DataType type) {
        Read read = read(type);
        return read == Read.LONG || read == Read.DECIMAL;
    }

    /**
     * {@code SELECT COUNT_BIG(*), COUNT_BIG(c), MIN(c), MAX(c), SUM(CAST(c AS decimal(38, s)))...}: sums of integers and
     * decimals widened to 38 digits so that they do not overflow where the column's type would.
     */
    static String aggregates(Table table) {
        StringBuilder sql = new StringBuilder("SELECT COUNT_BIG(*)");
        for (Column column : table.columns()) {
            String name = quote(column.name());
            String counted = base(column.type()).matches("hierarchyid|geometry|geography|text|ntext|image|xml")
                    ? "CASE WHEN " + name + " IS NULL THEN NULL ELSE 1 END" : name;
            sql.append(", COUNT_BIG(").append(counted).append(')');
            if (ordered(column.type())) {
                sql.append(", MIN(").append(name).append("), MAX(").append(name).append(')');
            }
            if (summed(column.type())) {
                sql.append(", SUM(CAST(").append(name).append(" AS decimal(38, ").append(sumScale(column.type()))
                        .append(")))");
            }
        }
        return sql.append(" FROM ").append(from(table)).toString();
    }

    private static int sumScale(DataType type) {
        return switch (base(type)) {
            case "money", "smallmoney" -> 4;
            case "decimal", "numeric", "dec" -> type.scale().orElse(0);
            default -> 0;
        };
    }

    /** Reads the aggregates query's single row. */
    static SourceAggregates aggregates(Table table, ResultSet row) throws SQLException {
        long rows = row.getLong(1);
        int index = 2;
        List<SourceAggregates.Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            long nonNull = row.getLong(index++);
            Optional<Object> min = Optional.empty();
            Optional<Object> max = Optional.empty();
            Optional<Object> sum = Optional.empty();
            if (ordered(column.type())) {
                min = Optional.ofNullable(value(row, index++, read(column.type())));
                max = Optional.ofNullable(value(row, index++, read(column.type())));
            }
            if (summed(column.type())) {
                BigDecimal total = row.getBigDecimal(index++);
                sum = Optional.of(total == null ? BigDecimal.ZERO : total);
            }
            columns.add(new SourceAggregates.Column(column.name(), nonNull, min, max, sum));
        }
        return new SourceAggregates("SQL Server", rows, columns);
    }

    /** Column {@code index} of the current row as the script reader's value for the same type; null for NULL. */
    static Object value(ResultSet rows, int index, Read read) throws SQLException {
        Object value = switch (read) {
            case LONG -> {
                long v = rows.getLong(index);
                yield rows.wasNull() ? null : v;
            }
            case DECIMAL -> rows.getBigDecimal(index);
            case DOUBLE -> {
                double v = rows.getDouble(index);
                yield rows.wasNull() ? null : v;
            }
            case REAL -> {
                float v = rows.getFloat(index);
                // a float widened exactly: the loader's real column gives back the same float
                yield rows.wasNull() ? null : (double) v;
            }
            case BOOLEAN -> {
                boolean v = rows.getBoolean(index);
                yield rows.wasNull() ? null : v;
            }
            case DATE -> rows.getObject(index, LocalDate.class);
            case TIME -> rows.getObject(index, LocalTime.class);
            case DATETIME -> rows.getObject(index, LocalDateTime.class);
            case DATETIMEOFFSET -> rows.getObject(index, OffsetDateTime.class);
            case UUID -> {
                // getString gives the canonical text; getBytes would give SQL Server's mixed-endian byte order
                String v = rows.getString(index);
                yield v == null ? null : UUID.fromString(v);
            }
            case BYTES -> rows.getBytes(index);
            case TEXT -> rows.getString(index);
        };
        return value;
    }
}
