package ai.datamigrate.plugin.openai.internal;

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

/**
 * Creates {@link OpenAiLlmProvider}s. The API key ({@code openai.api-key} or {@code $OPENAI_API_KEY}) is required
 * by OpenAI's own endpoint only; local servers are used without one.
 */
public final class OpenAiLlmProviderFactory implements LlmProviderFactory {

    static final String API_KEY = "openai.api-key";
    static final String MODEL = "openai.model";
    static final String MAX_TOKENS = "openai.max-tokens";
    static final String BASE_URL = "openai.base-url";
    static final String MAX_RETRIES = "openai.max-retries";
    static final String RETRY_INITIAL_MS = "openai.retry-initial-ms";
    static final String TIMEOUT_SECONDS = "openai.timeout-seconds";
    static final String STRUCTURED_OUTPUT = "openai.structured-output";
    static final String ENV_API_KEY = "OPENAI_API_KEY";
    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    /** Takes max_tokens and temperature 0, which OpenAI's reasoning models refuse; local servers name their own. */
    static final String DEFAULT_MODEL = "gpt-4.1";

    private static final ConfigSpec SPEC = new ConfigSpec("openai", List.of(
            ConfigProperty.secret(API_KEY, "API key (Bearer token); default: $" + ENV_API_KEY
                    + "; local servers need none"),
            ConfigProperty.of(MODEL, "model id as the server knows it", DEFAULT_MODEL),
            ConfigProperty.of(MAX_TOKENS, "most output tokens one call may ask for", "8192"),
            ConfigProperty.of(BASE_URL, "chat completions base URL (POST <base-url>/chat/completions), e.g. "
                    + "http://localhost:8080/v1 for llama.cpp or http://localhost:11434/v1 for Ollama",
                    OPENAI_BASE_URL),
            ConfigProperty.of(MAX_RETRIES, "retries of a call after 429, 408, 5xx or a timeout", "4"),
            ConfigProperty.of(RETRY_INITIAL_MS, "first backoff in milliseconds; doubles on every retry (max 30 s)",
                    "1000"),
            ConfigProperty.of(TIMEOUT_SECONDS, "connect and read timeout of one HTTP call", "300"),
            ConfigProperty.of(STRUCTURED_OUTPUT,
                    "send a requested JSON shape as response_format json_schema (true) or in the system prompt (false)",
                    "true")));

    private final UnaryOperator<String> env;

    public OpenAiLlmProviderFactory() {
        this(System::getenv);
    }

    /** For tests: {@code env} stands for {@link System#getenv(String)}. */
    OpenAiLlmProviderFactory(UnaryOperator<String> env) {
        this.env = env;
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public String description() {
        return "OpenAI-compatible chat completions (OpenAI, llama.cpp, vLLM, Ollama), temperature 0, retries with "
                + "backoff";
    }

    @Override
    public ConfigSpec configSpec() {
        return SPEC;
    }

    @Override
    public LlmProvider create(Map<String, String> config, PluginContext context) {
        return new OpenAiLlmProvider(bind(config), context);
    }

    OpenAiConfig bind(Map<String, String> config) {
        SPEC.validate(config);
        String baseUrl = baseUrl(config);
        Optional<String> apiKey = SPEC.value(config, API_KEY).filter(k -> !k.isBlank())
                .or(() -> Optional.ofNullable(env.apply(ENV_API_KEY)).filter(k -> !k.isBlank()))
                .map(String::strip);
        if (apiKey.isEmpty() && baseUrl.startsWith("https://api.openai.com")) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "no OpenAI API key: set " + ENV_API_KEY
                    + " or --set " + API_KEY + "=..., or point " + BASE_URL + " at a local server");
        }
        String model = SPEC.value(config, MODEL).orElseThrow().strip();
        if (model.isEmpty()) {
            throw invalid(MODEL, model, "a model id such as " + DEFAULT_MODEL);
        }
        return new OpenAiConfig(apiKey, model, intValue(config, MAX_TOKENS, 1), baseUrl,
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
        throw invalid(BASE_URL, value, "an http(s) URL such as " + OPENAI_BASE_URL + " or http://localhost:8080/v1");
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
