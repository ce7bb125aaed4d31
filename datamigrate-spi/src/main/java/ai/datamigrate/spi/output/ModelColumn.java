package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/** A column of a translated model, with its target type when the translator knows it. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ModelColumn(String name, Optional<String> dataType, Optional<String> description) {
    public ModelColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(description, "description");
    }
}
