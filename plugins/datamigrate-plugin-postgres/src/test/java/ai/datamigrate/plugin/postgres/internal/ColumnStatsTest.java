package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnStatsTest {

    private static ColumnStats stats(ColumnConverter.Kind kind, String... values) {
        ColumnStats stats = new ColumnStats(kind);
        for (String value : values) {
            stats.add(value);
        }
        return stats;
    }

    @Test
    void theColumnHashDoesNotDependOnRowOrder() {
        assertEquals(stats(ColumnConverter.Kind.TEXT, "a", "b", "c", null).hash(),
                stats(ColumnConverter.Kind.TEXT, null, "c", "a", "b").hash());
    }

    @Test
    void theColumnHashSeesChangedDuplicatedAndSwappedValues() {
        long hash = stats(ColumnConverter.Kind.TEXT, "a", "b").hash();
        assertNotEquals(hash, stats(ColumnConverter.Kind.TEXT, "a", "c").hash());
        assertNotEquals(hash, stats(ColumnConverter.Kind.TEXT, "a", "a").hash());
        assertNotEquals(hash, stats(ColumnConverter.Kind.TEXT, "ab").hash());
        assertNotEquals(PgHash.of("1"), PgHash.of("2"));
        assertNotEquals(stats(ColumnConverter.Kind.TEXT, "").hash(), 0L, "the empty string counts, unlike NULL");
    }

    @Test
    void theHashIsPostgresHashtextextended() {
        // values from PostgreSQL 15: select hashtextextended(s collate "C", 0); the SQL side of verification
        assertEquals(-6939563903564495251L, PgHash.of(""));
        assertEquals(3591986179850072241L, PgHash.of("a"));
        assertEquals(-2866487628948787489L, PgHash.of("hello world!"));
        assertEquals(-8382056185395640245L, PgHash.of("0123456789abcdefghij"));
        assertEquals(-7442157225297664933L, PgHash.of("é 日本 😀 tab"));
        assertEquals(-4366235370638188170L, PgHash.of("1996-07-04 00:00:00"));
        assertEquals(9178741878164402762L, PgHash.of("-12345678901234567890.0123456789"));
    }

    @Test
    void floatsAreHashedByTheirBitsAsPostgresSendsThem() {
        // encode(float8send(0.1::float8), 'hex') and encode(float4send(-0.0::float4), 'hex')
        assertEquals("3fb999999999999a", ColumnStats.hashText(ColumnConverter.Kind.DOUBLE, "0.1"));
        assertEquals("80000000", ColumnStats.hashText(ColumnConverter.Kind.REAL, "-0.0"));
    }

    @Test
    void integerSumsSurviveOverflowingALong() {
        ColumnStats stats = stats(ColumnConverter.Kind.INTEGER, Long.toString(Long.MAX_VALUE), "1", "1",
                Long.toString(Long.MIN_VALUE));
        assertEquals(Optional.of(new BigDecimal("1")), stats.sum());
        assertEquals(Optional.of(Long.toString(Long.MIN_VALUE)), stats.min());
    }

    @Test
    void numericAggregatesCompareByValue() {
        ColumnStats stats = stats(ColumnConverter.Kind.NUMERIC, "9.5", "10", "-2", null);
        assertEquals(3, stats.count());
        assertEquals(Optional.of("-2"), stats.min());
        assertEquals(Optional.of("10"), stats.max());
        assertEquals(Optional.of(new BigDecimal("17.5")), stats.sum());
    }

    @Test
    void differencesNameWhatDiffers() {
        ColumnStats source = stats(ColumnConverter.Kind.INTEGER, "1", "2", "3");
        ColumnStats target = new ColumnStats(ColumnConverter.Kind.INTEGER);
        target.setAggregates(3, "1", "4", new BigDecimal("7"));
        for (String value : List.of("1", "2", "4")) {
            target.addHashOnly(value);
        }
        List<String> differences = source.differences(target);
        assertEquals(3, differences.size(), differences.toString());
        assertEquals("max 3 (source) vs 4 (target)", differences.get(0));
        assertEquals("sum 6 (source) vs 7 (target)", differences.get(1));
        assertTrue(differences.get(2).startsWith("value hash "), differences.get(2));
    }
}
