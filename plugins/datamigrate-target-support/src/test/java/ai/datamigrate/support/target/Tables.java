package ai.datamigrate.support.target;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Catalog tables for the tests. */
final class Tables {

    static final SourceLocation AT = new SourceLocation("shop.sql", 3, 1);

    private Tables() {
    }

    static Column column(String name, String type) {
        return column(name, type, Optional.empty());
    }

    static Column identity(String name, long seed, long increment) {
        return column(name, "int", Optional.of(new Identity(seed, increment)));
    }

    private static Column column(String name, String type, Optional<Identity> identity) {
        return new Column(name, DataType.of(type), true, identity, Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), AT);
    }

    static Table table(String schema, String name, Column... columns) {
        return new Table(new ObjectName(schema, name), List.of(columns), Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), Map.of(), Optional.empty(), "create table ...", AT);
    }
}
