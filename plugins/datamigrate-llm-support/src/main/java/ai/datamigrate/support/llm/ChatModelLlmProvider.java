package ai.datamigrate.support.llm;

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
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * An {@link LlmProvider} around a LangChain4j {@link ChatModel}: one API call per chat, temperature 0, with the
 * retries of {@link RetryingCaller} around it and the HTTP client that keeps {@code Retry-After}. What differs from
 * one provider to the next comes from its {@link ChatModelSpec}. Thread-safe: the model and the caller keep no state
 * between calls.
 */
public final class ChatModelLlmProvider implements LlmProvider {

    /** Builds a provider's LangChain4j model. */
    @FunctionalInterface
    public interface ModelBuilder {
        /**
         * Builds the model.
         *
         * @param config   the bound configuration: base URL, API key (absent: send none), timeout
         * @param http     the HTTP client the model must use, so that a server's {@code Retry-After} reaches the
         *                 retries
         * @param defaults the model id, temperature 0 and the output token limit
         * @return the model, with LangChain4j's own retries off ({@code maxRetries(0)}: the provider retries) and its
         *         request and response logging off (it would log the prompts and the key)
         */
        ChatModel build(ChatModelConfig config, HttpClientBuilder http, ChatRequestParameters defaults);
    }

    /** What a call costs, for budgets and reports. */
    @FunctionalInterface
    public interface CostEstimator {
        /**
         * Estimates the price of a call.
         *
         * @param model the configured model id
         * @param usage the tokens the call used
         * @return the price in US dollars, empty when the model's price is not known
         */
        OptionalDouble estimateUsd(String model, TokenUsage usage);
    }

    /** Waits between attempts; tests record the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        /**
         * Waits.
         *
         * @param millis how long
         * @throws InterruptedException when the thread is interrupted while waiting
         */
        void sleep(long millis) throws InterruptedException;
    }

    /** The cap on the backoff between two attempts. */
    private static final long MAX_DELAY_MS = 30_000;

    private final ChatModelSpec spec;
    private final ChatModelConfig config;
    private final ChatModel model;
    private final RetryingCaller caller;
    private final String endpoint;

    ChatModelLlmProvider(ChatModelSpec spec, ChatModelConfig config, PluginContext context, Sleeper sleeper) {
        this.spec = spec;
        this.config = config;
        // cleartext goes to local servers and test doubles: no HTTP/2 upgrade attempt, which some mishandle
        HttpClient.Version version = config.baseUrl().startsWith("http:") ? HttpClient.Version.HTTP_1_1
                : HttpClient.Version.HTTP_2;
        this.model = spec.modelBuilder().build(config, new RetryAfterHttpClient.Builder(version),
                ChatRequestParameters.builder().modelName(config.model()).temperature(0.0)
                        .maxOutputTokens(config.maxTokens()).build());
        this.endpoint = spec.endpoint(config.baseUrl());
        this.caller = new RetryingCaller(config.maxRetries(), config.retryInitialMs(), MAX_DELAY_MS, endpoint,
                spec.keyHint(),
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
    public OptionalDouble estimateCostUsd(TokenUsage usage) {
        return spec.costs().estimateUsd(config.model(), usage);
    }

    @Override
    public String toString() {
        return "ChatModelLlmProvider[" + spec.namespace() + ", " + config + "]";
    }
}
