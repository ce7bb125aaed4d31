package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import java.util.Objects;

/**
 * A file an output target wants written. The host writes all files of a run atomically.
 *
 * @param path relative path with {@code /} separators; never absolute, never {@code ..}
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record GeneratedFile(String path, String content) {
    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.equals("..")
                || path.startsWith("../") || path.contains("/../") || path.endsWith("/..")) {
            throw new IllegalArgumentException("generated file path must be relative and inside the output: "
                    + path);
        }
    }
}
