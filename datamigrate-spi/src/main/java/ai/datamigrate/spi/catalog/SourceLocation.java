package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where something was read: a file (or another input's name), 1-based line and column.
 * Line 0 means the position is unknown (e.g. an object read from a live server).
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    private static final Comparator<SourceLocation> ORDER = Comparator.comparing(SourceLocation::file)
            .thenComparingInt(SourceLocation::line).thenComparingInt(SourceLocation::column);

    public SourceLocation {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column must be >= 0");
        }
    }

    public static SourceLocation unknown(String input) {
        return new SourceLocation(input, 0, 0);
    }

    @Override
    public int compareTo(SourceLocation other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return line == 0 ? file : file + ":" + line + ":" + column;
    }
}
