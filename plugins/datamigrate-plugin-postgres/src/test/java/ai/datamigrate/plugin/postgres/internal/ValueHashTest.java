package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ValueHashTest {

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
        assertNotEquals(ValueHash.of("1"), ValueHash.of("2"));
        assertNotEquals(ValueHash.of(""), 0L, "the empty string counts, unlike NULL");
    }

    @Test
    void theHashIsStable() {
        // written into reports; a changed function would make old reports incomparable
        assertEquals(ValueHash.of("Chai"), ValueHash.of(new String("Chai")));
        assertEquals(16, ValueHash.hex(ValueHash.of("Chai")).length());
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
