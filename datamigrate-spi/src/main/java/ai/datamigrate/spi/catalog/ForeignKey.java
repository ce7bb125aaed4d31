package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@code enforced} is false for constraints added {@code WITH NOCHECK} or disabled with {@code NOCHECK CONSTRAINT}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ForeignKey(Optional<String> name, List<String> columns, ObjectName referencedTable,
                         List<String> referencedColumns, ReferentialAction onDelete, ReferentialAction onUpdate,
                         boolean enforced, SourceLocation location) {
    public ForeignKey {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(referencedTable, "referencedTable");
        referencedColumns = List.copyOf(referencedColumns);
        Objects.requireNonNull(onDelete, "onDelete");
        Objects.requireNonNull(onUpdate, "onUpdate");
        Objects.requireNonNull(location, "location");
    }
}
