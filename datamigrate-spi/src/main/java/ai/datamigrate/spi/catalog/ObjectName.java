package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Comparator;
import java.util.Objects;

/** A schema-qualified name exactly as the source spells it (case and spaces kept), e.g. {@code dbo}.{@code Order Details}. */
@Api(status = Api.Status.STABLE, since = "0.1")
public record ObjectName(String schema, String name) implements Comparable<ObjectName> {

    private static final Comparator<ObjectName> ORDER = Comparator
            .comparing((ObjectName n) -> n.schema().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(n -> n.name().toLowerCase(java.util.Locale.ROOT))
            .thenComparing(ObjectName::schema).thenComparing(ObjectName::name);

    public ObjectName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** SQL Server compares names case-insensitively under the default collations. */
    public boolean matches(ObjectName other) {
        return schema.equalsIgnoreCase(other.schema) && name.equalsIgnoreCase(other.name);
    }

    @Override
    public int compareTo(ObjectName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
