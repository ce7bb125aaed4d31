package ai.datamigrate.support.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlServerDatesTest {

    private static LocalDateTime parse(String text) {
        return SqlServerDates.parse(text).dateTime();
    }

    @Test
    void theFormatsOfUsEnglish() {
        LocalDateTime july4 = LocalDateTime.of(1996, 7, 4, 0, 0);
        for (String text : new String[] {"1996-07-04", "1996-07-04 00:00:00.000", "1996-07-04T00:00:00", "19960704",
                "960704", "07/04/1996", "07/04/96", "July 4 1996", "Jul  4 1996 12:00AM", "4 July 1996",
                "07.04.1996"}) {
            assertEquals(july4, parse(text), text);
        }
        assertEquals(LocalDateTime.of(1996, 9, 4, 0, 0), parse("Sept 4 1996"));
    }

    @Test
    void timesWithFractionsAndAmPm() {
        assertEquals(LocalDateTime.of(2020, 1, 2, 13, 4, 5, 123_456_700), parse("2020-01-02 13:04:05.1234567"));
        assertEquals(LocalDateTime.of(2020, 1, 2, 13, 0), parse("2020-01-02 1PM"));
        assertEquals(LocalDateTime.of(2020, 1, 2, 0, 30), parse("01/02/2020 12:30 am"));
        assertEquals(LocalDateTime.of(1900, 1, 1, 8, 15), parse("08:15"), "no date: 1900-01-01");
    }

    @Test
    void twoDigitYearsUseTheCutoff2049() {
        assertEquals(2049, parse("490101").getYear());
        assertEquals(1950, parse("500101").getYear());
    }

    @Test
    void offsetsAreKept() {
        SqlServerDates.Parsed parsed = SqlServerDates.parse("2020-01-02 03:04:05 +05:30");
        assertEquals(Optional.of(ZoneOffset.ofHoursMinutes(5, 30)), parsed.offset());
        assertEquals(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                parsed.withOffset());
        assertEquals(ZoneOffset.UTC, SqlServerDates.parse("2020-01-02").withOffset().getOffset(),
                "without an offset: UTC");
    }

    @Test
    void invalidDatesSayWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> parse("1996-02-30")).getMessage()
                .startsWith("invalid date '1996-02-30'"));
        assertEquals("unknown month 'Juli' in 'Juli 4 1996'",
                assertThrows(IllegalArgumentException.class, () -> parse("Juli 4 1996")).getMessage());
        assertEquals("not a SQL Server date/time literal: 'soon'",
                assertThrows(IllegalArgumentException.class, () -> parse("soon")).getMessage());
    }
}
