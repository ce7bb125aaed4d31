package ai.datamigrate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.llm.LlmException;
import ai.datamigrate.spi.llm.LlmMessage;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmProviderFactory;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.spi.llm.LlmResponse;
import ai.datamigrate.spi.llm.TokenUsage;
import ai.datamigrate.testkit.llm.LoopbackHttpApi;
import ai.datamigrate.testkit.llm.LoopbackHttpApi.Reply;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every LLM provider must satisfy, checked against a {@link LoopbackHttpApi} that stands in for the provider's
 * API: the test says how to point the provider at a URL and what the API's answers look like, the contract checks
 * configuration, the mapping of an answer, the error codes and retries, that the API key never shows in a message,
 * and that calls from several threads work.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface LlmProviderContract {

    /** The key the contract configures; it must reach the API in a header and appear in no message. */
    String API_KEY = "sk-dm-contract-0123456789abcdef";

    /**
     * The factory under test. It must not find an API key anywhere but in the configuration it is given (give it an
     * empty environment), so that the missing-key check means something.
     *
     * @return the factory
     */
    LlmProviderFactory factory();

    /**
     * A complete configuration that sends requests to {@code baseUrl} (whatever path the provider appends) with
     * {@code apiKey}, retrying retriable failures at most 2 times with a backoff of a few milliseconds.
     *
     * @param baseUrl the loopback API's base URL, {@code http://127.0.0.1:<port>/v1}
     * @param apiKey  the API key
     * @return the configuration, namespaced keys
     */
    Map<String, String> config(String baseUrl, String apiKey);

    /**
     * The body of a successful answer in the provider's wire format.
     *
     * @param text         the answer's text
     * @param model        the model that answered
     * @param inputTokens  input tokens used
     * @param outputTokens output tokens used
     * @return the JSON body
     */
    String answer(String text, String model, long inputTokens, long outputTokens);

    /**
     * The body of an error in the provider's wire format.
     *
     * @param status  the HTTP status it comes with
     * @param message the error's message
     * @return the JSON body
     */
    String error(int status, String message);

    private LlmProvider provider(LoopbackHttpApi api) {
        return factory().create(config(api.baseUrl(), API_KEY), new TestPluginContext());
    }

    private static LlmRequest request(String question) {
        return new LlmRequest("You translate T-SQL into dbt models.", List.of(LlmMessage.user(question)),
                Optional.empty(), 256);
    }

    /** Every message of {@code e} and of its causes. */
    private static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n').append(t).append('\n');
        }
        return all.toString();
    }

    @Test
    default void declaresItsApiKeySecret() {
        assertFalse(factory().configSpec().secretKeys().isEmpty(),
                "the API key must be declared secret, so that the host masks it; override if yours needs no key");
    }

    @Test
    default void rejectsUnknownKeysListingTheKnownOnes() {
        String namespace = factory().configSpec().namespace();
        Map<String, String> config = new HashMap<>(config("http://127.0.0.1:9/v1", API_KEY));
        config.put(namespace + ".no-such-key", "1");
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> factory().create(config, new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, e.errorCode());
        assertTrue(e.getMessage().contains(namespace + ".no-such-key"), e.getMessage());
        String known = factory().configSpec().keys().iterator().next();
        assertTrue(e.getMessage().contains(known), "the message lists the known keys: " + e.getMessage());
    }

    /**
     * A configuration under which the provider needs an API key and has none: by default the empty one, i.e. the
     * provider's own public endpoint. A provider that also talks to servers without keys (local ones) still needs a
     * key for its public endpoint.
     *
     * @return the configuration without a key
     */
    default Map<String, String> configWithoutKey() {
        return Map.of();
    }

    @Test
    default void aMissingApiKeyIsAConfigurationErrorNamingTheKey() {
        Map<String, String> config = configWithoutKey();
        factory().configSpec().secretKeys().forEach(key -> assertFalse(config.containsKey(key), key));
        DataMigrateException e = assertThrows(DataMigrateException.class,
                () -> factory().create(config, new TestPluginContext()));
        assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
        assertTrue(factory().configSpec().secretKeys().stream().anyMatch(e.getMessage()::contains),
                "the message says which key to set: " + e.getMessage());
    }

    @Test
    default void sendsTheKeyAndThePromptAndMapsTheAnswer() {
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(new Reply(200,
                answer("select 1 as one", "dm-contract-model-2", 123, 45))))) {
            LlmProvider provider = provider(api);
            LlmResponse response = provider.chat(request("Translate: SELECT 1 AS [one]"));
            assertEquals("select 1 as one", response.text());
            assertEquals(new TokenUsage(123, 45), response.usage());
            assertEquals("dm-contract-model-2", response.model());
            assertEquals(1, api.calls());
            LoopbackHttpApi.Received sent = api.received().get(0);
            assertEquals("POST", sent.method());
            assertTrue(sent.anyHeaderContains(API_KEY), "the API key is sent in a header: " + sent.headers().keySet());
            assertFalse(sent.body().contains(API_KEY), "the API key is not sent in the body");
            assertTrue(sent.body().contains("You translate T-SQL into dbt models."), sent.body());
            assertTrue(sent.body().contains("Translate: SELECT 1 AS [one]"), sent.body());
            assertFalse(provider.model().isBlank());
        }
    }

    @Test
    default void aRefusedKeyIsUnauthorizedAndTheKeyNeverShows() {
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(new Reply(401,
                error(401, "invalid api key: " + API_KEY))))) {
            LlmProvider provider = provider(api);
            LlmException e = assertThrows(LlmException.class, () -> provider.chat(request("hi")));
            assertEquals(LlmException.UNAUTHORIZED, e.errorCode());
            assertFalse(e.errorCode().retriable());
            assertEquals(1, api.calls(), "refused credentials are not retried");
            assertFalse(messages(e).contains(API_KEY), "the key leaks: " + messages(e));
            assertFalse(String.valueOf(provider).contains(API_KEY), "the key leaks: " + provider);
        }
    }

    @Test
    default void anInvalidRequestIsRejectedWithoutRetrying() {
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(new Reply(400, error(400, "max_tokens is too large"))))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request("hi")));
            assertEquals(LlmException.REJECTED, e.errorCode());
            assertEquals(1, api.calls());
        }
    }

    @Test
    default void serverErrorsAreRetriedThenReportedAsExhausted() {
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(new Reply(503, error(503, "overloaded"))))) {
            LlmException e = assertThrows(LlmException.class, () -> provider(api).chat(request("hi")));
            assertEquals(LlmException.RETRIES_EXHAUSTED, e.errorCode());
            assertTrue(e.errorCode().retriable());
            assertEquals(3, api.calls(), "one call and the 2 retries the configuration allows");
        }
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(new Reply(503, error(503, "overloaded")),
                new Reply(200, answer("ok", "dm-contract-model", 1, 1))))) {
            assertEquals("ok", provider(api).chat(request("hi")).text());
            assertEquals(2, api.calls());
        }
    }

    @Test
    default void isSafeToCallFromSeveralThreads() throws Exception {
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(new Reply(200,
                answer("same answer", "dm-contract-model", 2, 3))))) {
            LlmProvider provider = provider(api);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<LlmResponse>> answers = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    String question = "question " + i;
                    answers.add(pool.submit(() -> provider.chat(request(question))));
                }
                for (Future<LlmResponse> answer : answers) {
                    assertEquals("same answer", answer.get().text());
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(12, api.calls());
        }
    }

    @Test
    default void costEstimatesAreNeverNegative() {
        try (LoopbackHttpApi api = new LoopbackHttpApi(List.of(new Reply(200, answer("x", "m", 1, 1))))) {
            OptionalDouble cost = provider(api).estimateCostUsd(new TokenUsage(1_000_000, 1_000_000));
            assertTrue(cost.isEmpty() || cost.getAsDouble() >= 0, "cost " + cost);
        }
    }
}
