package ai.datamigrate.support.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A LangChain4j chat model with a wire format of its own, so that the shared provider is tested without any vendor's
 * client: {@code POST <base-url>/chat} with {@code {"model", "temperature", "max_tokens", "messages": [{"role",
 * "text"}], "schema"}} and the key in {@code x-key}; the answer is {@code {"text", "model", "input_tokens",
 * "output_tokens"}}. It calls through the HTTP client the provider gives it, as the vendors' models do.
 */
final class LoopbackChatModel implements ChatModel {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ChatModelConfig config;
    private final HttpClient http;
    private final ChatRequestParameters defaults;

    LoopbackChatModel(ChatModelConfig config, HttpClientBuilder http, ChatRequestParameters defaults) {
        this.config = config;
        this.http = http.connectTimeout(config.timeout()).readTimeout(config.timeout()).build();
        this.defaults = defaults;
    }

    /** A spec whose model is this one: namespace {@code loop}, key from {@code $LOOP_KEY}. */
    static ChatModelSpec spec(ChatModelSpec.KeyRule rule) {
        return ChatModelSpec.builder("loop", "a loopback chat API")
                .apiKey("Loop", "LOOP_KEY", "loop key", rule)
                .model("loop-1", "model id")
                .server("Loop API at", "https://api.loop.example/v1", "base URL", "https://api.loop.example/v1")
                .structuredOutput("schema as output format")
                .chatModel(LoopbackChatModel::new)
                .costs((model, usage) -> java.util.OptionalDouble.of(usage.inputTokens() + usage.outputTokens()))
                .build();
    }

    static String answer(String text, String model, int inputTokens, int outputTokens) {
        ObjectNode body = JSON.createObjectNode().put("text", text).put("model", model)
                .put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return body.toString();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return defaults;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        ObjectNode body = JSON.createObjectNode().put("model", request.parameters().modelName())
                .put("temperature", request.parameters().temperature())
                .put("max_tokens", request.parameters().maxOutputTokens());
        for (ChatMessage message : request.messages()) {
            ObjectNode sent = body.withArray("messages").addObject();
            if (message instanceof SystemMessage system) {
                sent.put("role", "system").put("text", system.text());
            } else if (message instanceof UserMessage user) {
                sent.put("role", "user").put("text", user.singleText());
            } else {
                sent.put("role", "assistant").put("text", ((AiMessage) message).text());
            }
        }
        if (request.parameters().responseFormat() != null && request.parameters().responseFormat().jsonSchema() != null) {
            body.put("schema", request.parameters().responseFormat().jsonSchema().name());
        }
        HttpRequest.Builder call = HttpRequest.builder().method(HttpMethod.POST).url(config.baseUrl() + "/chat")
                .addHeader("Content-Type", "application/json").body(body.toString());
        config.apiKey().ifPresent(key -> call.addHeader("x-key", key));
        String answer = http.execute(call.build()).body();
        JsonNode parsed = json(answer);
        if (!parsed.isObject()) {
            throw new HttpException(200, "not an answer: " + answer);
        }
        return ChatResponse.builder()
                .aiMessage(parsed.path("text").isTextual() ? AiMessage.from(parsed.path("text").asText())
                        : AiMessage.builder().thinking("no text, only thoughts").build())
                .modelName(parsed.path("model").asText(null))
                .tokenUsage(new TokenUsage(parsed.path("input_tokens").asInt(), parsed.path("output_tokens").asInt()))
                .build();
    }
}
