package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** One database schema and everything in it, each list in definition order. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Schema(String name, List<Table> tables, List<View> views, List<Procedure> procedures,
                     List<Function> functions, List<Trigger> triggers, List<Sequence> sequences,
                     List<AliasType> aliasTypes, Optional<String> description) {
    public Schema {
        Objects.requireNonNull(name, "name");
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        procedures = List.copyOf(procedures);
        functions = List.copyOf(functions);
        triggers = List.copyOf(triggers);
        sequences = List.copyOf(sequences);
        aliasTypes = List.copyOf(aliasTypes);
        Objects.requireNonNull(description, "description");
    }

    public Stream<CatalogObject> objects() {
        return Stream.of(tables, views, procedures, functions, triggers, sequences, aliasTypes)
                .flatMap(List::stream);
    }

    public Optional<Table> table(String tableName) {
        return tables.stream().filter(t -> t.name().name().equalsIgnoreCase(tableName)).findFirst();
    }
}
