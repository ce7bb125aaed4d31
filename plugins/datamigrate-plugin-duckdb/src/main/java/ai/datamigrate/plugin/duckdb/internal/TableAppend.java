package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.support.target.RejectFile;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBAppender;

/**
 * Receives one table's rows from the source and appends them with DuckDB's appender (columnar batches, no SQL per
 * row): each value converted with its column's type, rows that do not convert written to the reject file, and the
 * source-side verification aggregates computed on the way. Identity columns the source leaves out get SQL Server's
 * values (the seed, then the last value plus the increment). Stops the source once the rejects pass the threshold or
 * the appender fails.
 */
final class TableAppend implements RowConsumer {

    private final Table table;
    private final List<DuckDbColumn> columns;
    private final List<ColumnStats> stats;
    private final DuckDBAppender appender;
    private final RejectFile rejects;
    private final long maxRejects;
    private final Object[] converted;
    private final Long[] lastIdentity;
    private final boolean hasIdentity;
    private int[] positions;
    /** Identity columns the current column list leaves out: their values are generated, as SQL Server does. */
    private int[] generated;
    /**
     * The column list without its identity columns, when it has any: an INSERT without a column list gives no values
     * for them (SQL Server generates them), while the source may announce all the table's columns.
     */
    private int[] positionsWithoutIdentity;
    private int[] generatedWithoutIdentity;
    private String columnProblem;
    private long rows;
    private SQLException failure;

    TableAppend(Table table, List<DuckDbColumn> columns, DuckDBAppender appender, RejectFile rejects,
                long maxRejects) {
        this.table = table;
        this.columns = columns;
        this.stats = columns.stream().map(c -> new ColumnStats(c.kind())).toList();
        this.appender = appender;
        this.rejects = rejects;
        this.maxRejects = maxRejects;
        this.converted = new Object[columns.size()];
        this.lastIdentity = new Long[columns.size()];
        this.hasIdentity = table.columns().stream().anyMatch(c -> c.identity().isPresent());
        columns(table.columns().stream().map(Column::name).toList());
    }

    @Override
    public void columns(List<String> columnNames) {
        int[] mapped = new int[columnNames.size()];
        columnProblem = null;
        for (int i = 0; i < mapped.length; i++) {
            mapped[i] = indexOf(columnNames.get(i));
            if (mapped[i] < 0) {
                columnProblem = "table " + table.name() + " has no column " + columnNames.get(i);
            }
        }
        positions = mapped;
        generated = omittedIdentities(mapped);
        int[] withoutIdentity = Arrays.stream(mapped)
                .filter(c -> c < 0 || table.columns().get(c).identity().isEmpty()).toArray();
        positionsWithoutIdentity = withoutIdentity.length == mapped.length ? null : withoutIdentity;
        generatedWithoutIdentity = positionsWithoutIdentity == null ? null : omittedIdentities(withoutIdentity);
    }

    private int[] omittedIdentities(int[] mapped) {
        List<Integer> omitted = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            int column = i;
            if (table.columns().get(i).identity().isPresent() && Arrays.stream(mapped).noneMatch(m -> m == column)) {
                omitted.add(i);
            }
        }
        return omitted.stream().mapToInt(Integer::intValue).toArray();
    }

    private int indexOf(String name) {
        List<Column> all = table.columns();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean row(List<Object> values, SourceLocation location) {
        if (failure != null || overThreshold()) {
            return false;
        }
        if (columnProblem != null) {
            return reject(location, columnProblem, values);
        }
        int[] targets = positions;
        int[] generate = generated;
        if (values.size() != targets.length && positionsWithoutIdentity != null
                && values.size() == positionsWithoutIdentity.length) {
            targets = positionsWithoutIdentity;
            generate = generatedWithoutIdentity;
        }
        if (values.size() != targets.length) {
            return reject(location, values.size() + " values for " + targets.length + " columns", values);
        }
        Arrays.fill(converted, null);
        for (int i = 0; i < targets.length; i++) {
            int column = targets[i];
            try {
                converted[column] = columns.get(column).convert(values.get(i));
            } catch (DuckDbColumn.ConversionException e) {
                return reject(location, "column " + table.columns().get(column).name() + ": " + e.getMessage(), values);
            }
        }
        trackExplicitIdentities(targets);
        for (int column : generate) {
            try {
                converted[column] = columns.get(column).convert(nextIdentity(column));
            } catch (DuckDbColumn.ConversionException e) {
                return reject(location, "column " + table.columns().get(column).name() + " (identity): "
                        + e.getMessage(), values);
            }
        }
        try {
            appender.beginRow();
            for (int i = 0; i < converted.length; i++) {
                columns.get(i).append(appender, converted[i]);
            }
            appender.endRow();
        } catch (SQLException e) {
            failure = e;
            return false;
        }
        for (int i = 0; i < converted.length; i++) {
            stats.get(i).add(converted[i]);
        }
        rows++;
        return true;
    }

    /** SQL Server's rule: the seed first, then the last value (explicit ones included) plus the increment. */
    private long nextIdentity(int column) {
        Identity identity = table.columns().get(column).identity().orElseThrow();
        long next = lastIdentity[column] == null ? identity.seed() : lastIdentity[column] + identity.increment();
        lastIdentity[column] = next;
        return next;
    }

    /** Explicit values (SET IDENTITY_INSERT ON) move the identity on when they go past it. */
    private void trackExplicitIdentities(int[] targets) {
        if (!hasIdentity) {
            return;
        }
        for (int column : targets) {
            Optional<Identity> identity = table.columns().get(column).identity();
            if (identity.isPresent() && converted[column] instanceof Number n) {
                long value = n.longValue();
                Long last = lastIdentity[column];
                boolean ascending = identity.get().increment() >= 0;
                if (last == null || (ascending ? value > last : value < last)) {
                    lastIdentity[column] = value;
                }
            }
        }
    }

    @Override
    public void reject(SourceLocation location, String reason, String text) {
        rejects.add(location.toString(), reason, List.of(text));
    }

    private boolean reject(SourceLocation location, String reason, List<Object> values) {
        List<String> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            texts.add(value == null ? null : DuckDbColumn.text(value));
        }
        rejects.add(location.toString(), reason, texts);
        return !overThreshold();
    }

    boolean overThreshold() {
        return rejects.count() > maxRejects;
    }

    /** The appender's failure, if one happened while streaming. */
    Optional<SQLException> failure() {
        return Optional.ofNullable(failure);
    }

    long rows() {
        return rows;
    }

    List<ColumnStats> stats() {
        return stats;
    }
}
