package ai.datamigrate.spi.load;

import ai.datamigrate.spi.Api;
import java.util.Objects;
import java.util.Optional;

/**
 * The aggregates of one column on one side of a load, as verification compares them. Values are canonical texts
 * (numbers without trailing zeros, ISO dates), so both sides compare as strings.
 *
 * @param nonNull non-null values
 * @param nulls   NULLs
 * @param min     smallest value, for types whose order does not depend on a collation
 * @param max     largest value, likewise
 * @param sum     exact sum, for integer and decimal columns
 * @param hash    order-independent hash of the values, 16 hex digits
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.2")
public record ColumnAggregates(long nonNull, long nulls, Optional<String> min, Optional<String> max,
                               Optional<String> sum, String hash) {
    public ColumnAggregates {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(sum, "sum");
        Objects.requireNonNull(hash, "hash");
    }
}
