package ai.datamigrate.spi.source;

import ai.datamigrate.spi.Api;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked to read.
 *
 * @param location  as the user wrote it: a path, or a URL for live sources
 * @param path      the file or folder when the input is one; the host has checked that it exists and is readable
 * @param variables values for script variables ({@code --var name=value}, e.g. SQLCMD {@code $(name)})
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record SourceInput(String location, Optional<Path> path, Map<String, String> variables) {

    public SourceInput {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(path, "path");
        variables = Map.copyOf(variables);
    }

    public static SourceInput of(Path path) {
        return new SourceInput(path.toString(), Optional.of(path), Map.of());
    }
}
