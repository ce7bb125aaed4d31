package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/** A user-defined alias type ({@code sp_addtype} or {@code CREATE TYPE x FROM base}). */
@Api(status = Api.Status.STABLE, since = "0.1")
public record AliasType(ObjectName name, DataType baseType, boolean nullable, Optional<String> description,
                        String definition, SourceLocation location) implements CatalogObject {
    public AliasType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseType, "baseType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "type";
    }
}
