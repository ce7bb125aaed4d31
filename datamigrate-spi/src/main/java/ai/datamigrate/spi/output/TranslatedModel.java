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
 * @param materialization a hint: {@code view}, {@code table}, {@code ephemeral} or {@code incremental} (with
 *                        {@code incremental} set), or {@code macro} (with {@code expression} set) for a scalar
 *                        function that became a reusable expression
 * @param origin          {@code rule} or {@code llm}
 * @param description     what the object does, when known
 * @param meta            extra facts for the model's {@code meta.datamigrate} (for an LLM model: provider, model,
 *                        attempts), sorted by key
 * @param tags            tags agents gave the model, in order
 * @param parameters      the source object's parameters that became run-time values, each named in {@code sql} by
 *                        its placeholder, in order of the declaration
 * @param incremental     for materialization {@code incremental}: how the model merges new rows into held ones
 * @param expression      for materialization {@code macro}: the function's value as one target expression in which
 *                        each parameter's placeholder stands for the caller's argument (an expression of any type
 *                        the SQL casts to the parameter's); {@code sql} is then that expression as a one-row
 *                        {@code SELECT}, so that it runs as any model does (with the parameters' defaults)
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record TranslatedModel(ObjectName object, String kind, String sql, List<ModelReference> references,
                              List<ModelColumn> columns, String materialization, String origin,
                              Optional<String> description, java.util.SortedMap<String, String> meta,
                              List<String> tags, List<ModelParameter> parameters,
                              Optional<ModelIncremental> incremental, Optional<String> expression) {
    public TranslatedModel {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sql, "sql");
        references = List.copyOf(references);
        columns = List.copyOf(columns);
        Objects.requireNonNull(materialization, "materialization");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(description, "description");
        meta = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(meta));
        tags = tags.stream().distinct().toList();
        // absent in a models file written before they existed
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        incremental = incremental == null ? Optional.empty() : incremental;
        if (incremental.isPresent() && !materialization.equalsIgnoreCase("incremental")) {
            throw new IllegalArgumentException("an incremental spec needs materialization 'incremental', not "
                    + materialization);
        }
        // absent in a models file written before it existed
        expression = expression == null ? Optional.empty() : expression;
        if (expression.isPresent() && !materialization.equalsIgnoreCase("macro")) {
            throw new IllegalArgumentException("an expression needs materialization 'macro', not " + materialization);
        }
    }

    /** A model that is not a macro. */
    public TranslatedModel(ObjectName object, String kind, String sql, List<ModelReference> references,
                           List<ModelColumn> columns, String materialization, String origin,
                           Optional<String> description, java.util.SortedMap<String, String> meta,
                           List<String> tags, List<ModelParameter> parameters,
                           Optional<ModelIncremental> incremental) {
        this(object, kind, sql, references, columns, materialization, origin, description, meta, tags, parameters,
                incremental, Optional.empty());
    }

    /** A model without parameters, not incremental. */
    public TranslatedModel(ObjectName object, String kind, String sql, List<ModelReference> references,
                           List<ModelColumn> columns, String materialization, String origin,
                           Optional<String> description, java.util.SortedMap<String, String> meta,
                           List<String> tags) {
        this(object, kind, sql, references, columns, materialization, origin, description, meta, tags, List.of(),
                Optional.empty());
    }

    /** A model with no extra meta and no tags, as rule translation makes them. */
    public TranslatedModel(ObjectName object, String kind, String sql, List<ModelReference> references,
                           List<ModelColumn> columns, String materialization, String origin,
                           Optional<String> description) {
        this(object, kind, sql, references, columns, materialization, origin, description, new java.util.TreeMap<>(),
                List.of());
    }

    /** This model with more meta and tags. */
    public TranslatedModel annotated(java.util.Map<String, String> moreMeta, List<String> moreTags) {
        java.util.SortedMap<String, String> allMeta = new java.util.TreeMap<>(meta);
        allMeta.putAll(moreMeta);
        List<String> allTags = new java.util.ArrayList<>(tags);
        allTags.addAll(moreTags);
        return new TranslatedModel(object, kind, sql, references, columns, materialization, origin, description,
                allMeta, allTags, parameters, incremental, expression);
    }

    /** This model with another description. */
    public TranslatedModel described(Optional<String> newDescription) {
        return new TranslatedModel(object, kind, sql, references, columns, materialization, origin, newDescription,
                meta, tags, parameters, incremental, expression);
    }
}
