package ai.datamigrate.spi.llm;

import ai.datamigrate.spi.Api;
import java.util.Objects;

/**
 * One turn of a conversation.
 *
 * @param role {@code user} or {@code assistant}
 * @param text what was said
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record LlmMessage(String role, String text) {
    public LlmMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        if (!role.equals("user") && !role.equals("assistant")) {
            throw new IllegalArgumentException("role must be user or assistant: " + role);
        }
    }

    public static LlmMessage user(String text) {
        return new LlmMessage("user", text);
    }

    public static LlmMessage assistant(String text) {
        return new LlmMessage("assistant", text);
    }
}
