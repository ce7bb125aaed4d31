package ai.datamigrate.plugin.openai.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.llm.LlmException;
import ai.datamigrate.spi.llm.LlmMessage;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.spi.llm.LlmResponse;
import ai.datamigrate.spi.llm.TokenUsage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenAI-compatible endpoint through LangChain4j's {@link OpenAiChatModel}: one chat completions call per chat,
 * temperature 0, with this plugin's retries around it. Thread-safe: the model and the caller keep no state between calls.
 */
final class OpenAiLlmProvider implements LlmProvider {

    private final OpenAiConfig config;
    private final ChatModel model;
    private final RetryingCaller caller;
    private final String endpoint;

    OpenAiLlmProvider(OpenAiConfig config, PluginContext context) {
        this(config, context, Thread::sleep);
    }

    OpenAiLlmProvider(OpenAiConfig config, PluginContext context, RetryingCaller.Sleeper sleeper) {
        this.config = config;
        // cleartext goes to local servers and test doubles: no HTTP/2 upgrade attempt, which some mishandle
        HttpClient.Version version = config.baseUrl().startsWith("http:") ? HttpClient.Version.HTTP_1_1
                : HttpClient.Version.HTTP_2;
        // without a key LangChain4j sends no Authorization header, which local servers expect
        this.model = OpenAiChatModel.builder()
                .httpClientBuilder(new RetryAfterHttpClient.Builder(version))
                .baseUrl(config.baseUrl())
                .apiKey(config.apiKey().orElse(null))
                .modelName(config.model())
                .temperature(0.0)
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
        this.endpoint = "OpenAI-compatible endpoint " + config.baseUrl();
        this.caller = new RetryingCaller(config.maxRetries(), config.retryInitialMs(), 30_000, endpoint,
                "check " + OpenAiLlmProviderFactory.API_KEY + " or $" + OpenAiLlmProviderFactory.ENV_API_KEY,
                text -> context.maskSecrets(config.apiKey().map(key -> text.replace(key, "****")).orElse(text)),
                sleeper);
    }

    @Override
    public LlmResponse chat(LlmRequest request) {
        // built inside the call so that a request LangChain4j refuses (a blank schema) is REJECTED like one the
        // server refuses
        ChatResponse response = caller.call(() -> model.chat(toChatRequest(request)));
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null) {
            throw new LlmException(LlmException.REJECTED, endpoint + " answered without text (finish reason "
                    + response.finishReason() + ")");
        }
        dev.langchain4j.model.output.TokenUsage usage = response.tokenUsage();
        TokenUsage tokens = usage == null ? TokenUsage.NONE
                : new TokenUsage(count(usage.inputTokenCount()), count(usage.outputTokenCount()));
        String answeredBy = response.modelName() == null || response.modelName().isBlank() ? config.model()
                : response.modelName();
        return new LlmResponse(text, tokens, answeredBy);
    }

    private ChatRequest toChatRequest(LlmRequest request) {
        String system = request.system();
        ChatRequest.Builder builder = ChatRequest.builder()
                .maxOutputTokens(Math.min(request.maxTokens(), config.maxTokens()));
        if (request.jsonSchema().isPresent()) {
            String schema = request.jsonSchema().get();
            if (config.structuredOutput()) {
                builder.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder().name("answer").rootElement(JsonRawSchema.from(schema)).build())
                        .build());
            } else {
                system = withSchema(system, schema);
            }
        }
        List<ChatMessage> messages = new ArrayList<>();
        if (!system.isBlank()) {
            messages.add(SystemMessage.from(system));
        }
        for (LlmMessage message : request.messages()) {
            messages.add(message.role().equals("user") ? UserMessage.from(message.text())
                    : AiMessage.from(message.text()));
        }
        return builder.messages(messages).build();
    }

    /** For models without structured output: the shape goes into the instructions. */
    static String withSchema(String system, String schema) {
        return (system.isBlank() ? "" : system.stripTrailing() + "\n\n")
                + "Answer with one JSON value that conforms to this JSON Schema, and nothing else:\n" + schema;
    }

    private static long count(Integer tokens) {
        return tokens == null ? 0 : tokens;
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public String toString() {
        return "OpenAiLlmProvider[" + config + "]";
    }
}
