package ai.datamigrate.plugin.claude.internal;

import ai.datamigrate.support.llm.ChatModelSpec;
import dev.langchain4j.model.anthropic.AnthropicChatModel;

/**
 * The {@code claude} provider: Anthropic's Messages API through LangChain4j's {@link AnthropicChatModel}, with the
 * key from {@code claude.api-key} or {@code $ANTHROPIC_API_KEY} and the prices of {@link ClaudePrices}. Retries,
 * configuration checks and the mapping of requests and answers are the shared chat-model provider's.
 */
public final class ClaudeLlmSpec {

    static final String ENV_API_KEY = "ANTHROPIC_API_KEY";

    /** Sonnet: the family Anthropic recommends for coding at a middle price; 4.6 is the newest LangChain4j names. */
    static final String DEFAULT_MODEL = "claude-sonnet-4-6";

    static final String BASE_URL = "https://api.anthropic.com/v1";

    /** The provider's settings ({@code claude.*}), model and prices. */
    public static final ChatModelSpec SPEC = ChatModelSpec.builder("claude",
                    "Anthropic Claude through the Messages API, temperature 0, retries with backoff")
            .apiKey("Anthropic", ENV_API_KEY, "Anthropic API key; default: $" + ENV_API_KEY,
                    ChatModelSpec.KeyRule.ALWAYS)
            .model(DEFAULT_MODEL, "model id")
            .server("Anthropic API at", BASE_URL, "Messages API base URL (POST <base-url>/messages)", BASE_URL)
            .structuredOutput(
                    "send a requested JSON shape as the API's output format (true) or in the system prompt (false)")
            .chatModel((config, http, defaults) -> AnthropicChatModel.builder().httpClientBuilder(http)
                    .baseUrl(config.baseUrl()).apiKey(config.apiKey().orElseThrow()).defaultRequestParameters(defaults)
                    .timeout(config.timeout()).maxRetries(0).logRequests(false).logResponses(false).build())
            .costs(ClaudePrices::estimateUsd)
            .build();

    private ClaudeLlmSpec() {
    }
}
