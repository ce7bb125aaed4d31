package ai.datamigrate.spi.llm;

import ai.datamigrate.spi.Api;

/** Tokens a call consumed, as the provider reported them. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record TokenUsage(long inputTokens, long outputTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0);

    public TokenUsage {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(inputTokens + other.inputTokens, outputTokens + other.outputTokens);
    }

    public long total() {
        return inputTokens + outputTokens;
    }
}
