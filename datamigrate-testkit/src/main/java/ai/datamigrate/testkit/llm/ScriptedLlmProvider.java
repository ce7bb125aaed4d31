package ai.datamigrate.testkit.llm;

import ai.datamigrate.spi.llm.LlmException;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.spi.llm.LlmResponse;
import ai.datamigrate.spi.llm.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A deterministic LLM for pipeline tests: answers come from a script keyed by a text the prompt contains (e.g. the
 * object's name), one per attempt in order, so that a test can say "the first answer fails validation, the second
 * passes". Every request is recorded. Token usage is computed from the text lengths, and cost is a fixed price per
 * token, so that budgets can be tested.
 */
public final class ScriptedLlmProvider implements LlmProvider {

    /** Dollars per token, input and output alike. */
    public static final double PRICE_PER_TOKEN = 0.000_01;

    private final BiFunction<LlmRequest, Integer, String> script;
    private final List<LlmRequest> requests = new ArrayList<>();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final long delayMillis;

    /**
     * @param script answers for a request and the number of earlier requests with the same first message
     *               (0 for the first attempt); throw {@link LlmException} to simulate a provider error
     */
    public ScriptedLlmProvider(BiFunction<LlmRequest, Integer, String> script, long delayMillis) {
        this.script = script;
        this.delayMillis = delayMillis;
    }

    /**
     * Answers by key: the first key contained in the request's first message selects the list of answers, one per
     * attempt; past the end the last answer repeats. A request no key matches gets an answer that is not JSON.
     */
    public static ScriptedLlmProvider byKey(Map<String, List<String>> answers, long delayMillis) {
        Map<String, List<String>> copy = Map.copyOf(answers);
        return new ScriptedLlmProvider((request, attempt) -> {
            String prompt = request.messages().get(0).text();
            return copy.entrySet().stream().filter(e -> prompt.contains(e.getKey()))
                    .sorted(Map.Entry.comparingByKey())
                    .findFirst()
                    .map(e -> relations(e.getValue().get(Math.min(attempt, e.getValue().size() - 1)), prompt))
                    .orElse("I cannot translate this.");
        }, delayMillis);
    }

    /**
     * Replaces {@code ${rel:schema.name}} in an answer by the placeholder the prompt assigned to that relation (its
     * line {@code - __dm_rel_<n>__ stands for SQL Server table schema.name with columns:}), as a model would.
     */
    static String relations(String answer, String prompt) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int start = answer.indexOf("${rel:", at);
            if (start < 0) {
                return out.append(answer, at, answer.length()).toString();
            }
            int end = answer.indexOf('}', start);
            String name = answer.substring(start + 6, end);
            String placeholder = prompt.lines().map(String::strip)
                    .filter(l -> l.startsWith("- __dm_rel_") && (l.endsWith(" table " + name + " with columns:")
                            || l.endsWith(" view " + name + " with columns:")))
                    .map(l -> l.substring(2, l.indexOf(' ', 2)))
                    .findFirst().orElse("no_relation_" + name.replace('.', '_').replace(' ', '_'));
            out.append(answer, at, start).append(placeholder);
            at = end + 1;
        }
    }

    @Override
    public LlmResponse chat(LlmRequest request) {
        int attempt = attempts.merge(request.messages().get(0).text(), 1, Integer::sum) - 1;
        synchronized (requests) {
            requests.add(request);
        }
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LlmException(LlmException.RETRIES_EXHAUSTED, "interrupted");
            }
        }
        String text = script.apply(request, attempt);
        long in = request.system().length() / 4 + request.messages().stream().mapToLong(m -> m.text().length() / 4)
                .sum();
        return new LlmResponse(text, new TokenUsage(in, text.length() / 4), model());
    }

    @Override
    public String model() {
        return "scripted-1";
    }

    @Override
    public OptionalDouble estimateCostUsd(TokenUsage usage) {
        return OptionalDouble.of(usage.total() * PRICE_PER_TOKEN);
    }

    /** Every request received, in order. */
    public List<LlmRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }
}
