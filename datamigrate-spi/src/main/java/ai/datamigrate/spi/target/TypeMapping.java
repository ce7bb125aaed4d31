package ai.datamigrate.spi.target;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * The target type chosen for a source type.
 *
 * @param targetType the type as the target writes it, e.g. {@code numeric(19,4)}
 * @param exact      false when values may lose range, precision or meaning; then {@code note} says how
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record TypeMapping(String targetType, boolean exact, Optional<String> note) {
    public TypeMapping {
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(note, "note");
    }

    public static TypeMapping exact(String targetType) {
        return new TypeMapping(targetType, true, Optional.empty());
    }

    public static TypeMapping lossy(String targetType, String note) {
        return new TypeMapping(targetType, false, Optional.of(note));
    }
}
