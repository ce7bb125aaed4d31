package ai.datamigrate.support.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.config.ConfigProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The keys every chat-model provider takes: defaults, validation, where the API key comes from and when it is needed. */
class ChatModelSpecTest {

    private static final ChatModelSpec ALWAYS = LoopbackChatModel.spec(ChatModelSpec.KeyRule.ALWAYS);
    private static final ChatModelSpec DEFAULT_SERVER_ONLY =
            LoopbackChatModel.spec(ChatModelSpec.KeyRule.DEFAULT_SERVER_ONLY);
    private static final UnaryOperator<String> NO_ENV = name -> null;

    @Test
    void declaresEveryKeyWithItsDefaultAndTheKeySecret() {
        assertEquals("loop", ALWAYS.configSpec().namespace());
        assertEquals(List.of("loop.api-key", "loop.model", "loop.max-tokens", "loop.base-url", "loop.max-retries",
                "loop.retry-initial-ms", "loop.timeout-seconds", "loop.structured-output"),
                ALWAYS.configSpec().properties().stream().map(ConfigProperty::key).toList());
        assertEquals(Set.of("loop.api-key"), ALWAYS.configSpec().secretKeys());
        ChatModelConfig config = ALWAYS.bind(Map.of("loop.api-key", " k "), NO_ENV);
        assertEquals(new ChatModelConfig(Optional.of("k"), "loop-1", 8192, "https://api.loop.example/v1", 4, 1000,
                Duration.ofSeconds(300), true), config);
    }

    @Test
    void theKeyComesFromTheConfigurationElseFromTheEnvironment() {
        UnaryOperator<String> env = name -> name.equals("LOOP_KEY") ? "sk-from-env" : null;
        assertEquals(Optional.of("sk-from-env"), ALWAYS.bind(Map.of(), env).apiKey());
        assertEquals(Optional.of("sk-set"), ALWAYS.bind(Map.of("loop.api-key", "sk-set"), env).apiKey(),
                "configuration wins over the environment");
        assertEquals(Optional.of("sk-from-env"), ALWAYS.bind(Map.of("loop.api-key", " "), env).apiKey(),
                "a blank key is no key");
    }

    @Test
    void aMissingKeyIsAConfigurationErrorWhereAKeyIsNeeded() {
        DataMigrateException always = assertThrows(DataMigrateException.class,
                () -> ALWAYS.bind(Map.of("loop.base-url", "http://localhost:8080/v1"), NO_ENV));
        assertEquals(ErrorCode.CONFIG_INVALID_VALUE, always.errorCode());
        assertEquals("no Loop API key: set LOOP_KEY or --set loop.api-key=...", always.getMessage());

        DataMigrateException atTheDefaultServer = assertThrows(DataMigrateException.class,
                () -> DEFAULT_SERVER_ONLY.bind(Map.of(), NO_ENV));
        assertEquals("no Loop API key: set LOOP_KEY or --set loop.api-key=..., or point loop.base-url at a local "
                + "server", atTheDefaultServer.getMessage());
        assertThrows(DataMigrateException.class,
                () -> DEFAULT_SERVER_ONLY.bind(Map.of("loop.base-url", "https://api.loop.example/v2"), NO_ENV));
        assertEquals(Optional.empty(),
                DEFAULT_SERVER_ONLY.bind(Map.of("loop.base-url", "http://localhost:8080/v1"), NO_ENV).apiKey());
    }

    @Test
    void badValuesAndUnknownKeysAreRejectedWithWhatIsExpected() {
        DataMigrateException unknown = assertThrows(DataMigrateException.class,
                () -> ALWAYS.bind(Map.of("loop.api-key", "k", "loop.modle", "x"), NO_ENV));
        assertEquals(ErrorCode.CONFIG_UNKNOWN_KEY, unknown.errorCode());
        assertTrue(unknown.getMessage().contains("loop.model"), unknown.getMessage());
        Map<String, String> expected = Map.of(
                "loop.max-tokens", "a whole number, 1 or more",
                "loop.max-retries", "a whole number, 0 or more",
                "loop.retry-initial-ms", "a whole number, 0 or more",
                "loop.timeout-seconds", "a whole number, 1 or more",
                "loop.base-url", "an http(s) URL such as https://api.loop.example/v1",
                "loop.structured-output", "true or false",
                "loop.model", "a model id such as loop-1");
        Map<String, String> bad = Map.of("loop.max-tokens", "0", "loop.max-retries", "-1", "loop.retry-initial-ms",
                "soon", "loop.timeout-seconds", "0", "loop.base-url", "api.loop.example", "loop.structured-output",
                "yes", "loop.model", " ");
        bad.forEach((key, value) -> {
            DataMigrateException e = assertThrows(DataMigrateException.class,
                    () -> ALWAYS.bind(Map.of("loop.api-key", "k", key, value), NO_ENV));
            assertEquals(ErrorCode.CONFIG_INVALID_VALUE, e.errorCode());
            assertEquals("invalid value '" + value.strip() + "' for '" + key + "'; expected " + expected.get(key),
                    e.getMessage());
        });
    }

    @Test
    void theConfigurationNeverPrintsTheKey() {
        ChatModelConfig config = ALWAYS.bind(Map.of("loop.api-key", "sk-loop-secret"), NO_ENV);
        assertFalse(config.toString().contains("sk-loop-secret"), config.toString());
        assertTrue(config.toString().contains("apiKey=****"), config.toString());
        assertTrue(DEFAULT_SERVER_ONLY.bind(Map.of("loop.base-url", "http://localhost:1/v1"), NO_ENV).toString()
                .contains("apiKey=none"));
    }

    @Test
    void aSpecNeedsEveryPartButTheCosts() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> ChatModelSpec.builder("x", "y").model("m", "model").build());
        assertEquals("apiKey(...)", e.getMessage());
    }
}
