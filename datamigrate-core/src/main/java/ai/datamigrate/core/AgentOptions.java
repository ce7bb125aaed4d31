package ai.datamigrate.core;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.agent.AgentEvent;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * How the agent pipeline runs after rule translation.
 *
 * @param llm         the LLM provider's name ({@code claude}); empty for none: the report then says what an LLM
 *                    would have been asked
 * @param offline     use cached answers only, never call the provider
 * @param budgetUsd   stop LLM use when this much is spent
 * @param maxAttempts LLM attempts per object (generation, validation, retry with the error)
 * @param maxTokens   output tokens per LLM call
 * @param jobs        objects handled in parallel
 * @param validateUrl a target database to execute every model on (read-only, rolled back); empty: parse only
 * @param rawSchema   the schema holding the raw tables on that target
 * @param cacheDir    the LLM response cache; empty for none
 * @param resume      continue a run that was interrupted, from its saved state
 * @param listener    receives progress events
 * @param llmDocs     also ask the LLM for descriptions of models the source left undocumented
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public record AgentOptions(Optional<String> llm, boolean offline, OptionalDouble budgetUsd, int maxAttempts,
                           int maxTokens, int jobs, Optional<String> validateUrl, String rawSchema,
                           Optional<Path> cacheDir, boolean resume, Consumer<AgentEvent> listener,
                           boolean llmDocs) {
    public AgentOptions {
        Objects.requireNonNull(llm, "llm");
        Objects.requireNonNull(budgetUsd, "budgetUsd");
        Objects.requireNonNull(validateUrl, "validateUrl");
        Objects.requireNonNull(rawSchema, "rawSchema");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(listener, "listener");
        if (maxAttempts < 1 || jobs < 1 || maxTokens < 1) {
            throw new IllegalArgumentException("attempts, tokens and jobs must be positive");
        }
    }

    /** Without LLM descriptions. */
    public AgentOptions(Optional<String> llm, boolean offline, OptionalDouble budgetUsd, int maxAttempts,
                        int maxTokens, int jobs, Optional<String> validateUrl, String rawSchema,
                        Optional<Path> cacheDir, boolean resume, Consumer<AgentEvent> listener) {
        this(llm, offline, budgetUsd, maxAttempts, maxTokens, jobs, validateUrl, rawSchema, cacheDir, resume, listener,
                false);
    }

    /** No LLM, no execution: rules only, with the report saying what an LLM would have been asked. */
    public static AgentOptions rulesOnly() {
        return new AgentOptions(Optional.empty(), false, OptionalDouble.empty(), 3, 4096, 4, Optional.empty(), "raw",
                Optional.empty(), false, e -> { });
    }

    /** The default cache: {@code $XDG_CACHE_HOME/datamigrate/llm}, else {@code ~/.cache/datamigrate/llm}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("datamigrate").resolve("llm");
    }
}
