package ai.datamigrate.plugin.claude.internal;

import ai.datamigrate.spi.llm.TokenUsage;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * List prices of Claude models, for budgets and reports. Source: Anthropic's published API pricing (standard
 * requests; no batch discount, prompt caching or long-context surcharge), as of November 2025. A model id matches
 * the longest family prefix, so dated snapshots ({@code claude-haiku-4-5-20251001}) take their family's price.
 * Opus changed price with 4.5, so only the Opus versions listed are known; the Sonnet family has kept one price
 * since Claude 3 and is matched as a family. Unknown models have no estimate.
 */
final class ClaudePrices {

    /** US dollars per million input and output tokens. */
    private record Price(String prefix, double inputPerMillion, double outputPerMillion) {
    }

    private static final List<Price> PRICES = List.of(
            new Price("claude-opus-4-5", 5, 25),
            new Price("claude-opus-4-1", 15, 75),
            new Price("claude-opus-4-0", 15, 75),
            new Price("claude-opus-4-2025", 15, 75),
            new Price("claude-3-opus", 15, 75),
            new Price("claude-sonnet-", 3, 15),
            new Price("claude-3-7-sonnet", 3, 15),
            new Price("claude-3-5-sonnet", 3, 15),
            new Price("claude-haiku-4-5", 1, 5),
            new Price("claude-3-5-haiku", 0.8, 4),
            new Price("claude-3-haiku", 0.25, 1.25));

    private ClaudePrices() {
    }

    static OptionalDouble estimateUsd(String model, TokenUsage usage) {
        return PRICES.stream().filter(p -> model.startsWith(p.prefix()))
                .max(Comparator.comparingInt(p -> p.prefix().length()))
                .map(p -> OptionalDouble.of((usage.inputTokens() * p.inputPerMillion()
                        + usage.outputTokens() * p.outputPerMillion()) / 1_000_000))
                .orElse(OptionalDouble.empty());
    }
}
