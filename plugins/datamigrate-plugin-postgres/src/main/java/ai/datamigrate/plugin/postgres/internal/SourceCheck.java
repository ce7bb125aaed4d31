package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.SourceAggregates;
import ai.datamigrate.support.target.ConversionException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares the aggregates a source computed itself (a live server's COUNT, MIN, MAX and SUM) with the rows it
 * streamed, which {@link TableVerifier} then compares with the target: together, source server = streamed = target.
 * Values are converted with the column's converter, so both sides compare as canonical texts.
 */
final class SourceCheck {

    private SourceCheck() {
    }

    /**
     * @param rejected rows the loader rejected: the server counted them, the stream did not load them, so only the
     *                 row count is compared when there are any
     * @return one phrase per difference, naming the column
     */
    static List<String> differences(SourceAggregates source, Table table, List<ColumnConverter> converters,
                                    long streamed, long rejected, List<ColumnStats> stats) {
        String origin = source.origin();
        List<String> out = new ArrayList<>();
        if (source.rows() != streamed + rejected) {
            out.add("row count " + source.rows() + " (" + origin + ") vs " + (streamed + rejected) + " (streamed"
                    + (rejected > 0 ? ", " + rejected + " rejected" : "") + ")");
        }
        if (rejected > 0) {
            return out;
        }
        for (SourceAggregates.Column column : source.columns()) {
            int index = indexOf(table, column.name());
            if (index < 0) {
                out.add("column " + column.name() + ": not in the table");
                continue;
            }
            ColumnConverter converter = converters.get(index);
            ColumnStats streamedColumn = stats.get(index);
            String name = "column " + table.columns().get(index).name() + ": ";
            if (column.nonNull() != streamedColumn.count()) {
                out.add(name + "non-null count " + column.nonNull() + " (" + origin + ") vs " + streamedColumn.count()
                        + " (streamed)");
            }
            if (converter.kind().ordered()) {
                compare(out, name + "min", origin, column.min(), streamedColumn.min(), converter);
                compare(out, name + "max", origin, column.max(), streamedColumn.max(), converter);
            }
            if (converter.kind().summed() && column.sum().isPresent()) {
                BigDecimal server = new BigDecimal(String.valueOf(column.sum().get()));
                BigDecimal sum = streamedColumn.sum().orElse(BigDecimal.ZERO);
                if (server.compareTo(sum) != 0) {
                    out.add(name + "sum " + plain(server) + " (" + origin + ") vs " + plain(sum) + " (streamed)");
                }
            }
        }
        return out;
    }

    private static void compare(List<String> out, String what, String origin, Optional<Object> server,
                                Optional<String> streamed, ColumnConverter converter) {
        if (server.isEmpty()) {
            return;
        }
        String canonical;
        try {
            canonical = converter.convert(server.get());
        } catch (ConversionException e) {
            canonical = String.valueOf(server.get());
        }
        if (!Objects.equals(canonical, streamed.orElse(null))) {
            out.add(what + " " + canonical + " (" + origin + ") vs " + streamed.orElse(null) + " (streamed)");
        }
    }

    private static int indexOf(Table table, String name) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
