package ai.datamigrate.plugin.postgres.internal;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.data.RowConsumer;
import ai.datamigrate.support.target.ColumnPositions;
import ai.datamigrate.support.target.ConversionException;
import ai.datamigrate.support.target.IdentityValues;
import ai.datamigrate.support.target.RejectFile;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.postgresql.copy.CopyIn;

/**
 * Receives one table's rows from the source and streams them into a running {@code COPY}: each value converted with
 * its column's type, rows that do not convert written to the reject file, and the source-side verification
 * aggregates computed on the way. Stops the source once the rejects pass the threshold or the COPY fails.
 */
final class TableCopy implements RowConsumer {

    private static final int FLUSH_AT = 1 << 16;
    private static final int PROGRESS_EVERY = 50_000;

    private final Table table;
    private final List<ColumnConverter> converters;
    private final List<ColumnStats> stats;
    private final CopyIn copy;
    private final RejectFile rejects;
    private final long maxRejects;
    /**
     * What is sent: COPY binary ({@link CopyBinary}) or text, UTF-8 and escaped as it is written; no String per row
     * (this runs for every value loaded).
     */
    private final CopyBinary.Sink out = new CopyBinary.Sink(FLUSH_AT + 4096);
    /** Whether the COPY is in binary format: the header is sent first and the trailer last. */
    private final boolean binary;
    private boolean finished;
    private final String[] converted;
    /** The UTF-8 bytes of each converted value of the current row (binary format: hashed after the row is encoded). */
    private final byte[][] encoded;
    /** Where the values of the current column list go. */
    private ColumnPositions positions;
    private final IdentityValues identities;
    private long rows;
    private SQLException failure;
    private ai.datamigrate.spi.data.SourceAggregates sourceAggregates;

    /** Told the rows sent so far, every {@value #PROGRESS_EVERY} rows. */
    private final java.util.function.LongConsumer progress;

    /** A COPY in text format. */
    TableCopy(Table table, List<ColumnConverter> converters, CopyIn copy, RejectFile rejects, long maxRejects,
              java.util.function.LongConsumer progress) {
        this(table, converters, copy, rejects, maxRejects, progress, false);
    }

    /**
     * @param binary whether {@code copy} runs with {@code FORMAT binary} (every converter must support it:
     *               {@link #binaryPossible})
     */
    TableCopy(Table table, List<ColumnConverter> converters, CopyIn copy, RejectFile rejects, long maxRejects,
              java.util.function.LongConsumer progress, boolean binary) {
        this.binary = binary;
        this.encoded = new byte[converters.size()][];
        if (binary) {
            out.put(CopyBinary.HEADER);
        }
        this.progress = progress;
        this.table = table;
        this.converters = converters;
        this.stats = converters.stream().map(ColumnStats::of).toList();
        this.copy = copy;
        this.rejects = rejects;
        this.maxRejects = maxRejects;
        this.converted = new String[converters.size()];
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
        int[] columns = shape.positions();
        if (values.size() != columns.length) {
            return reject(location, values.size() + " values for " + columns.length + " columns", values);
        }
        if (!shape.coversAll()) {
            Arrays.fill(converted, null); // columns the source does not give are NULL
        }
        for (int i = 0; i < columns.length; i++) {
            int column = columns[i];
            try {
                converted[column] = converters.get(column).convert(values.get(i));
            } catch (ConversionException e) {
                return reject(location, "column " + table.columns().get(column).name() + ": " + e.getMessage(), values);
            }
        }
        trackExplicitIdentities(columns);
        for (int column : shape.generated()) {
            try {
                converted[column] = converters.get(column).convert(identities.next(column));
            } catch (ConversionException e) {
                return reject(location, "column " + table.columns().get(column).name() + " (identity): "
                        + e.getMessage(), values);
            }
        }
        if (binary) {
            int rowStart = out.length;
            out.putShort(converted.length);
            for (int i = 0; i < converted.length; i++) {
                String value = converted[i];
                if (value == null) {
                    out.putInt(-1);
                    encoded[i] = null;
                    continue;
                }
                ColumnConverter converter = converters.get(i);
                // encoded once: for the COPY (text kinds) and for the value hash
                byte[] utf8 = converter.kind() == ColumnConverter.Kind.TEXT
                        || converter.kind() == ColumnConverter.Kind.CHAR ? value.getBytes(StandardCharsets.UTF_8) : null;
                encoded[i] = utf8;
                try {
                    CopyBinary.field(converter, value, utf8, out);
                } catch (ConversionException | IllegalArgumentException | ArithmeticException e) {
                    out.length = rowStart;
                    return reject(location, "column " + table.columns().get(i).name() + ": " + e.getMessage(),
                            values);
                }
            }
            // statistics only for rows that are sent whole
            for (int i = 0; i < converted.length; i++) {
                stats.get(i).add(converted[i], encoded[i]);
            }
        } else {
            for (int i = 0; i < converted.length; i++) {
                if (i > 0) {
                    out.put((byte) '\t');
                }
                String value = converted[i];
                if (value == null) {
                    out.put((byte) '\\');
                    out.put((byte) 'N');
                } else {
                    // encoded once: for the COPY and for the value hash
                    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                    appendEscaped(utf8);
                    stats.get(i).add(value, utf8);
                }
            }
            out.put((byte) '\n');
        }
        rows++;
        if (rows % PROGRESS_EVERY == 0) {
            progress.accept(rows);
        }
        if (out.length >= FLUSH_AT) {
            flush();
        }
        return failure == null;
    }

    /** Explicit values (SET IDENTITY_INSERT ON) move the identity on when they go past it. */
    private void trackExplicitIdentities(int[] columns) {
        if (!identities.any()) {
            return;
        }
        for (int column : columns) {
            if (identities.isIdentity(column) && converted[column] != null) {
                identities.observe(column, new java.math.BigDecimal(converted[column]).longValue());
            }
        }
    }

    @Override
    public void reject(SourceLocation location, String reason, String text) {
        rejects.addRaw(location.toString(), reason, text);
    }

    private boolean reject(SourceLocation location, String reason, List<Object> values) {
        List<String> texts = new ArrayList<>(values.size());
        for (Object value : values) {
            texts.add(value == null ? null : value instanceof byte[] b
                    ? "0x" + HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT) : String.valueOf(value));
        }
        rejects.add(location.toString(), reason, texts);
        return !overThreshold();
    }

    boolean overThreshold() {
        return rejects.count() > maxRejects;
    }

    /** Whether every column can go in COPY's binary format. */
    static boolean binaryPossible(List<ColumnConverter> converters) {
        return converters.stream().allMatch(ColumnConverter::binary);
    }

    /**
     * One non-null value, already UTF-8, in COPY text format ({@link ai.datamigrate.support.target.CopyText}): bytes of multi-byte characters are
     * all 0x80 or more, so only single bytes below 0x20 and the backslash can need an escape.
     */
    private void appendEscaped(byte[] utf8) {
        int n = utf8.length;
        out.ensure(2 * n);
        byte[] bytes = out.bytes;
        int at = out.length;
        for (int i = 0; i < n; i++) {
            byte b = utf8[i];
            if (b >= 0x20 && b != '\\' || b < 0) {
                bytes[at++] = b;
                continue;
            }
            byte escape = switch (b) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case '\b' -> 'b';
                case '\f' -> 'f';
                case 0x0b -> 'v';
                default -> 0;
            };
            if (escape == 0) {
                bytes[at++] = b;
            } else {
                bytes[at++] = '\\';
                bytes[at++] = escape;
            }
        }
        out.length = at;
    }

    private void flush() {
        if (out.length == 0 || failure != null) {
            return;
        }
        try {
            copy.writeToCopy(out.bytes, 0, out.length);
        } catch (SQLException e) {
            failure = e;
        }
        out.length = 0;
    }

    /** Sends what is buffered (and the binary trailer); the COPY failure, if one happened while streaming. */
    Optional<SQLException> finish() {
        if (binary && !finished) {
            out.putShort(-1);
        }
        finished = true;
        flush();
        return Optional.ofNullable(failure);
    }

    long rows() {
        return rows;
    }

    List<ColumnStats> stats() {
        return stats;
    }

    RejectFile rejects() {
        return rejects;
    }

    @Override
    public void sourceAggregates(ai.datamigrate.spi.data.SourceAggregates aggregates) {
        sourceAggregates = aggregates;
    }

    /** What the source computed itself over the rows it sent, when it did. */
    Optional<ai.datamigrate.spi.data.SourceAggregates> sourceAggregates() {
        return Optional.ofNullable(sourceAggregates);
    }
}
