package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** @param columnNames the explicit column list of {@code CREATE VIEW v (a, b)}, empty when absent */
@Api(status = Api.Status.STABLE, since = "0.1")
public record View(ObjectName name, List<String> columnNames, boolean schemaBound, Optional<String> description,
                   String definition, SourceLocation location) implements CatalogObject {
    public View {
        Objects.requireNonNull(name, "name");
        columnNames = List.copyOf(columnNames);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "view";
    }
}
