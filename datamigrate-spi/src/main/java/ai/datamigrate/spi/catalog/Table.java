package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table with its columns and constraints.
 *
 * @param properties storage facts kept as metadata only: filegroup, partition scheme, temporal period,
 *                   history table, memory-optimized ... (key to T-SQL text)
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Table(ObjectName name, List<Column> columns, Optional<PrimaryKey> primaryKey,
                    List<UniqueConstraint> uniqueConstraints, List<ForeignKey> foreignKeys,
                    List<CheckConstraint> checkConstraints, List<Index> indexes, Map<String, String> properties,
                    Optional<String> description, String definition, SourceLocation location)
        implements CatalogObject {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        Objects.requireNonNull(primaryKey, "primaryKey");
        uniqueConstraints = List.copyOf(uniqueConstraints);
        foreignKeys = List.copyOf(foreignKeys);
        checkConstraints = List.copyOf(checkConstraints);
        indexes = List.copyOf(indexes);
        properties = Map.copyOf(properties);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(location, "location");
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }

    @Override
    public String kind() {
        return "table";
    }
}
