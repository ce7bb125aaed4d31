package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/** A routine parameter; {@code name} keeps its {@code @}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Parameter(String name, DataType type, Optional<String> defaultExpression, boolean output,
                        boolean readOnly) {
    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultExpression, "defaultExpression");
    }
}
