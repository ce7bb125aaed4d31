package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.support.target.ConversionException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ColumnConverterTest {

    private static final PostgresTargetDialect DIALECT = new PostgresTargetDialect();

    /** The converter for a SQL Server type, through the dialect's mapping, as the loader builds it. */
    private static ColumnConverter forSource(DataType type) {
        return ColumnConverter.forType(DIALECT.mapType(type).targetType());
    }

    private static String convert(DataType type, Object value) {
        return forSource(type).convert(value);
    }

    @Test
    void moneyAndDecimalBecomeNumericTextRoundedToTheScale() {
        assertEquals("12.5", convert(DataType.of("money"), "12.50"));
        assertEquals("12.5", convert(DataType.of("money"), "$12.50"));
        assertEquals("-3", convert(DataType.of("money"), "-$3"));
        assertEquals("1234567.1235", convert(DataType.of("money"), new BigDecimal("1234567.12345")));
        assertEquals("0", convert(DataType.of("money"), "0.0000"));
        assertEquals("3.14", convert(DataType.withPrecision("decimal", 5, 2), 3.14159));
        ConversionException e = assertThrows(ConversionException.class,
                () -> convert(DataType.withPrecision("decimal", 5, 2), "1000"));
        assertTrue(e.getMessage().contains("out of range for numeric(5,2)"), e.getMessage());
        assertThrows(ConversionException.class, () -> convert(DataType.of("money"), "twelve"));
    }

    @Test
    void integersAreCheckedAgainstTheirRange() {
        assertEquals("32767", convert(DataType.of("smallint"), 32767L));
        assertEquals("-32768", convert(DataType.of("smallint"), "-32768"));
        assertThrows(ConversionException.class, () -> convert(DataType.of("smallint"), 32768L));
        assertThrows(ConversionException.class, () -> convert(DataType.of("int"), "1.5"));
        assertEquals("2", convert(DataType.of("int"), "2.0"));
        assertEquals("9223372036854775807", convert(DataType.of("bigint"), Long.MAX_VALUE));
    }

    @Test
    void bitBecomesTrueOrFalse() {
        assertEquals("true", convert(DataType.of("bit"), 1L));
        assertEquals("false", convert(DataType.of("bit"), "0"));
        assertEquals("true", convert(DataType.of("bit"), Boolean.TRUE));
        assertEquals("false", convert(DataType.of("bit"), "FALSE"));
        assertThrows(ConversionException.class, () -> convert(DataType.of("bit"), "yes"));
    }

    @Test
    void binaryBecomesByteaHex() {
        assertEquals("\\x00ff10", convert(DataType.withLength("varbinary", 10), new byte[]{0, (byte) 0xff, 0x10}));
        assertEquals("\\x0123ab", convert(DataType.of("image"), "0x0123AB"));
        assertEquals("\\x0123", convert(DataType.of("image"), "0x123"));
        assertEquals("\\x", convert(DataType.of("image"), "0x"));
        assertThrows(ConversionException.class, () -> convert(DataType.of("image"), "hello"));
    }

    @Test
    void uniqueidentifierBecomesLowerCaseUuid() {
        assertEquals("6f9619ff-8b86-d011-b42d-00c04fc964ff",
                convert(DataType.of("uniqueidentifier"), "6F9619FF-8B86-D011-B42D-00C04FC964FF"));
        assertEquals("6f9619ff-8b86-d011-b42d-00c04fc964ff",
                convert(DataType.of("uniqueidentifier"), "{6F9619FF-8B86-D011-B42D-00C04FC964FF}"));
        UUID uuid = UUID.randomUUID();
        assertEquals(uuid.toString(), convert(DataType.of("uniqueidentifier"), uuid));
        assertThrows(ConversionException.class, () -> convert(DataType.of("uniqueidentifier"), "x"));
    }

    @Test
    void sqlServerDateLiteralsBecomeIsoTimestamps() {
        DataType datetime = DataType.of("datetime");
        assertEquals("1996-07-04 00:00:00", convert(datetime, "1996-07-04 00:00:00.000"));
        assertEquals("1996-07-04 13:05:09.997", convert(datetime, "1996-07-04T13:05:09.997"));
        assertEquals("1996-07-04 00:00:00", convert(datetime, "19960704"));
        assertEquals("1996-07-04 00:00:00", convert(datetime, "July 4 1996"));
        assertEquals("1996-07-04 00:00:00", convert(datetime, "Jul  4 1996 12:00AM"));
        assertEquals("1996-07-04 13:30:00", convert(datetime, "Jul 4, 1996 1:30PM"));
        assertEquals("1996-07-04 00:00:00", convert(datetime, "07/04/1996"));
        assertEquals("1996-07-04 00:00:00", convert(datetime, "4 July 1996"));
        assertEquals("1989-11-11 00:00:00", convert(datetime, "11/11/89"), "pubs writes two digit years");
        assertEquals("2049-06-12 00:00:00", convert(datetime, "06/12/49"), "two digit years up to 49 are 20xx");
        assertEquals("1996-07-04 00:00:00", convert(datetime, "960704"));
        assertEquals("1996-07-04 10:11:12.123", convert(datetime, "1996-07-04 10:11:12:123"));
        assertEquals("1996-07-04 00:00:00", convert(datetime, LocalDate.of(1996, 7, 4)));
        assertEquals("1900-01-01 10:00:00", convert(datetime, "10:00"));
        assertEquals("1996-07-04 00:00:01", convert(DataType.of("smalldatetime"), "1996-07-04 00:00:00.600"),
                "rounded to the column's precision, half up, as PostgreSQL does");
        assertEquals("1996-07-04", convert(DataType.of("date"), "1996-07-04"));
        assertEquals("13:05:09.123457", convert(DataType.of("time"), "13:05:09.1234567"),
                "time(7) becomes time(6), rounded half up");
        ConversionException e = assertThrows(ConversionException.class,
                () -> convert(datetime, "1996-02-30"));
        assertTrue(e.getMessage().contains("1996-02-30"), e.getMessage());
        assertThrows(ConversionException.class, () -> convert(datetime, "not a date"));
    }

    @Test
    void datetimeoffsetIsCanonicalInUtc() {
        DataType type = DataType.of("datetimeoffset");
        assertEquals("1996-07-04 08:00:00+00", convert(type, "1996-07-04 10:00:00 +02:00"));
        assertEquals("1996-07-04 08:00:00+00", convert(type,
                OffsetDateTime.of(LocalDateTime.of(1996, 7, 4, 10, 0), ZoneOffset.ofHours(2))));
    }

    @Test
    void stringsStayAsTheyAreButMustFit() {
        DataType nvarchar = DataType.withLength("nvarchar", 5);
        assertEquals("héllo", convert(nvarchar, "héllo"));
        assertEquals("a\tb\\", convert(nvarchar, "a\tb\\"));
        assertEquals("😀😀😀😀😀", convert(nvarchar, "😀😀😀😀😀"), "length counts characters, not UTF-16 units");
        assertThrows(ConversionException.class, () -> convert(nvarchar, "toolong"));
        assertThrows(ConversionException.class, () -> convert(DataType.withMaxLength("nvarchar"),
                "nul\0"));
        assertEquals("ab", convert(DataType.withLength("nchar", 5), "ab   "), "char compares without trailing blanks");
        assertEquals("42", convert(DataType.withMaxLength("varchar"), 42L));
        assertNull(convert(nvarchar, null));
    }

    @Test
    void floatsUseJavasShortestRoundTripText() {
        assertEquals("0.1", convert(DataType.of("float"), "0.1"));
        assertEquals("1.0E10", convert(DataType.of("float"), 1e10));
        assertEquals("0.1", convert(DataType.of("real"), 0.1d));
    }
}
