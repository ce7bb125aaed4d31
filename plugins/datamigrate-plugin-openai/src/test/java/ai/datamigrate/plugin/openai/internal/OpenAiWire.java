package ai.datamigrate.plugin.openai.internal;

import ai.datamigrate.testkit.llm.LoopbackHttpApi;
import ai.datamigrate.testkit.llm.LoopbackHttpApi.Received;
import ai.datamigrate.testkit.llm.LoopbackHttpApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The OpenAI chat completions wire format, as OpenAI, llama.cpp, vLLM and Ollama speak it, for the testkit's
 * {@link LoopbackHttpApi}: a server that serves {@code POST /v1/chat/completions} only, and the bodies of its answers
 * and errors.
 */
final class OpenAiWire {

    static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiWire() {
    }

    /** A loopback chat completions API answering from {@code script} (the last reply repeats); other paths get 404. */
    static LoopbackHttpApi chatCompletionsApi(Reply... script) {
        return new LoopbackHttpApi("/v1/chat/completions", List.of(script));
    }

    static Reply ok(String text, String model, int inputTokens, int outputTokens) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT")
                .put("object", "chat.completion").put("created", 1741569952).put("model", model);
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", text).putNull("refusal");
        choice.putNull("logprobs").put("finish_reason", "stop");
        body.putObject("usage").put("prompt_tokens", inputTokens).put("completion_tokens", outputTokens)
                .put("total_tokens", inputTokens + outputTokens);
        return new Reply(200, body.put("system_fingerprint", "fp_3a668b2eb1").toString());
    }

    static Reply error(int status, String type, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).putNull("param").putNull("code");
        return new Reply(status, body.toString());
    }

    /** The JSON body of a request the server received. */
    static JsonNode body(Received request) throws IOException {
        return JSON.readTree(request.body());
    }
}
