package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * One use of an object by the code of another: a view reading a table, a procedure writing one, a function
 * call. Found by the source reader in the parsed bodies and resolved with the source's name rules.
 *
 * @param from     the object whose code makes the reference
 * @param to       the object referred to, as resolved (schema filled in); as written when unresolved
 * @param toKind   the kind of {@code to} ({@code table}, {@code view}, {@code function}, ...), or
 *                 {@code unresolved} when no object of that name exists in the catalog
 * @param access   what the code does with it
 * @param location where the reference is written
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record Dependency(ObjectName from, ObjectName to, String toKind, Access access, SourceLocation location) {

    @Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
    public enum Access {
        READ, WRITE, CALL
    }

    public Dependency {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(toKind, "toKind");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(location, "location");
    }

    public boolean resolved() {
        return !"unresolved".equals(toKind);
    }

    public Optional<ObjectName> resolvedTarget() {
        return resolved() ? Optional.of(to) : Optional.empty();
    }
}
