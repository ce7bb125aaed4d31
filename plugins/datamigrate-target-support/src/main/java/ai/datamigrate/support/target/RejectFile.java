package ai.datamigrate.support.target;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of one table that could not be loaded, like pgloader's reject files: one line per row with where it came
 * from, why it was rejected and the row's values, tab-separated and escaped in the target's {@link Format}. Created
 * on the first reject; a file left by an earlier run is removed when the table is loaded again, so the file always
 * describes the last load.
 */
public final class RejectFile implements AutoCloseable {

    /** How values are escaped, and what the header line says about it. */
    public enum Format {
        /** PostgreSQL's {@code COPY} text format ({@link CopyText}): the row can be fed back to {@code COPY}. */
        COPY_TEXT("row (PostgreSQL COPY text format)"),
        /** Backslash escapes for tab, newline, carriage return and backslash only, {@code \N} for NULL. */
        TSV("values...");

        private final String header;

        Format(String header) {
            this.header = header;
        }

        void append(StringBuilder out, String value) {
            if (this == COPY_TEXT) {
                CopyText.appendValue(out, value);
            } else {
                CopyText.appendTsvValue(out, value);
            }
        }
    }

    private final Path path;
    private final Format format;
    private BufferedWriter writer;
    private long count;

    public RejectFile(Path directory, String schema, String table, Format format) {
        this.path = directory.resolve(schema + "." + table + ".rejects.tsv");
        this.format = format;
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the old reject file " + path, e);
        }
    }

    public Path path() {
        return path;
    }

    public long count() {
        return count;
    }

    /** @param values the row's values as text, {@code null} for NULL; escaped here */
    public void add(String location, String reason, List<String> values) {
        StringBuilder row = new StringBuilder();
        if (format == Format.COPY_TEXT) {
            // one COPY row, even of no values
            row.append('\t').append(CopyText.row(values));
        } else {
            for (String value : values) {
                row.append('\t');
                format.append(row, value);
            }
        }
        write(location, reason, row);
    }

    /** @param row the row as the source gave it, written as it is (in {@link Format#COPY_TEXT} it is one row) */
    public void addRaw(String location, String reason, String row) {
        write(location, reason, new StringBuilder().append('\t').append(row));
    }

    private void write(String location, String reason, CharSequence row) {
        count++;
        StringBuilder line = new StringBuilder();
        format.append(line, location);
        line.append('\t');
        format.append(line, reason);
        line.append(row).append('\n');
        try {
            if (writer == null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                writer.write("# location\treason\t" + format.header + "\n");
            }
            writer.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the reject file " + path, e);
        }
    }

    @Override
    public void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the reject file " + path, e);
            }
        }
    }
}
