package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What DataMigrate reads: a file or folder (a script, a folder of scripts, an SSDT project), or a database named by
 * a JDBC URL such as {@code jdbc:sqlserver://host:1433;databaseName=Shop}. A URL is kept as typed — a
 * {@link Path} would fold its {@code //} — and goes to the source reader that accepts it; credentials never travel in
 * it (the live reader refuses a URL that carries one and takes them from the environment).
 *
 * @param location the URL or the path as text, as the source readers see it
 * @param path     the file or folder, for a file input; empty for a URL
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record Input(String location, Optional<Path> path) {

    private static final String JDBC = "jdbc:";

    public Input {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        if (location.isBlank()) {
            throw new IllegalArgumentException("an input location must not be blank");
        }
    }

    /** A script, folder or project on disk. */
    public static Input of(Path path) {
        return new Input(path.toString(), Optional.of(path));
    }

    /**
     * What a user typed: a JDBC URL when it starts with {@code jdbc:} (any case), else a path. A file whose name
     * starts with {@code jdbc:} is still reachable as {@code ./jdbc:...}.
     */
    public static Input parse(String text) {
        Objects.requireNonNull(text, "text");
        if (isUrl(text)) {
            return new Input(text, Optional.empty());
        }
        return of(Path.of(text));
    }

    private static boolean isUrl(String text) {
        return text.length() > JDBC.length() && text.substring(0, JDBC.length()).toLowerCase(Locale.ROOT).equals(JDBC);
    }

    /** Whether this input is a database URL rather than a file or folder. */
    public boolean isUrl() {
        return path.isEmpty();
    }

    /**
     * The name reports show: the file or folder name of a path, the whole location of a URL (callers mask it with
     * the settings' secrets before it is written anywhere).
     */
    public String displayName() {
        return path.map(p -> {
            Path name = p.toAbsolutePath().normalize().getFileName();
            return name == null ? p.toString() : name.toString();
        }).orElse(location);
    }

    @Override
    public String toString() {
        return location;
    }
}
