package ai.datamigrate.plugin.duckdb.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnStatsTest {

    @Test
    void namesEveryDifference() {
        ColumnStats source = new ColumnStats(DuckDbColumn.Kind.DECIMAL);
        source.add(new BigDecimal("1.50"));
        source.add(new BigDecimal("2.25"));
        source.add(null);
        ColumnStats target = new ColumnStats(DuckDbColumn.Kind.DECIMAL);
        target.set(2, new BigDecimal("1.5"), new BigDecimal("2.24"), new BigDecimal("3.74"));
        assertEquals(List.of("max 2.25 (source) vs 2.24 (target)", "sum 3.75 (source) vs 3.74 (target)"),
                source.differences(target));
    }

    @Test
    void equalValuesInAnotherScaleOrOffsetMatch() {
        ColumnStats source = new ColumnStats(DuckDbColumn.Kind.TIMESTAMPTZ);
        source.add(OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2)));
        ColumnStats target = new ColumnStats(DuckDbColumn.Kind.TIMESTAMPTZ);
        OffsetDateTime utc = OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        target.set(1, utc, utc, null);
        assertEquals(List.of(), source.differences(target));
    }

    @Test
    void stringsAreCountedOnly() {
        ColumnStats source = new ColumnStats(DuckDbColumn.Kind.VARCHAR);
        source.add("a");
        ColumnStats target = new ColumnStats(DuckDbColumn.Kind.VARCHAR);
        target.set(0, null, null, null);
        assertEquals(List.of("non-null count 1 (source) vs 0 (target)"), source.differences(target));
    }
}
