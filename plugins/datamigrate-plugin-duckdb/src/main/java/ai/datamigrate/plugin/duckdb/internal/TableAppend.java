package ai.datamigrate.plugin.duckdb.internal;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.support.target.ColumnPositions;
import ai.datamigrate.support.target.ConversionException;
import ai.datamigrate.support.target.IdentityValues;
import ai.datamigrate.support.target.RejectFile;
import ai.datamigrate.support.target.SqlServerValues;
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
    private final IdentityValues identities;
    /** Where the values of the current column list go. */
    private ColumnPositions positions;
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
        this.identities = new IdentityValues(table);
        columns(table.columns().stream().map(Column::name).toList());
    }

    @Override
    public void columns(List<String> columnNames) {
        positions = ColumnPositions.of(table, columnNames);
    }

    @Override
    public boolean row(List<Object> values, SourceLocation location) {
        if (failure != null || overThreshold()) {
            return false;
        }
        if (positions.problem().isPresent()) {
            return reject(location, positions.problem().get(), values);
        }
        ColumnPositions.Shape shape = positions.shape(values.size());
        int[] targets = shape.positions();
        if (values.size() != targets.length) {
            return reject(location, values.size() + " values for " + targets.length + " columns", values);
        }
        Arrays.fill(converted, null);
        for (int i = 0; i < targets.length; i++) {
            int column = targets[i];
            try {
                converted[column] = columns.get(column).convert(values.get(i));
            } catch (ConversionException e) {
                return reject(location, "column " + table.columns().get(column).name() + ": " + e.getMessage(), values);
            }
        }
        trackExplicitIdentities(targets);
        for (int column : shape.generated()) {
            try {
                converted[column] = columns.get(column).convert(identities.next(column));
            } catch (ConversionException e) {
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

    /** Explicit values (SET IDENTITY_INSERT ON) move the identity on when they go past it. */
    private void trackExplicitIdentities(int[] targets) {
        if (!identities.any()) {
            return;
        }
        for (int column : targets) {
            if (identities.isIdentity(column) && converted[column] instanceof Number n) {
                identities.observe(column, n.longValue());
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
            texts.add(value == null ? null : SqlServerValues.text(value));
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
