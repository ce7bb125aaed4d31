package ai.datamigrate.spi.output;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The target-dialect SQL a view, function or set-based procedure was translated into, ready for an output target
 * to place (a dbt model in {@code marts/} or {@code intermediate/}).
 *
 * @param object          the source object
 * @param kind            its kind ({@code view}, {@code function}, {@code procedure})
 * @param sql             one SELECT in the target dialect; relations it reads appear as the placeholders of
 *                        {@code references}
 * @param references      every relation the SQL reads, in order of first appearance
 * @param columns         the output columns, in order
 * @param materialization a hint: {@code view}, {@code table} or {@code ephemeral}
 * @param origin          {@code rule} or {@code llm}
 * @param description     what the object does, when known
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record TranslatedModel(ObjectName object, String kind, String sql, List<ModelReference> references,
                              List<ModelColumn> columns, String materialization, String origin,
                              Optional<String> description) {
    public TranslatedModel {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sql, "sql");
        references = List.copyOf(references);
        columns = List.copyOf(columns);
        Objects.requireNonNull(materialization, "materialization");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(description, "description");
    }
}
