package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.datamigrate.support.target.ConversionException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The binary COPY encoding of canonical texts, decoded back as PostgreSQL's receive functions read it. */
class CopyBinaryTest {

    private static ByteBuffer encode(String type, String canonical) {
        CopyBinary.Sink sink = new CopyBinary.Sink(16);
        CopyBinary.field(ColumnConverter.forType(type), canonical, canonical.getBytes(StandardCharsets.UTF_8), sink);
        ByteBuffer buffer = ByteBuffer.wrap(sink.bytes, 0, sink.length);
        assertEquals(sink.length - 4, buffer.getInt(), "the length prefix counts the value's bytes");
        return buffer;
    }

    /** numeric_recv's reading: digits, weight, sign, display scale, then base-10000 digits. */
    private static BigDecimal numeric(ByteBuffer b) {
        int digits = b.getShort();
        int weight = b.getShort();
        int sign = b.getShort() & 0xffff;
        int scale = b.getShort();
        BigInteger unscaled = BigInteger.ZERO;
        for (int i = 0; i < digits; i++) {
            int digit = b.getShort();
            assertEquals(true, digit >= 0 && digit < 10_000, "a base-10000 digit");
            unscaled = unscaled.multiply(BigInteger.valueOf(10_000)).add(BigInteger.valueOf(digit));
        }
        BigDecimal value = new BigDecimal(unscaled, 4 * (digits - 1 - weight));
        if (sign == 0x4000) {
            value = value.negate();
        } else {
            assertEquals(0, sign);
        }
        return value.setScale(scale);
    }

    @Test
    void numericDigitsWeightSignAndScale() {
        ByteBuffer zero = encode("numeric(10,2)", "0");
        assertEquals(List.of(0, 0, 0, 0), List.of((int) zero.getShort(), (int) zero.getShort(), (int) zero.getShort(),
                (int) zero.getShort()));
        ByteBuffer b = encode("numeric(10,2)", "-12.5");
        assertEquals(2, b.getShort());
        assertEquals(0, b.getShort(), "weight of the first digit, 12");
        assertEquals(0x4000, b.getShort() & 0xffff, "negative");
        assertEquals(1, b.getShort(), "display scale: the fraction digits of the text");
        assertEquals(12, b.getShort());
        assertEquals(5000, b.getShort(), "fraction digits are grouped from the point: .5 is .5000");
        ByteBuffer small = encode("numeric(10,5)", "0.00001");
        assertEquals(1, small.getShort());
        assertEquals(-2, small.getShort(), "leading zero groups move the weight");
        small.getShort();
        assertEquals(5, small.getShort());
        assertEquals(1000, small.getShort());
        ByteBuffer big = encode("numeric(20,0)", "10000");
        assertEquals(1, big.getShort(), "trailing zero groups are dropped");
        assertEquals(1, big.getShort());
    }

    @Test
    void numericTextsDecodeToTheirValue() {
        Random random = new Random(7);
        List<String> texts = new java.util.ArrayList<>(List.of("1", "-1", "9999", "10000", "0.0001", "123456789.0123",
                "-0.5", "99999999999999999999999999.999999999999", "1000002.11", "0.1"));
        for (int i = 0; i < 5000; i++) {
            BigDecimal d = new BigDecimal(new BigInteger(1 + random.nextInt(120), random), random.nextInt(30));
            d = random.nextBoolean() ? d.negate() : d;
            texts.add(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        }
        for (String text : texts) {
            assertEquals(new BigDecimal(text), numeric(encode("numeric", text)), text);
        }
        assertThrows(ConversionException.class, () -> encode("numeric", "1e5"));
    }

    @Test
    void integersTakeTheirColumnsWidth() {
        assertEquals(-32768, encode("smallint", "-32768").getShort());
        assertEquals(2147483647, encode("integer", "2147483647").getInt());
        assertEquals(Long.MIN_VALUE, encode("bigint", "-9223372036854775808").getLong());
    }

    @Test
    void datesAndTimestampsCountFromPostgresEpoch() {
        LocalDateTime epoch = LocalDateTime.of(2000, 1, 1, 0, 0);
        assertEquals(0, encode("date", "2000-01-01").getInt());
        assertEquals(-1, encode("date", "1999-12-31").getInt());
        assertEquals(LocalDate.of(1, 1, 1).toEpochDay() - 10_957, encode("date", "0001-01-01").getInt());
        assertEquals(LocalDate.of(9999, 12, 31).toEpochDay() - 10_957, encode("date", "9999-12-31").getInt());
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            LocalDate day = LocalDate.ofEpochDay(random.nextInt(3_652_059) - 719_162);
            assertEquals(day.toEpochDay(), CopyBinary.epochDay(day.getYear(), day.getMonthValue(),
                    day.getDayOfMonth()), day.toString());
        }
        for (String text : List.of("2011-02-02 01:01:07.001", "1753-01-01 00:00:00", "9999-12-31 23:59:59.997",
                "1996-07-04 12:30:00.5", "2024-02-29 00:00:00.123457")) {
            LocalDateTime t = LocalDateTime.parse(text.replace(' ', 'T'));
            assertEquals(ChronoUnit.MICROS.between(epoch, t), encode("timestamp(6)", text).getLong(), text);
            assertEquals(ChronoUnit.MICROS.between(epoch, t), encode("timestamptz", text + "+00").getLong(), text);
        }
        assertEquals(((23 * 60 + 59) * 60 + 59) * 1_000_000L + 999_999, encode("time(6)", "23:59:59.999999")
                .getLong());
        assertEquals(0, encode("time(0)", "00:00:00").getLong());
        assertThrows(ConversionException.class, () -> encode("time(6)", "12:00:00.1234567"));
    }

    @Test
    void otherKinds() {
        assertEquals(1, encode("boolean", "true").get());
        assertEquals(0, encode("boolean", "false").get());
        assertEquals(Float.floatToRawIntBits(3.4028235e38f), encode("real", "3.4028235E38").getInt());
        assertEquals(Double.doubleToRawLongBits(-1.5e300), encode("double precision", "-1.5E300").getLong());
        UUID uuid = UUID.fromString("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        ByteBuffer u = encode("uuid", uuid.toString());
        assertEquals(uuid.getMostSignificantBits(), u.getLong());
        assertEquals(uuid.getLeastSignificantBits(), u.getLong());
        ByteBuffer bytes = encode("bytea", "\\x00ff10");
        assertArrayEquals(new byte[]{0, (byte) 0xff, 0x10}, new byte[]{bytes.get(), bytes.get(), bytes.get()});
        ByteBuffer text = encode("varchar(10)", "é\t");
        assertEquals(3, text.remaining(), "text is its UTF-8 bytes, unescaped");
    }

    @Test
    void xmlAndUnknownTextTypesStayInTextFormat() {
        assertEquals(true, ColumnConverter.forType("varchar(40)").binary());
        assertEquals(true, ColumnConverter.forType("text").binary());
        assertEquals(true, ColumnConverter.forType("timestamptz").binary());
        assertEquals(false, ColumnConverter.forType("xml").binary());
        assertEquals(false, TableCopy.binaryPossible(List.of(ColumnConverter.forType("integer"),
                ColumnConverter.forType("xml"))));
    }
}
