package ai.datamigrate.plugin.mssql.internal.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.SourceAggregates;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The live row source's SQL and its mapping of JDBC values, on a result set that answers as mssql-jdbc does. */
class LiveTableQueryTest {

    private static final SourceLocation AT = new SourceLocation("live", 1, 1);

    private static Column column(String name, DataType type) {
        return new Column(name, type, true, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), AT);
    }

    private static final Table TABLE = new Table(new ObjectName("sales", "Order]Lines"), List.of(
            column("Id", DataType.of("int")),
            column("Price", DataType.of("money")),
            column("Rate", DataType.withPrecision("decimal", 9, 3)),
            column("Ratio", DataType.of("float")),
            column("Small", DataType.withPrecision("float", 24, 0)),
            column("Flag", DataType.of("bit")),
            column("At", DataType.of("datetimeoffset")),
            column("Guid", DataType.of("uniqueidentifier")),
            column("Path", DataType.of("hierarchyid")),
            column("Shape", DataType.of("geography")),
            column("Any", DataType.of("sql_variant")),
            column("Blob", DataType.withMaxLength("varbinary")),
            column("Note", DataType.withMaxLength("nvarchar")),
            column("Doc", DataType.of("xml"))),
            Optional.empty(), List.of(), List.of(), List.of(), List.of(), Map.of(), Optional.empty(), "", AT);

    @Test
    void selectQuotesNamesAndReadsTypesWithoutATargetCounterpartAsText() {
        assertEquals("SELECT [Id], [Price], [Rate], [Ratio], [Small], [Flag], [At], [Guid], [Path].ToString() AS [Path], "
                + "[Shape].STAsText() AS [Shape], CONVERT(nvarchar(4000), [Any]) AS [Any], [Blob], [Note], [Doc] "
                + "FROM [sales].[Order]]Lines]", LiveTableQuery.select(TABLE));
    }

    @Test
    void aggregatesAreMinMaxOfOrderedTypesAndWidenedSumsOfExactOnes() {
        assertEquals("SELECT COUNT_BIG(*), COUNT_BIG([Id]), MIN([Id]), MAX([Id]), SUM(CAST([Id] AS decimal(38, 0))), "
                + "COUNT_BIG([Price]), MIN([Price]), MAX([Price]), SUM(CAST([Price] AS decimal(38, 4))), "
                + "COUNT_BIG([Rate]), MIN([Rate]), MAX([Rate]), SUM(CAST([Rate] AS decimal(38, 3))), "
                + "COUNT_BIG([Ratio]), MIN([Ratio]), MAX([Ratio]), COUNT_BIG([Small]), MIN([Small]), MAX([Small]), "
                + "COUNT_BIG([Flag]), COUNT_BIG([At]), MIN([At]), MAX([At]), COUNT_BIG([Guid]), "
                + "COUNT_BIG(CASE WHEN [Path] IS NULL THEN NULL ELSE 1 END), "
                + "COUNT_BIG(CASE WHEN [Shape] IS NULL THEN NULL ELSE 1 END), COUNT_BIG([Any]), COUNT_BIG([Blob]), "
                + "COUNT_BIG([Note]), COUNT_BIG(CASE WHEN [Doc] IS NULL THEN NULL ELSE 1 END) "
                + "FROM [sales].[Order]]Lines]", LiveTableQuery.aggregates(TABLE));
    }

    /** A one-row result set: getObject/getString/... answer from {@code values} (1-based), like mssql-jdbc. */
    private static ResultSet row(Object... values) {
        Object[] last = new Object[1];
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[]{ResultSet.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("wasNull")) {
                        return last[0] == null;
                    }
                    Object v = values[(Integer) args[0] - 1];
                    last[0] = v;
                    return switch (method.getName()) {
                        case "getLong" -> v == null ? 0L : ((Number) v).longValue();
                        case "getDouble" -> v == null ? 0d : ((Number) v).doubleValue();
                        case "getFloat" -> v == null ? 0f : ((Number) v).floatValue();
                        case "getBoolean" -> v != null && (Boolean) v;
                        case "getBigDecimal" -> (BigDecimal) v;
                        case "getBytes" -> (byte[]) v;
                        case "getString" -> v == null ? null : v.toString();
                        case "getObject" -> v == null ? null : ((Class<?>) args[1]).cast(v);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
    }

    @Test
    void jdbcValuesBecomeTheScriptReadersValues() throws Exception {
        ResultSet r = row(42L, new BigDecimal("12.5000"), 0.1, 3.4028235e38f, true,
                LocalDate.of(2024, 2, 29), LocalTime.of(23, 59, 59, 999_999_900),
                LocalDateTime.of(1753, 1, 1, 0, 0, 0, 3_000_000),
                OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 123_456_700, ZoneOffset.ofHoursMinutes(5, 30)),
                "6F9619FF-8B86-D011-B42D-00C04FC964FF", new byte[]{0, 1, (byte) 0xff}, "/1/2/", null);
        LiveTableQuery.Read[] reads = {LiveTableQuery.Read.LONG, LiveTableQuery.Read.DECIMAL,
                LiveTableQuery.Read.DOUBLE, LiveTableQuery.Read.REAL, LiveTableQuery.Read.BOOLEAN,
                LiveTableQuery.Read.DATE, LiveTableQuery.Read.TIME, LiveTableQuery.Read.DATETIME,
                LiveTableQuery.Read.DATETIMEOFFSET, LiveTableQuery.Read.UUID, LiveTableQuery.Read.BYTES,
                LiveTableQuery.Read.TEXT, LiveTableQuery.Read.LONG};
        Object[] got = new Object[reads.length];
        for (int i = 0; i < reads.length; i++) {
            got[i] = LiveTableQuery.value(r, i + 1, reads[i]);
        }
        assertEquals(42L, got[0]);
        assertEquals(new BigDecimal("12.5000"), got[1]);
        assertEquals(0.1, got[2]);
        assertEquals((double) 3.4028235e38f, got[3], "a real widened exactly, so it converts back to the same float");
        assertEquals(Boolean.TRUE, got[4]);
        assertEquals(LocalDate.of(2024, 2, 29), got[5]);
        assertEquals(LocalTime.of(23, 59, 59, 999_999_900), got[6]);
        assertEquals(LocalDateTime.of(1753, 1, 1, 0, 0, 0, 3_000_000), got[7]);
        assertEquals(ZoneOffset.ofHoursMinutes(5, 30), ((OffsetDateTime) got[8]).getOffset());
        assertEquals(UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff"), got[9]);
        assertArrayEquals(new byte[]{0, 1, (byte) 0xff}, (byte[]) got[10]);
        assertEquals("/1/2/", got[11]);
        assertNull(got[12], "SQL NULL of a primitive column is null, not 0");
    }

    @Test
    void typesMapToTheirReads() {
        assertEquals(LiveTableQuery.Read.REAL, LiveTableQuery.read(DataType.withPrecision("float", 24, 0)));
        assertEquals(LiveTableQuery.Read.DOUBLE, LiveTableQuery.read(DataType.of("float")));
        assertEquals(LiveTableQuery.Read.DECIMAL, LiveTableQuery.read(DataType.of("smallmoney")));
        assertEquals(LiveTableQuery.Read.LONG, LiveTableQuery.read(DataType.of("tinyint")));
        assertEquals(LiveTableQuery.Read.DATETIME, LiveTableQuery.read(DataType.of("smalldatetime")));
        assertEquals(LiveTableQuery.Read.BYTES, LiveTableQuery.read(DataType.of("rowversion")));
        assertEquals(LiveTableQuery.Read.TEXT, LiveTableQuery.read(DataType.of("xml")));
        assertEquals(LiveTableQuery.Read.TEXT, LiveTableQuery.read(DataType.of("hierarchyid")));
        // an alias type's column carries its base type
        assertEquals(LiveTableQuery.Read.TEXT, LiveTableQuery.read(DataType.withLength("nvarchar", 40)
                .withAlias(new ObjectName("dbo", "Name"))));
    }

    @Test
    void theAggregatesRowIsReadInQueryOrder() throws Exception {
        Table t = new Table(new ObjectName("dbo", "T"), List.of(column("N", DataType.of("int")),
                column("S", DataType.withLength("nvarchar", 10)), column("D", DataType.of("date"))),
                Optional.empty(), List.of(), List.of(), List.of(), List.of(), Map.of(), Optional.empty(), "", AT);
        SourceAggregates a = LiveTableQuery.aggregates(t, row(3L, 2L, 1L, 7L, new BigDecimal("8"), 3L, 1L,
                LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1)));
        assertEquals(3, a.rows());
        assertEquals(Arrays.asList(new SourceAggregates.Column("N", 2, Optional.of(1L), Optional.of(7L),
                        Optional.of(new BigDecimal("8"))),
                new SourceAggregates.Column("S", 3, Optional.empty(), Optional.empty(), Optional.empty()),
                new SourceAggregates.Column("D", 1, Optional.of(LocalDate.of(2020, 1, 1)),
                        Optional.of(LocalDate.of(2021, 1, 1)), Optional.empty())), a.columns());
    }
}
