package ai.datamigrate.plugin.claude.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmProviderFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Creates {@link ClaudeLlmProvider}s; the API key comes from {@code claude.api-key} or {@code $ANTHROPIC_API_KEY}. */
public final class ClaudeLlmProviderFactory implements LlmProviderFactory {

    static final String API_KEY = "claude.api-key";
    static final String MODEL = "claude.model";
    static final String MAX_TOKENS = "claude.max-tokens";
    static final String BASE_URL = "claude.base-url";
    static final String MAX_RETRIES = "claude.max-retries";
    static final String RETRY_INITIAL_MS = "claude.retry-initial-ms";
    static final String TIMEOUT_SECONDS = "claude.timeout-seconds";
    static final String STRUCTURED_OUTPUT = "claude.structured-output";
    static final String ENV_API_KEY = "ANTHROPIC_API_KEY";

    /** Sonnet: the family Anthropic recommends for coding at a middle price; 4.6 is the newest LangChain4j names. */
    static final String DEFAULT_MODEL = "claude-sonnet-4-6";

    private static final ConfigSpec SPEC = new ConfigSpec("claude", List.of(
            ConfigProperty.secret(API_KEY, "Anthropic API key; default: $" + ENV_API_KEY),
            ConfigProperty.of(MODEL, "model id", DEFAULT_MODEL),
            ConfigProperty.of(MAX_TOKENS, "most output tokens one call may ask for", "8192"),
            ConfigProperty.of(BASE_URL, "Messages API base URL (POST <base-url>/messages)",
                    "https://api.anthropic.com/v1"),
            ConfigProperty.of(MAX_RETRIES, "retries of a call after 429, 408, 5xx or a timeout", "4"),
            ConfigProperty.of(RETRY_INITIAL_MS, "first backoff in milliseconds; doubles on every retry (max 30 s)",
                    "1000"),
            ConfigProperty.of(TIMEOUT_SECONDS, "connect and read timeout of one HTTP call", "300"),
            ConfigProperty.of(STRUCTURED_OUTPUT,
                    "send a requested JSON shape as the API's output format (true) or in the system prompt (false)",
                    "true")));

    private final UnaryOperator<String> env;

    public ClaudeLlmProviderFactory() {
        this(System::getenv);
    }

    /** For tests: {@code env} stands for {@link System#getenv(String)}. */
    ClaudeLlmProviderFactory(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "claude";
    }

    @Override
    public String description() {
        return "Anthropic Claude through the Messages API, temperature 0, retries with backoff";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public LlmProvider create(Map<String, String> config, PluginContext context) {
        return new ClaudeLlmProvider(bind(config), context);
    }

    ClaudeConfig bind(Map<String, String> config) {
        SPEC.validate(config);
        String apiKey = SPEC.value(config, API_KEY).filter(k -> !k.isBlank())
                .or(() -> Optional.ofNullable(env.apply(ENV_API_KEY)).filter(k -> !k.isBlank()))
                .orElseThrow(() -> new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE,
                        "no Anthropic API key: set " + ENV_API_KEY + " or --set " + API_KEY + "=..."));
        String model = SPEC.value(config, MODEL).orElseThrow().strip();
        if (model.isEmpty()) {
            throw invalid(MODEL, model, "a model id such as " + DEFAULT_MODEL);
        }
        return new ClaudeConfig(apiKey.strip(), model, intValue(config, MAX_TOKENS, 1), baseUrl(config),
                intValue(config, MAX_RETRIES, 0), intValue(config, RETRY_INITIAL_MS, 0),
                Duration.ofSeconds(intValue(config, TIMEOUT_SECONDS, 1)), booleanValue(config, STRUCTURED_OUTPUT));
    }

    private static String baseUrl(Map<String, String> config) {
        String value = SPEC.value(config, BASE_URL).orElseThrow().strip();
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(BASE_URL, value, "an http(s) URL such as https://api.anthropic.com/v1");
    }

    private static int intValue(Map<String, String> config, String key, int min) {
        String value = SPEC.value(config, key).orElseThrow().strip();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, value, "a whole number, " + min + " or more");
    }

    private static boolean booleanValue(Map<String, String> config, String key) {
        String value = SPEC.value(config, key).orElseThrow().strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    private static DataMigrateException invalid(String key, String value, String expected) {
        return new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid value '" + value + "' for '" + key
                + "'; expected " + expected);
    }
}
