package ai.datamigrate.spi.llm;

import ai.datamigrate.spi.Api;
import java.util.Objects;

/**
 * What a provider answered.
 *
 * @param text  the answer's text (JSON when the request asked for a shape)
 * @param usage the tokens the call consumed
 * @param model the provider's id of the model that answered, e.g. {@code claude-sonnet-4-5}
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LlmResponse(String text, TokenUsage usage, String model) {
    public LlmResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(model, "model");
    }
}
