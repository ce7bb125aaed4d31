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

    /** These options with the LLM provider {@code name} (e.g. {@code claude}); empty for rules only. */
    public AgentOptions withLlm(Optional<String> name) {
        return new AgentOptions(name, offline, budgetUsd, maxAttempts, maxTokens, jobs, validateUrl, rawSchema, cacheDir,
                resume, listener, llmDocs);
    }

    /** These options answering only from the cache ({@code true}) or also calling the provider. */
    public AgentOptions withOffline(boolean cachedOnly) {
        return new AgentOptions(llm, cachedOnly, budgetUsd, maxAttempts, maxTokens, jobs, validateUrl, rawSchema,
                cacheDir, resume, listener, llmDocs);
    }

    /** These options with a spending limit for the LLM, in US dollars. */
    public AgentOptions withBudgetUsd(double usd) {
        return new AgentOptions(llm, offline, OptionalDouble.of(usd), maxAttempts, maxTokens, jobs, validateUrl,
                rawSchema, cacheDir, resume, listener, llmDocs);
    }

    /** These options with {@code attempts} LLM attempts per object and {@code parallel} objects at once. */
    public AgentOptions withLimits(int attempts, int tokens, int parallel) {
        return new AgentOptions(llm, offline, budgetUsd, attempts, tokens, parallel, validateUrl, rawSchema, cacheDir,
                resume, listener, llmDocs);
    }

    /** These options executing every model on {@code url} over the raw tables of {@code schema}. */
    public AgentOptions withValidation(Optional<String> url, String schema) {
        return new AgentOptions(llm, offline, budgetUsd, maxAttempts, maxTokens, jobs, url, schema, cacheDir, resume,
                listener, llmDocs);
    }

    /** These options with the LLM response cache in {@code directory}; empty for none. */
    public AgentOptions withCacheDir(Optional<Path> directory) {
        return new AgentOptions(llm, offline, budgetUsd, maxAttempts, maxTokens, jobs, validateUrl, rawSchema,
                directory, resume, listener, llmDocs);
    }

    /** These options continuing an interrupted run ({@code true}) or starting afresh. */
    public AgentOptions withResume(boolean continueRun) {
        return new AgentOptions(llm, offline, budgetUsd, maxAttempts, maxTokens, jobs, validateUrl, rawSchema, cacheDir,
                continueRun, listener, llmDocs);
    }

    /** These options sending progress events to {@code events}. */
    public AgentOptions withListener(Consumer<AgentEvent> events) {
        return new AgentOptions(llm, offline, budgetUsd, maxAttempts, maxTokens, jobs, validateUrl, rawSchema, cacheDir,
                resume, events, llmDocs);
    }

    /** These options also asking the LLM to describe undocumented models ({@code true}). */
    public AgentOptions withLlmDocs(boolean describe) {
        return new AgentOptions(llm, offline, budgetUsd, maxAttempts, maxTokens, jobs, validateUrl, rawSchema, cacheDir,
                resume, listener, describe);
    }
}
