package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * A table column as declared.
 *
 * @param defaultExpression  the T-SQL text of its DEFAULT, without the outer parentheses SQL Server adds
 * @param computedExpression the T-SQL text of {@code AS (expr)} for computed columns
 * @param persisted          whether a computed column is PERSISTED
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record Column(String name, DataType type, boolean nullable, Optional<Identity> identity,
                     Optional<String> defaultExpression, Optional<String> computedExpression, boolean persisted,
                     Optional<String> collation, boolean rowGuid, Optional<String> description,
                     SourceLocation location) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(defaultExpression, "defaultExpression");
        Objects.requireNonNull(computedExpression, "computedExpression");
        Objects.requireNonNull(collation, "collation");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(location, "location");
    }

    public Column withDescription(String text) {
        return new Column(name, type, nullable, identity, defaultExpression, computedExpression, persisted,
                collation, rowGuid, Optional.of(text), location);
    }
}
