package ai.datamigrate.plugin.openai.internal;

import ai.datamigrate.spi.llm.LlmProviderFactory;
import ai.datamigrate.support.llm.ChatModelProviderFactory;
import ai.datamigrate.testkit.LlmProviderContract;
import java.util.Map;

/** The testkit's provider contract on the OpenAI provider, against a loopback server speaking Chat Completions. */
class OpenAiLlmProviderContractTest implements LlmProviderContract {

    @Override
    public LlmProviderFactory factory() {
        return new ChatModelProviderFactory(OpenAiLlmSpec.SPEC).withEnv(name -> null);
    }

    @Override
    public Map<String, String> config(String baseUrl, String apiKey) {
        return Map.of("openai.api-key", apiKey, "openai.base-url", baseUrl, "openai.retry-initial-ms", "1",
                "openai.max-retries", "2");
    }

    @Override
    public String answer(String text, String model, long inputTokens, long outputTokens) {
        return OpenAiWire.ok(text, model, Math.toIntExact(inputTokens), Math.toIntExact(outputTokens)).body();
    }

    @Override
    public String error(int status, String message) {
        String type = switch (status) {
            case 401, 400 -> "invalid_request_error";
            default -> "server_error";
        };
        return OpenAiWire.error(status, type, message).body();
    }
}
