package ai.datamigrate.spi.agent;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.llm.TokenUsage;
import ai.datamigrate.spi.output.TranslatedModel;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the run knows about one catalog object. Immutable; agents replace it through
 * {@link MigrationState#update}.
 *
 * @param object         the catalog object
 * @param kind           {@code table}, {@code view}, {@code procedure}, {@code function}, {@code trigger}...
 * @param classification schema analysis's verdict
 * @param effortMinutes  estimated human minutes if nothing converts it
 * @param model          the generated model, when there is one
 * @param status         where it stands
 * @param attempts       LLM generation attempts made
 * @param tokens         LLM tokens spent on it
 * @param costUsd        estimated LLM cost spent on it
 * @param notes          why it needs review, what validation said, what the LLM noted; in order
 * @param meta           key/values added to the generated model's {@code meta}, sorted by key
 * @param tags           tags for the generated model, in order, no duplicates
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record ObjectState(ObjectName object, String kind, Classification classification, int effortMinutes,
                          Optional<TranslatedModel> model, ObjectStatus status, int attempts, TokenUsage tokens,
                          double costUsd, List<String> notes, SortedMap<String, String> meta, List<String> tags) {
    public ObjectState {
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(classification, "classification");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(tokens, "tokens");
        notes = List.copyOf(notes);
        meta = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(meta));
        tags = tags.stream().distinct().toList();
    }

    public static ObjectState pending(ObjectName object, String kind) {
        return new ObjectState(object, kind, Classification.PENDING, 0, Optional.empty(), ObjectStatus.PENDING, 0,
                TokenUsage.NONE, 0, List.of(), new TreeMap<>(), List.of());
    }

    public ObjectState classified(Classification value, int minutes) {
        return new ObjectState(object, kind, value, minutes, model, status, attempts, tokens, costUsd, notes, meta,
                tags);
    }

    public ObjectState withModel(Optional<TranslatedModel> value, ObjectStatus newStatus) {
        return new ObjectState(object, kind, classification, effortMinutes, value, newStatus, attempts, tokens,
                costUsd, notes, meta, tags);
    }

    public ObjectState withStatus(ObjectStatus value) {
        return new ObjectState(object, kind, classification, effortMinutes, model, value, attempts, tokens, costUsd,
                notes, meta, tags);
    }

    public ObjectState withAttempt(TokenUsage used, double cost) {
        return new ObjectState(object, kind, classification, effortMinutes, model, status, attempts + 1,
                tokens.plus(used), costUsd + cost, notes, meta, tags);
    }

    public ObjectState withNote(String note) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.add(note);
        return new ObjectState(object, kind, classification, effortMinutes, model, status, attempts, tokens, costUsd,
                all, meta, tags);
    }

    public ObjectState withMeta(String key, String value) {
        SortedMap<String, String> all = new TreeMap<>(meta);
        all.put(key, value);
        return new ObjectState(object, kind, classification, effortMinutes, model, status, attempts, tokens, costUsd,
                notes, all, tags);
    }

    public ObjectState withTag(String tag) {
        List<String> all = new java.util.ArrayList<>(tags);
        all.add(tag);
        return new ObjectState(object, kind, classification, effortMinutes, model, status, attempts, tokens, costUsd,
                notes, meta, all);
    }

    /** Meta as an immutable map, for callers that do not care about order. */
    public Map<String, String> metaMap() {
        return meta;
    }
}
