package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param kind    {@code rowstore}, {@code columnstore}, {@code xml}, {@code spatial}, {@code fulltext}
 * @param filter  the T-SQL text of a filtered index's WHERE condition
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Index(String name, List<IndexColumn> columns, List<String> includedColumns, boolean unique,
                    boolean clustered, String kind, Optional<String> filter, SourceLocation location) {
    public Index {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        includedColumns = List.copyOf(includedColumns);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(location, "location");
    }
}
