package ai.datamigrate.core.internal.agent;

import ai.datamigrate.core.internal.AtomicOutputWriter;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.llm.LlmException;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.spi.llm.LlmResponse;
import ai.datamigrate.spi.llm.TokenUsage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Semaphore;

/**
 * What stands between agents and a provider: a content-addressed response cache on disk (a re-run of the same
 * input costs nothing; offline runs use only the cache), a budget in dollars, and a bound on concurrent calls.
 */
public final class LlmGateway implements LlmProvider {

    /** The answer and what it cost this run: nothing when it came from the cache. */
    public record Answer(LlmResponse response, boolean cached, TokenUsage paidTokens, double paidUsd) {
    }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final String providerName;
    private final Optional<LlmProvider> provider;
    private final Optional<Path> cacheDir;
    private final OptionalDouble budgetUsd;
    private final Semaphore concurrency;
    private TokenUsage spentTokens = TokenUsage.NONE;
    private double spentUsd;
    private int calls;
    private int cacheHits;

    /**
     * @param provider  empty for {@code --llm-offline}: only cached answers
     * @param cacheDir  where answers are kept; empty for no cache
     * @param budgetUsd the most this run may spend
     */
    public LlmGateway(String providerName, Optional<LlmProvider> provider, Optional<Path> cacheDir,
                      OptionalDouble budgetUsd, int maxConcurrentCalls) {
        this.providerName = providerName;
        this.provider = provider;
        this.cacheDir = cacheDir;
        this.budgetUsd = budgetUsd;
        this.concurrency = new Semaphore(Math.max(1, maxConcurrentCalls), true);
    }

    @Override
    public LlmResponse chat(LlmRequest request) {
        return call(request).response();
    }

    @Override
    public String model() {
        return provider.map(LlmProvider::model).orElse("offline");
    }

    @Override
    public OptionalDouble estimateCostUsd(TokenUsage usage) {
        return provider.map(p -> p.estimateCostUsd(usage)).orElse(OptionalDouble.empty());
    }

    public String providerName() {
        return providerName;
    }

    public Answer call(LlmRequest request) {
        // offline, no provider tells the model: the answer of any model of this provider for the prompt is used
        String key = provider.isPresent() ? key(request) : key(request, "*");
        Optional<LlmResponse> cached = readCache(key);
        if (cached.isPresent()) {
            synchronized (this) {
                cacheHits++;
            }
            return new Answer(cached.get(), true, TokenUsage.NONE, 0);
        }
        if (provider.isEmpty()) {
            throw new LlmException(LlmException.NOT_CACHED, "--llm-offline: no cached answer for this prompt ("
                    + key.substring(0, 12) + ")");
        }
        synchronized (this) {
            if (budgetUsd.isPresent() && spentUsd >= budgetUsd.getAsDouble()) {
                throw new LlmException(LlmException.BUDGET_EXHAUSTED, String.format(java.util.Locale.ROOT,
                        "LLM budget of $%.2f reached ($%.4f spent); no further LLM calls in this run",
                        budgetUsd.getAsDouble(), spentUsd));
            }
        }
        LlmResponse response;
        concurrency.acquireUninterruptibly();
        try {
            response = provider.get().chat(request);
        } finally {
            concurrency.release();
        }
        double cost = provider.get().estimateCostUsd(response.usage()).orElse(0);
        synchronized (this) {
            calls++;
            spentTokens = spentTokens.plus(response.usage());
            spentUsd += cost;
        }
        writeCache(key, response);
        writeCache(key(request, "*"), response);
        return new Answer(response, false, response.usage(), cost);
    }

    public synchronized TokenUsage spentTokens() {
        return spentTokens;
    }

    public synchronized double spentUsd() {
        return spentUsd;
    }

    public synchronized int calls() {
        return calls;
    }

    public synchronized int cacheHits() {
        return cacheHits;
    }

    /** The hash of everything that determines an answer: provider, model, parameters and the prompt. */
    String key(LlmRequest request) {
        return key(request, model());
    }

    private String key(LlmRequest request, String model) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("provider", providerName);
        document.put("model", model);
        document.put("maxTokens", request.maxTokens());
        document.put("jsonSchema", request.jsonSchema().orElse(null));
        document.put("system", request.system());
        document.put("messages", request.messages().stream().map(m -> Map.of("role", m.role(), "text", m.text()))
                .toList());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(MAPPER.writeValueAsBytes(document)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a prompt", e);
        }
    }

    private Optional<Path> cacheFile(String key) {
        return cacheDir.map(d -> d.resolve(key.substring(0, 2)).resolve(key + ".json"));
    }

    private Optional<LlmResponse> readCache(String key) {
        Optional<Path> file = cacheFile(key);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            CachedAnswer answer = MAPPER.readValue(Files.readString(file.get(), StandardCharsets.UTF_8),
                    CachedAnswer.class);
            return Optional.of(new LlmResponse(answer.text(), new TokenUsage(answer.inputTokens(),
                    answer.outputTokens()), answer.model()));
        } catch (IOException e) {
            return Optional.empty(); // a damaged entry is a miss; the new answer replaces it
        }
    }

    private void writeCache(String key, LlmResponse response) {
        Optional<Path> file = cacheFile(key);
        if (file.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(file.get().getParent());
            AtomicOutputWriter.replaceFile(file.get(), MAPPER.writeValueAsString(new CachedAnswer(response.text(),
                    response.usage().inputTokens(), response.usage().outputTokens(), response.model())));
        } catch (IOException e) {
            throw new DataMigrateException(ErrorCode.OUTPUT_FAILED, "cannot write the LLM cache in "
                    + file.get().getParent() + ": " + e.getMessage());
        }
    }

    /** One cache entry. */
    record CachedAnswer(String text, long inputTokens, long outputTokens, String model) {
    }

}
