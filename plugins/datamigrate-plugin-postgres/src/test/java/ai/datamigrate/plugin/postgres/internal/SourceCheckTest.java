package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.SourceAggregates;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A source server's own aggregates against the rows it streamed: equal, then each kind of difference named. */
class SourceCheckTest {

    private static final SourceLocation AT = new SourceLocation("live", 1, 1);
    private static final Table TABLE = new Table(new ObjectName("dbo", "T"), List.of(
            new Column("Price", DataType.of("money"), true, Optional.empty(), Optional.empty(), Optional.empty(), false,
                    Optional.empty(), false, Optional.empty(), AT),
            new Column("At", DataType.of("datetime"), true, Optional.empty(), Optional.empty(), Optional.empty(),
                    false, Optional.empty(), false, Optional.empty(), AT)),
            Optional.empty(), List.of(), List.of(), List.of(), List.of(), Map.of(), Optional.empty(), "", AT);
    private static final List<ColumnConverter> CONVERTERS = List.of(ColumnConverter.forType("numeric(19,4)"),
            ColumnConverter.forType("timestamp(3)"));

    private static List<ColumnStats> streamed() {
        ColumnStats price = ColumnStats.of(CONVERTERS.get(0));
        ColumnStats at = ColumnStats.of(CONVERTERS.get(1));
        price.add(CONVERTERS.get(0).convert(new BigDecimal("12.5000")));
        price.add(CONVERTERS.get(0).convert(new BigDecimal("0.2500")));
        at.add(CONVERTERS.get(1).convert(LocalDateTime.of(1996, 7, 4, 0, 0)));
        return List.of(price, at);
    }

    private static SourceAggregates server(long rows, long prices, String max, String sum, LocalDateTime latest) {
        return new SourceAggregates("SQL Server", rows, List.of(
                new SourceAggregates.Column("price", prices, Optional.of(new BigDecimal("0.2500")),
                        Optional.of(new BigDecimal(max)), Optional.of(new BigDecimal(sum))),
                new SourceAggregates.Column("At", 1, Optional.of(LocalDateTime.of(1996, 7, 4, 0, 0)),
                        Optional.of(latest), Optional.empty())));
    }

    @Test
    void agreeingAggregatesHaveNoDifference() {
        assertEquals(List.of(), SourceCheck.differences(server(2, 2, "12.5000", "12.7500",
                LocalDateTime.of(1996, 7, 4, 0, 0)), TABLE, CONVERTERS, 2, 0, streamed()));
    }

    @Test
    void eachDifferenceNamesTheColumnAndBothSides() {
        assertEquals(List.of("row count 3 (SQL Server) vs 2 (streamed)",
                        "column Price: non-null count 3 (SQL Server) vs 2 (streamed)",
                        "column Price: max 13 (SQL Server) vs 12.5 (streamed)",
                        "column Price: sum 13.25 (SQL Server) vs 12.75 (streamed)",
                        "column At: max 1996-07-05 00:00:00 (SQL Server) vs 1996-07-04 00:00:00 (streamed)"),
                SourceCheck.differences(server(3, 3, "13", "13.25", LocalDateTime.of(1996, 7, 5, 0, 0)), TABLE,
                        CONVERTERS, 2, 0, streamed()));
        // rows the loader rejected were counted by the server: with rejects only the row count can compare
        assertEquals(List.of(), SourceCheck.differences(server(3, 3, "13", "13.25",
                LocalDateTime.of(1996, 7, 5, 0, 0)), TABLE, CONVERTERS, 2, 1, streamed()));
        assertEquals(List.of("row count 4 (SQL Server) vs 3 (streamed, 1 rejected)"), SourceCheck.differences(
                server(4, 3, "13", "13.25", LocalDateTime.of(1996, 7, 5, 0, 0)), TABLE, CONVERTERS, 2, 1,
                streamed()));
    }
}
