package ai.datamigrate.spi.validate;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of checking one query.
 *
 * @param error     empty when the check passed; otherwise the message (the target's own for execution)
 * @param relations for a parse, the relations the query reads, as written (placeholders included), in order of
 *                  first appearance
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record QueryCheck(Optional<String> error, List<String> relations) {
    public QueryCheck {
        Objects.requireNonNull(error, "error");
        relations = List.copyOf(relations);
    }

    public static QueryCheck passed(List<String> relations) {
        return new QueryCheck(Optional.empty(), relations);
    }

    public static QueryCheck failed(String error) {
        return new QueryCheck(Optional.of(error), List.of());
    }

    public boolean ok() {
        return error.isEmpty();
    }
}
