package ai.datamigrate.core.internal.agent;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;

/**
 * An LLM's answer, parsed strictly: exactly one JSON object (optionally inside one Markdown code fence, which models
 * add), with a non-empty {@code sql} string, {@code materialization} {@code view} or {@code table}, an optional
 * {@code notes} string and nothing else.
 */
record LlmAnswer(String sql, String materialization, Optional<String> notes) {

    /** Strict JSON: duplicate keys and trailing tokens are errors. Shared by every parser of LLM answers. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final Set<String> FIELDS = Set.of("sql", "materialization", "notes");

    /** Parses the answer; the exception's message says what is wrong, for the retry prompt. */
    static LlmAnswer parse(String text) {
        String body = text.strip();
        if (body.startsWith("```")) {
            int firstLine = body.indexOf('\n');
            if (firstLine < 0 || !body.endsWith("```") || body.length() < firstLine + 4) {
                throw new IllegalArgumentException("the answer opens a code fence it does not close");
            }
            String info = body.substring(3, firstLine).strip();
            if (!info.isEmpty() && !info.equals("json")) {
                throw new IllegalArgumentException("the answer's code fence is '" + info + "', not json");
            }
            body = body.substring(firstLine + 1, body.length() - 3).strip();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer is not one JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("the answer is not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("the answer has an unexpected field '" + name + "'");
            }
        }
        JsonNode sql = node.get("sql");
        if (sql == null || !sql.isTextual() || sql.asText().isBlank()) {
            throw new IllegalArgumentException("the answer's 'sql' must be a non-empty string");
        }
        JsonNode materialization = node.get("materialization");
        if (materialization == null || !materialization.isTextual()
                || !Set.of("view", "table").contains(materialization.asText())) {
            throw new IllegalArgumentException("the answer's 'materialization' must be \"view\" or \"table\"");
        }
        JsonNode notes = node.get("notes");
        if (notes != null && !notes.isTextual()) {
            throw new IllegalArgumentException("the answer's 'notes' must be a string");
        }
        String statement = sql.asText().strip();
        while (statement.endsWith(";")) {
            statement = statement.substring(0, statement.length() - 1).stripTrailing();
        }
        return new LlmAnswer(statement, materialization.asText(),
                notes == null || notes.asText().isBlank() ? Optional.empty() : Optional.of(notes.asText().strip()));
    }
}
