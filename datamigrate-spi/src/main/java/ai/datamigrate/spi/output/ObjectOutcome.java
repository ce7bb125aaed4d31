package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an output target made of one source object. The host combines it with the diagnostics to decide the
 * object's status in the migration report.
 *
 * @param object the source object
 * @param kind   its kind ({@code table}, {@code view}, ...)
 * @param model  the name of what it became (a dbt model, snapshot, seed...), empty when nothing was generated
 * @param files  the generated files that hold it (relative paths), empty when nothing was generated
 * @param origin how it was produced: {@code rule} or {@code llm}; empty when nothing was generated
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ObjectOutcome(ObjectName object, String kind, Optional<String> model, List<String> files,
                            Optional<String> origin) {
    public ObjectOutcome {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        files = List.copyOf(files);
        Objects.requireNonNull(origin, "origin");
    }

    public static ObjectOutcome generated(ObjectName object, String kind, String model, List<String> files) {
        return new ObjectOutcome(object, kind, Optional.of(model), files, Optional.of("rule"));
    }

    public static ObjectOutcome notGenerated(ObjectName object, String kind) {
        return new ObjectOutcome(object, kind, Optional.empty(), List.of(), Optional.empty());
    }
}
