package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

@Api(status = Api.Status.STABLE, since = "0.1")
public record Procedure(ObjectName name, List<Parameter> parameters, Optional<String> description,
                        String definition, SourceLocation location) implements CatalogObject {
    public Procedure {
        Objects.requireNonNull(name, "name");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "procedure";
    }
}
