package ai.datamigrate.plugin.openai.internal;

import ai.datamigrate.support.llm.ChatModelSpec;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * The {@code openai} provider: any OpenAI-compatible chat completions endpoint through LangChain4j's
 * {@link OpenAiChatModel}. The API key ({@code openai.api-key} or {@code $OPENAI_API_KEY}) is required by OpenAI's
 * own endpoint only; local servers are used without one. No prices: the server may run any model. Retries,
 * configuration checks and the mapping of requests and answers are the shared chat-model provider's.
 */
public final class OpenAiLlmSpec {

    static final String ENV_API_KEY = "OPENAI_API_KEY";
    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    /** Takes max_tokens and temperature 0, which OpenAI's reasoning models refuse; local servers name their own. */
    static final String DEFAULT_MODEL = "gpt-4.1";

    /** The provider's settings ({@code openai.*}) and model. */
    public static final ChatModelSpec SPEC = ChatModelSpec.builder("openai", "OpenAI-compatible chat completions "
                    + "(OpenAI, llama.cpp, vLLM, Ollama), temperature 0, retries with backoff")
            .apiKey("OpenAI", ENV_API_KEY, "API key (Bearer token); default: $" + ENV_API_KEY
                    + "; local servers need none", ChatModelSpec.KeyRule.DEFAULT_SERVER_ONLY)
            .model(DEFAULT_MODEL, "model id as the server knows it")
            .server("OpenAI-compatible endpoint", OPENAI_BASE_URL, "chat completions base URL (POST "
                    + "<base-url>/chat/completions), e.g. http://localhost:8080/v1 for llama.cpp or "
                    + "http://localhost:11434/v1 for Ollama", OPENAI_BASE_URL + " or http://localhost:8080/v1")
            .structuredOutput(
                    "send a requested JSON shape as response_format json_schema (true) or in the system prompt (false)")
            // without a key LangChain4j sends no Authorization header, which local servers expect
            .chatModel((config, http, defaults) -> OpenAiChatModel.builder().httpClientBuilder(http)
                    .baseUrl(config.baseUrl()).apiKey(config.apiKey().orElse(null)).defaultRequestParameters(defaults)
                    .timeout(config.timeout()).maxRetries(0).logRequests(false).logResponses(false).build())
            .build();

    private OpenAiLlmSpec() {
    }
}
