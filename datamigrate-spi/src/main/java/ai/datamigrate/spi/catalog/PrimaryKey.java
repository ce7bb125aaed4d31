package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

@Api(status = Api.Status.STABLE, since = "0.1")
public record PrimaryKey(Optional<String> name, List<String> columns, boolean clustered, SourceLocation location) {
    public PrimaryKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(location, "location");
    }
}
