package ai.datamigrate.plugin.claude.internal;

import ai.datamigrate.spi.llm.LlmProviderFactory;
import ai.datamigrate.support.llm.ChatModelProviderFactory;
import ai.datamigrate.testkit.LlmProviderContract;
import java.util.Map;

/** The testkit's provider contract on the Claude provider, against a loopback server speaking the Messages API. */
class ClaudeLlmProviderContractTest implements LlmProviderContract {

    @Override
    public LlmProviderFactory factory() {
        return new ChatModelProviderFactory(ClaudeLlmSpec.SPEC).withEnv(name -> null);
    }

    @Override
    public Map<String, String> config(String baseUrl, String apiKey) {
        return Map.of("claude.api-key", apiKey, "claude.base-url", baseUrl, "claude.retry-initial-ms", "1",
                "claude.max-retries", "2");
    }

    @Override
    public String answer(String text, String model, long inputTokens, long outputTokens) {
        return AnthropicWire.ok(text, model, Math.toIntExact(inputTokens), Math.toIntExact(outputTokens)).body();
    }

    @Override
    public String error(int status, String message) {
        String type = switch (status) {
            case 401 -> "authentication_error";
            case 400 -> "invalid_request_error";
            case 529, 503 -> "overloaded_error";
            default -> "api_error";
        };
        return AnthropicWire.error(status, type, message).body();
    }
}
