package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The catalog: everything read from one source database. Immutable; plugins that change it build a new one.
 *
 * @param name         the database name (from the script's {@code CREATE DATABASE}/{@code USE}, or the input's name)
 * @param dependencies what the code of views, routines and triggers reads, writes and calls, in source order
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Database(String name, List<Schema> schemas, Optional<String> description,
                       List<Dependency> dependencies) {

    public Database {
        Objects.requireNonNull(name, "name");
        schemas = List.copyOf(schemas);
        Objects.requireNonNull(description, "description");
        dependencies = List.copyOf(dependencies);
    }

    /** A catalog whose dependencies are not known (yet). */
    public Database(String name, List<Schema> schemas, Optional<String> description) {
        this(name, schemas, description, List.of());
    }

    /** The dependencies of one object's code. */
    public List<Dependency> dependenciesOf(ObjectName object) {
        return dependencies.stream().filter(d -> d.from().matches(object)).toList();
    }

    public Stream<Table> tables() {
        return schemas.stream().flatMap(s -> s.tables().stream());
    }

    public Stream<CatalogObject> objects() {
        return schemas.stream().flatMap(Schema::objects);
    }

    public Optional<Schema> schema(String schemaName) {
        return schemas.stream().filter(s -> s.name().equalsIgnoreCase(schemaName)).findFirst();
    }

    public Optional<Table> table(ObjectName tableName) {
        return schema(tableName.schema()).flatMap(s -> s.table(tableName.name()));
    }
}
