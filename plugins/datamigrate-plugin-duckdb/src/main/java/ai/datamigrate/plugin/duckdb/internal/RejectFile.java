package ai.datamigrate.plugin.duckdb.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of one table that could not be loaded: one line per row with where it came from, why it was rejected and
 * its values, tab-separated, with backslash escapes for tab, newline, carriage return and backslash, and {@code \N}
 * for NULL. Created on the first reject; a file of an earlier run is removed when the table is loaded again.
 */
final class RejectFile implements AutoCloseable {

    private final Path path;
    private BufferedWriter writer;
    private long count;

    RejectFile(Path directory, String schema, String table) {
        this.path = directory.resolve(schema + "." + table + ".rejects.tsv");
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the old reject file " + path, e);
        }
    }

    Path path() {
        return path;
    }

    long count() {
        return count;
    }

    void add(String location, String reason, List<String> values) {
        count++;
        StringBuilder line = new StringBuilder();
        escape(line, location);
        line.append('\t');
        escape(line, reason);
        for (String value : values) {
            line.append('\t');
            escape(line, value);
        }
        line.append('\n');
        try {
            if (writer == null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                writer.write("# location\treason\tvalues...\n");
            }
            writer.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the reject file " + path, e);
        }
    }

    static void escape(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
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
