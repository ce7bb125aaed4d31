package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.Objects;
import java.util.Optional;

/**
 * One model of a project checked on the target.
 *
 * @param model    the model's name in the project
 * @param object   the source object it came from
 * @param kind     the source object's kind
 * @param location where the source object is defined, {@code file:line:col} relative to the input
 * @param file     the model's file in the project
 * @param origin   {@code rule} or {@code llm}
 * @param error    the target's message when it failed; empty when the model ran
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ValidationResult(String model, ObjectName object, String kind, String location, String file,
                               String origin, Optional<String> error) {
    public ValidationResult {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(error, "error");
    }

    public boolean ok() {
        return error.isEmpty();
    }
}
