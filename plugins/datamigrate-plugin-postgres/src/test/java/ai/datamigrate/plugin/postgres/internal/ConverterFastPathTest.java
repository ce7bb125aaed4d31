package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.datamigrate.support.target.ConversionException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The loader's fast paths (plain decimal text without BigDecimal, hand-written timestamp text, numeric sums as
 * scaled longs) give exactly what the general paths give, on edge cases and on seeded random values.
 */
class ConverterFastPathTest {

    private static final List<String> TYPES = List.of("smallint", "integer", "bigint", "numeric(5,2)", "numeric(19,4)",
            "numeric(2,2)", "numeric(38,10)", "numeric(10,0)");

    /** The general path: the same converter, given the text as a BigDecimal when it is one. */
    private static String general(ColumnConverter converter, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return outcome(converter, text);
        }
        return outcome(converter, value);
    }

    private static String outcome(ColumnConverter converter, Object value) {
        try {
            return converter.convert(value);
        } catch (ConversionException e) {
            return "rejected";
        }
    }

    @Test
    void plainDecimalTextConvertsAsItsBigDecimalDoes() {
        List<String> texts = new ArrayList<>(List.of("0", "-0", "-0.00", "007", "10", "10.50", ".5", "5.", "-.25",
                "999.99", "999.995", "1000", "-1000", "0.001", "32767", "32768", "-32768", "-32769", "2147483647",
                "2147483648", "-2147483648", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                "123456789012345678", "-123456789012345678", "1.0", "1.10", "100", "0.99", "1.5", "99999999999"));
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "-" : "");
            int intDigits = random.nextInt(12);
            for (int d = 0; d < intDigits; d++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                s.append('.');
                int frac = random.nextInt(6);
                for (int d = 0; d < frac; d++) {
                    s.append((char) ('0' + (random.nextInt(3) == 0 ? 0 : random.nextInt(10))));
                }
            }
            texts.add(s.toString());
        }
        for (String type : TYPES) {
            ColumnConverter converter = ColumnConverter.forType(type);
            for (String text : texts) {
                if (text.isEmpty() || text.equals("-") || text.equals(".") || text.equals("-.")) {
                    continue;
                }
                assertEquals(general(converter, text), outcome(converter, text), type + " '" + text + "'");
            }
        }
    }

    @Test
    void handWrittenTimestampTextIsTheFormattersText() {
        DateTimeFormatter time = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss").optionalStart()
                .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).toFormatter(Locale.ROOT);
        DateTimeFormatter dateTime = new DateTimeFormatterBuilder().append(DateTimeFormatter.ISO_LOCAL_DATE)
                .appendLiteral(' ').append(time).toFormatter(Locale.ROOT);
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int nanos = switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            LocalDateTime t = LocalDateTime.of(1 + random.nextInt(9999), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos);
            assertEquals(dateTime.format(t), ColumnConverter.formatDateTime(t));
            LocalTime lt = t.toLocalTime();
            assertEquals(time.format(lt), ColumnConverter.formatTime(lt));
        }
    }

    @Test
    void timestampTextAlreadyCanonicalIsKeptAsTheGeneralPathWouldMakeIt() {
        Random random = new Random(11);
        List<String> texts = new ArrayList<>(List.of("2024-02-29 10:00:00", "2023-02-29 10:00:00", "2024-13-01 00:00:00",
                "2024-12-31 24:00:00", "2024-12-31 23:59:60", "0001-01-01 00:00:00", "9999-12-31 23:59:59.997",
                "2024-01-01 10:00:00.1230", "2024-01-01 10:00:00.1234", "2024-01-01 10:00:00.", "2024-01-01 10:00:00.000",
                "2024-01-01 1x:00:00", "20x4-01-01 10:00:00", "2024-04-31 10:00:00", "0000-01-01 00:00:00"));
        for (int i = 0; i < 20_000; i++) {
            texts.add(String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d%s", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(26), random.nextInt(62), random.nextInt(62),
                    switch (random.nextInt(4)) {
                        case 0 -> "";
                        case 1 -> "." + random.nextInt(10);
                        case 2 -> String.format(Locale.ROOT, ".%03d", random.nextInt(1000));
                        default -> String.format(Locale.ROOT, ".%07d", random.nextInt(10_000_000));
                    }));
        }
        for (String type : List.of("timestamp(3)", "timestamp(6)", "timestamp(0)")) {
            ColumnConverter converter = ColumnConverter.forType(type);
            for (String text : texts) {
                // the general path reads the ISO 'T' form the same way; the shortcut takes only the ' ' form
                assertEquals(outcome(converter, text.replace(' ', 'T')), outcome(converter, text), type + " " + text);
            }
        }
    }

    @Test
    void numericAggregatesAsScaledLongsEqualThoseAsBigDecimals() {
        Random random = new Random(3);
        ColumnStats scaled = new ColumnStats(ColumnConverter.Kind.NUMERIC, 4);
        ColumnStats exact = new ColumnStats(ColumnConverter.Kind.NUMERIC, -1);
        ColumnConverter converter = ColumnConverter.forType("numeric(38,4)");
        for (int i = 0; i < 20_000; i++) {
            // mostly small values, some too long for a long: the scaled path must hand over to BigDecimal
            BigDecimal value = i % 1000 == 999 ? new BigDecimal("12345678901234567890.1234")
                    : BigDecimal.valueOf(random.nextLong() % 100_000_000_000L, random.nextInt(5));
            String canonical = converter.convert(random.nextBoolean() ? value : value.negate());
            scaled.add(canonical);
            exact.add(canonical);
        }
        assertEquals(exact.aggregates(20_000), scaled.aggregates(20_000));
        assertEquals(List.of(), exact.differences(scaled));
    }
}
