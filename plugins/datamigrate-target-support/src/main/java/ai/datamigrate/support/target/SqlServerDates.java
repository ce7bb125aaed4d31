package ai.datamigrate.support.target;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date and time literals SQL Server accepts (with the default {@code us_english} language, i.e. month-day-year):
 * ISO {@code 1996-07-04 00:00:00.000} and {@code 1996-07-04T00:00:00}, unseparated {@code 19960704} / {@code 960704},
 * {@code 07/04/1996} / {@code 07/04/96} (two digit years with SQL Server's default cutoff, 2049),
 * month names {@code July 4 1996} / {@code Jul  4 1996 12:00AM} / {@code 4 July 1996}, and a trailing offset for
 * {@code datetimeoffset}. A literal without a date means 1900-01-01, as in SQL Server.
 */
public final class SqlServerDates {

    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.:](\\d{1,9}))?)?\\s*([AaPp][Mm])?"
            + "|(\\d{1,2})\\s*([AaPp][Mm])";
    private static final String OFFSET = "(Z|[+-]\\d{2}:?\\d{2})";
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:(?:T|\\s+)(?:" + TIME + "))?\\s*"
            + OFFSET + "?");
    private static final Pattern UNSEPARATED = Pattern.compile("(\\d{4}|\\d{2})(\\d{2})(\\d{2})(?:\\s+(?:" + TIME + "))?\\s*"
            + OFFSET + "?");
    private static final Pattern SLASHED = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?:\\s+(?:" + TIME
            + "))?\\s*" + OFFSET + "?");
    private static final Pattern MONTH_FIRST = Pattern.compile("([A-Za-z]+)\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})(?:\\s+(?:"
            + TIME + "))?\\s*" + OFFSET + "?");
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})\\s+([A-Za-z]+)\\.?,?\\s+(\\d{4})(?:\\s+(?:"
            + TIME + "))?\\s*" + OFFSET + "?");
    private static final Pattern TIME_ONLY = Pattern.compile("(?:" + TIME + ")\\s*" + OFFSET + "?");
    private static final Map<String, Integer> MONTHS = new HashMap<>();

    static {
        for (java.time.Month month : java.time.Month.values()) {
            MONTHS.put(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), month.getValue());
            MONTHS.put(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), month.getValue());
        }
        MONTHS.put("sept", 9);
    }

    /** A parsed literal: the local date and time, and the offset when the literal has one. */
    public record Parsed(LocalDateTime dateTime, Optional<ZoneOffset> offset) {
        public OffsetDateTime withOffset() {
            return dateTime.atOffset(offset.orElse(ZoneOffset.UTC));
        }
    }

    private SqlServerDates() {
    }

    /** @throws IllegalArgumentException with a short reason when {@code text} is no date/time literal */
    public static Parsed parse(String text) {
        String s = text.strip();
        Parsed iso = fastIso(s);
        if (iso != null) {
            return iso;
        }
        Matcher m;
        if ((m = ISO.matcher(s)).matches()) {
            return build(date(m.group(1), m.group(2), m.group(3), text), m, 4, text);
        }
        if ((m = UNSEPARATED.matcher(s)).matches()) {
            return build(date(m.group(1), m.group(2), m.group(3), text), m, 4, text);
        }
        if ((m = SLASHED.matcher(s)).matches()) {
            return build(date(m.group(3), m.group(1), m.group(2), text), m, 4, text);
        }
        if ((m = MONTH_FIRST.matcher(s)).matches()) {
            return build(date(m.group(3), month(m.group(1), text), m.group(2), text), m, 4, text);
        }
        if ((m = DAY_FIRST.matcher(s)).matches()) {
            return build(date(m.group(3), month(m.group(2), text), m.group(1), text), m, 4, text);
        }
        if ((m = TIME_ONLY.matcher(s)).matches()) {
            return build(LocalDate.of(1900, 1, 1), m, 1, text);
        }
        throw new IllegalArgumentException("not a SQL Server date/time literal: '" + text + "'");
    }

    /**
     * {@code yyyy-MM-dd[( |T)HH:mm:ss[.f...]]} without regular expressions: the form of nearly every date in a
     * script, parsed for every row; anything else returns null and goes through the patterns.
     */
    private static Parsed fastIso(String s) {
        int n = s.length();
        if (n != 10 && (n < 19 || n > 29)) {
            return null;
        }
        if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-' || !digits(s, 8, 10)) {
            return null;
        }
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        if (n > 10) {
            char t = s.charAt(10);
            if ((t != ' ' && t != 'T') || !digits(s, 11, 13) || s.charAt(13) != ':' || !digits(s, 14, 16)
                    || s.charAt(16) != ':' || !digits(s, 17, 19)) {
                return null;
            }
            hour = number(s, 11, 13);
            minute = number(s, 14, 16);
            second = number(s, 17, 19);
            if (n > 19) {
                if (s.charAt(19) != '.' || n == 20 || !digits(s, 20, n)) {
                    return null;
                }
                nanos = number(s, 20, n);
                for (int i = n - 20; i < 9; i++) {
                    nanos *= 10;
                }
            }
        }
        try {
            return new Parsed(LocalDateTime.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10), hour, minute,
                    second, nanos), Optional.empty());
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("invalid date '" + s + "': " + e.getMessage(), e);
        }
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    private static Parsed build(LocalDate date, Matcher m, int first, String text) {
        LocalTime time = LocalTime.MIDNIGHT;
        if (m.group(first) != null) {
            time = time(Integer.parseInt(m.group(first)), Integer.parseInt(m.group(first + 1)),
                    m.group(first + 2), m.group(first + 3), m.group(first + 4), text);
        } else if (m.group(first + 5) != null) {
            time = time(Integer.parseInt(m.group(first + 5)), 0, null, null, m.group(first + 6), text);
        }
        String offset = m.group(first + 7);
        return new Parsed(date.atTime(time), Optional.ofNullable(offset).map(SqlServerDates::offset));
    }

    private static LocalTime time(int hour, int minute, String seconds, String fraction, String amPm, String text) {
        if (amPm != null) {
            if (hour < 1 || hour > 12) {
                throw new IllegalArgumentException("hour out of range in '" + text + "'");
            }
            boolean pm = amPm.equalsIgnoreCase("pm");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        int nanos = 0;
        if (fraction != null) {
            nanos = Integer.parseInt((fraction + "000000000").substring(0, 9));
        }
        try {
            return LocalTime.of(hour, minute, seconds == null ? 0 : Integer.parseInt(seconds), nanos);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("invalid time in '" + text + "': " + e.getMessage(), e);
        }
    }

    private static LocalDate date(String year, String month, String day, String text) {
        return date(year, Integer.parseInt(month), day, text);
    }

    private static LocalDate date(String year, int month, String day, String text) {
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            // SQL Server's default two digit year cutoff (2049): 49 is 2049, 50 is 1950
            y += y <= 49 ? 2000 : 1900;
        }
        try {
            return LocalDate.of(y, month, Integer.parseInt(day));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("invalid date '" + text + "': " + e.getMessage(), e);
        }
    }

    private static int month(String name, String text) {
        Integer month = MONTHS.get(name.toLowerCase(Locale.ROOT));
        if (month == null) {
            throw new IllegalArgumentException("unknown month '" + name + "' in '" + text + "'");
        }
        return month;
    }

    private static ZoneOffset offset(String text) {
        if (text.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = text.replace(":", "");
        return ZoneOffset.ofHoursMinutes(Integer.parseInt(digits.substring(0, 3)),
                (digits.charAt(0) == '-' ? -1 : 1) * Integer.parseInt(digits.substring(3)));
    }
}
