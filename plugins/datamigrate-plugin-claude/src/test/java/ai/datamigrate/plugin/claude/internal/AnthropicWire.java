package ai.datamigrate.plugin.claude.internal;

import ai.datamigrate.testkit.llm.LoopbackHttpApi;
import ai.datamigrate.testkit.llm.LoopbackHttpApi.Received;
import ai.datamigrate.testkit.llm.LoopbackHttpApi.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Anthropic Messages API's wire format for the testkit's {@link LoopbackHttpApi}: a server that serves
 * {@code POST /v1/messages} only, and the bodies of its answers and errors as the API sends them.
 */
final class AnthropicWire {

    static final ObjectMapper JSON = new ObjectMapper();

    private AnthropicWire() {
    }

    /** A loopback Messages API answering from {@code script} (the last reply repeats); other paths get 404. */
    static LoopbackHttpApi messagesApi(Reply... script) {
        return new LoopbackHttpApi("/v1/messages", List.of(script));
    }

    static Reply ok(String text, String model, int inputTokens, int outputTokens) {
        return new Reply(200, """
                {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant","model":"%s",
                 "content":[{"type":"text","text":%s}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":%d,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                          "output_tokens":%d}}""".formatted(model, quote(text), inputTokens, outputTokens));
    }

    static Reply error(int status, String type, String message) {
        return new Reply(status, """
                {"type":"error","error":{"type":"%s","message":%s}}""".formatted(type, quote(message)));
    }

    /** The JSON body of a request the server received. */
    static JsonNode body(Received request) throws IOException {
        return JSON.readTree(request.body());
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
