package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import java.util.Objects;

/** One column's aggregates on the source and on the target side; {@link #matches()} when they agree. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public record ColumnVerification(String column, ColumnAggregates source, ColumnAggregates target) {
    public ColumnVerification {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
    }

    public boolean matches() {
        return source.equals(target);
    }
}
