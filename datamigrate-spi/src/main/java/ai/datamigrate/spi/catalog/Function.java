package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** @param returnType the scalar return type; empty for table-valued functions */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Function(ObjectName name, FunctionKind functionKind, List<Parameter> parameters,
                       Optional<DataType> returnType, Optional<String> description, String definition,
                       SourceLocation location) implements CatalogObject {
    public Function {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(functionKind, "functionKind");
        parameters = List.copyOf(parameters);
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "function";
    }
}
