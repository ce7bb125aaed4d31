package ai.datamigrate.support.target;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SqlServerValuesTest {

    @Test
    void moneyLiteralsKeepTheirValueWithoutCurrencySignAndGrouping() {
        assertEquals(new BigDecimal("12.50"), SqlServerValues.decimal("$12.50", "numeric(19,4)"));
        assertEquals(new BigDecimal("-3"), SqlServerValues.decimal(" -$3 ", "numeric(19,4)"));
        assertEquals(new BigDecimal("1234.5"), SqlServerValues.decimal("1,234.5", "numeric(19,4)"));
        assertEquals(BigDecimal.valueOf(42), SqlServerValues.decimal(42L, "bigint"));
        assertEquals(new BigDecimal("12345678901234567890"),
                SqlServerValues.decimal(new BigInteger("12345678901234567890"), "numeric(38,0)"));
        assertEquals(BigDecimal.ONE, SqlServerValues.decimal(true, "integer"));
        assertThrows(NumberFormatException.class, () -> SqlServerValues.decimal("twelve", "integer"));
        ConversionException e = assertThrows(ConversionException.class,
                () -> SqlServerValues.decimal(Double.NaN, "double"));
        assertEquals("NaN is not a finite number (double)", e.getMessage());
    }

    @Test
    void binaryLiteralsArePaddedOnTheLeftAsSqlServerDoes() {
        assertArrayEquals(new byte[] {0x01, 0x23}, SqlServerValues.bytes("0x123"));
        assertArrayEquals(new byte[] {(byte) 0xAB}, SqlServerValues.bytes("0XaB"));
        assertEquals("'abc' is not a binary literal (0x...)",
                assertThrows(ConversionException.class, () -> SqlServerValues.bytes("abc")).getMessage());
    }

    @Test
    void uniqueidentifiersMayHaveBraces() {
        UUID id = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        assertEquals(id, SqlServerValues.uuid("{6F9619FF-8B86-D011-B42D-00C04FC964FF}"));
        assertEquals(id, SqlServerValues.uuid(id));
        assertThrows(ConversionException.class, () -> SqlServerValues.uuid("6F9619FF"));
    }

    @Test
    void aTimeAloneIsOnTheFirstOfJanuary1900() {
        assertEquals(LocalDateTime.of(1900, 1, 1, 13, 30), SqlServerValues.dateTime(LocalTime.of(13, 30)));
        assertEquals(LocalDateTime.of(1996, 7, 4, 0, 0), SqlServerValues.dateTime(LocalDate.of(1996, 7, 4)));
        assertEquals(LocalDateTime.of(1996, 7, 4, 12, 0), SqlServerValues.dateTime(
                OffsetDateTime.of(1996, 7, 4, 12, 0, 0, 0, ZoneOffset.ofHours(2))));
        assertEquals(LocalDateTime.of(1996, 7, 4, 0, 0), SqlServerValues.dateTime("Jul  4 1996 12:00AM"));
    }

    @Test
    void valuesAsTextAndInMessages() {
        assertEquals("0x0AFF", SqlServerValues.text(new byte[] {0x0a, (byte) 0xff}));
        assertEquals("1000", SqlServerValues.text(new BigDecimal("1E+3")));
        assertEquals("'x'", SqlServerValues.describe("x"));
        assertEquals("12", SqlServerValues.describe(12));
        assertEquals("a".repeat(57) + "...", SqlServerValues.abbreviate("a".repeat(61)));
        assertEquals("cannot convert 'x' to integer: bad", ConversionException.cannotConvert("x", "integer",
                new IllegalArgumentException("bad")).getMessage());
    }
}
