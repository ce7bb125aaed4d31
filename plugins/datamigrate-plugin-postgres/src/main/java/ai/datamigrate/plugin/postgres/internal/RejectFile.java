package ai.datamigrate.plugin.postgres.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rows of one table that could not be loaded, like pgloader's reject files: one line per row with where it came
 * from, why it was rejected and the row in COPY text format. Created on the first reject; a file left by an earlier
 * run is removed when the table is loaded again, so the file always describes the last load.
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

    /** @param row the row as text, already in COPY text format (tabs between values) */
    void add(String location, String reason, String row) {
        count++;
        try {
            if (writer == null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                writer.write("# location\treason\trow (PostgreSQL COPY text format)\n");
            }
            StringBuilder line = new StringBuilder();
            CopyText.appendValue(line, location);
            line.append('\t');
            CopyText.appendValue(line, reason);
            line.append('\t').append(row).append('\n');
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
