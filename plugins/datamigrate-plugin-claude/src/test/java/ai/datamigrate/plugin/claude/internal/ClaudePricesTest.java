package ai.datamigrate.plugin.claude.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.llm.TokenUsage;
import org.junit.jupiter.api.Test;

class ClaudePricesTest {

    private static final TokenUsage MILLION_EACH = new TokenUsage(1_000_000, 1_000_000);

    @Test
    void familiesAndSnapshotsHaveTheirListPrice() {
        assertEquals(18.0, ClaudePrices.estimateUsd("claude-sonnet-4-6", MILLION_EACH).getAsDouble(), 1e-9);
        assertEquals(18.0, ClaudePrices.estimateUsd("claude-sonnet-4-5-20250929", MILLION_EACH).getAsDouble(), 1e-9);
        assertEquals(6.0, ClaudePrices.estimateUsd("claude-haiku-4-5-20251001", MILLION_EACH).getAsDouble(), 1e-9);
        assertEquals(30.0, ClaudePrices.estimateUsd("claude-opus-4-5-20251101", MILLION_EACH).getAsDouble(), 1e-9);
        assertEquals(90.0, ClaudePrices.estimateUsd("claude-opus-4-1-20250805", MILLION_EACH).getAsDouble(), 1e-9);
        // 1200 input tokens at $3/M and 300 output tokens at $15/M
        assertEquals(0.0081, ClaudePrices.estimateUsd("claude-sonnet-4-6", new TokenUsage(1200, 300)).getAsDouble(),
                1e-12);
    }

    @Test
    void unknownModelsHaveNoEstimate() {
        assertTrue(ClaudePrices.estimateUsd("claude-opus-4-8", MILLION_EACH).isEmpty());
        assertTrue(ClaudePrices.estimateUsd("my-proxy-model", MILLION_EACH).isEmpty());
    }
}
