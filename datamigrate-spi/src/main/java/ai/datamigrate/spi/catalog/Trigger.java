package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * @param table  the table or view a DML trigger is on; empty for DDL triggers
 * @param timing {@code AFTER}, {@code INSTEAD OF} or {@code FOR}
 * @param events {@code INSERT}, {@code UPDATE}, {@code DELETE} or DDL event names
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Trigger(ObjectName name, Optional<ObjectName> table, String timing, List<String> events,
                      Optional<String> description, String definition, SourceLocation location)
        implements CatalogObject {
    public Trigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(timing, "timing");
        events = List.copyOf(events);
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(location, "location");
    }

    @Override
    public String kind() {
        return "trigger";
    }
}
