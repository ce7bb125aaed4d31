package ai.datamigrate.spi.catalog;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * @param expression the T-SQL condition text, without the outer parentheses
 * @param column     the column it was declared on, for column-level checks
 */
@Api(status = Api.Status.STABLE, since = "0.1")
public record CheckConstraint(Optional<String> name, String expression, Optional<String> column, boolean enforced,
                              SourceLocation location) {
    public CheckConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(location, "location");
    }
}
