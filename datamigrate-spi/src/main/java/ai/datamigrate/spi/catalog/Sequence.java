package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

@Api(status = Api.Status.STABLE, since = "0.1")
public record Sequence(ObjectName name, DataType type, OptionalLong start, OptionalLong increment,
                       OptionalLong minValue, OptionalLong maxValue, boolean cycle, Optional<String> description,
                       String definition, SourceLocation location) implements CatalogObject {
    public Sequence {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(minValue, "minValue");
        Objects.requireNonNull(maxValue, "maxValue");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "sequence";
    }
}
