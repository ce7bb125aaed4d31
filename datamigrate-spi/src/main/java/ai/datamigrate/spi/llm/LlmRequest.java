package ai.datamigrate.spi.llm;

import ai.datamigrate.spi.Api;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One chat call.
 *
 * @param system     the system prompt
 * @param messages   the conversation, oldest first, ending with a user message
 * @param jsonSchema when present, the JSON Schema the answer must follow; providers that support structured output
 *                   pass it on, the others append it to the system prompt
 * @param maxTokens  the most output tokens wanted
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LlmRequest(String system, List<LlmMessage> messages, Optional<String> jsonSchema, int maxTokens) {
    public LlmRequest {
        Objects.requireNonNull(system, "system");
        messages = List.copyOf(messages);
        Objects.requireNonNull(jsonSchema, "jsonSchema");
        if (messages.isEmpty() || !messages.get(messages.size() - 1).role().equals("user")) {
            throw new IllegalArgumentException("a request ends with a user message");
        }
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
        }
    }
}
