package ai.datamigrate.support.llm;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.UnaryOperator;

/**
 * What makes one chat-model provider different from the others: its configuration namespace, the names, defaults and
 * help texts of its settings, how its API is named in messages, how to build its LangChain4j model and what its models
 * cost. Everything else (the keys every provider takes, their validation, retries, the mapping of requests and
 * answers) is the same for all and lives in this package. Immutable; built with {@link #builder(String, String)}.
 *
 * <p>The keys, all under {@code <namespace>.}: {@code api-key} (secret; default from an environment variable),
 * {@code model}, {@code max-tokens}, {@code base-url}, {@code max-retries}, {@code retry-initial-ms},
 * {@code timeout-seconds}, {@code structured-output}.
 */
public final class ChatModelSpec {

    /** Where the API key is needed. */
    public enum KeyRule {
        /** Every server needs a key. */
        ALWAYS,
        /**
         * The provider's own server (scheme and host of the default base URL) needs a key; others, such as local
         * servers, are called without one.
         */
        DEFAULT_SERVER_ONLY
    }

    private final String namespace;
    private final String description;
    private final String vendor;
    private final String envApiKey;
    private final KeyRule keyRule;
    private final String defaultModel;
    private final String defaultBaseUrl;
    private final String baseUrlExamples;
    private final String endpointName;
    private final ChatModelLlmProvider.ModelBuilder modelBuilder;
    private final ChatModelLlmProvider.CostEstimator costs;
    private final ConfigSpec configSpec;

    private ChatModelSpec(Builder b) {
        this.namespace = b.namespace;
        this.description = b.description;
        this.vendor = Objects.requireNonNull(b.vendor, "apiKey(...)");
        this.envApiKey = b.envApiKey;
        this.keyRule = Objects.requireNonNull(b.keyRule, "apiKey(...)");
        this.defaultModel = Objects.requireNonNull(b.defaultModel, "model(...)");
        this.defaultBaseUrl = Objects.requireNonNull(b.defaultBaseUrl, "server(...)");
        this.baseUrlExamples = b.baseUrlExamples;
        this.endpointName = b.endpointName;
        this.modelBuilder = Objects.requireNonNull(b.modelBuilder, "chatModel(...)");
        this.costs = b.costs;
        this.configSpec = new ConfigSpec(namespace, List.of(
                ConfigProperty.secret(key("api-key"), b.apiKeyHelp),
                ConfigProperty.of(key("model"), b.modelHelp, defaultModel),
                ConfigProperty.of(key("max-tokens"), "most output tokens one call may ask for", "8192"),
                ConfigProperty.of(key("base-url"), b.baseUrlHelp, defaultBaseUrl),
                ConfigProperty.of(key("max-retries"), "retries of a call after 429, 408, 5xx or a timeout", "4"),
                ConfigProperty.of(key("retry-initial-ms"),
                        "first backoff in milliseconds; doubles on every retry (max 30 s)", "1000"),
                ConfigProperty.of(key("timeout-seconds"), "connect and read timeout of one HTTP call", "300"),
                ConfigProperty.of(key("structured-output"), Objects.requireNonNull(b.structuredOutputHelp,
                        "structuredOutput(...)"), "true")));
    }

    /**
     * Starts a spec.
     *
     * @param namespace   the provider's name and the prefix of its keys, e.g. {@code claude}
     * @param description what {@code datamigrate plugins} says about the provider
     * @return the builder
     */
    public static Builder builder(String namespace, String description) {
        return new Builder(namespace, description);
    }

    /** @return the provider's name, also the namespace of its keys */
    public String namespace() {
        return namespace;
    }

    /** @return what the provider is, in one line */
    public String description() {
        return description;
    }

    /** @return the provider's keys, with their defaults and which are secret */
    public ConfigSpec configSpec() {
        return configSpec;
    }

    /**
     * The full name of one of the provider's keys.
     *
     * @param name the key without its namespace, e.g. {@code api-key}
     * @return e.g. {@code claude.api-key}
     */
    public String key(String name) {
        return namespace + "." + name;
    }

    String endpoint(String baseUrl) {
        return endpointName + " " + baseUrl;
    }

    String keyHint() {
        return "check " + key("api-key") + " or $" + envApiKey;
    }

    ChatModelLlmProvider.ModelBuilder modelBuilder() {
        return modelBuilder;
    }

    ChatModelLlmProvider.CostEstimator costs() {
        return costs;
    }

    /**
     * Checks a configuration and binds it: unknown keys, values of the wrong kind and a missing API key are
     * configuration errors that name the key and say what is expected.
     *
     * @param config the provider's settings, namespaced keys
     * @param env    stands for {@link System#getenv(String)}, where the API key comes from by default
     * @return the bound configuration
     */
    public ChatModelConfig bind(Map<String, String> config, UnaryOperator<String> env) {
        configSpec.validate(config);
        String baseUrl = baseUrl(config);
        Optional<String> apiKey = configSpec.value(config, key("api-key")).filter(k -> !k.isBlank())
                .or(() -> Optional.ofNullable(env.apply(envApiKey)).filter(k -> !k.isBlank()))
                .map(String::strip);
        if (apiKey.isEmpty() && (keyRule == KeyRule.ALWAYS || baseUrl.startsWith(origin(defaultBaseUrl)))) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "no " + vendor + " API key: set " + envApiKey
                    + " or --set " + key("api-key") + "=..." + (keyRule == KeyRule.ALWAYS ? ""
                    : ", or point " + key("base-url") + " at a local server"));
        }
        String model = configSpec.value(config, key("model")).orElseThrow().strip();
        if (model.isEmpty()) {
            throw invalid(key("model"), model, "a model id such as " + defaultModel);
        }
        return new ChatModelConfig(apiKey, model, intValue(config, "max-tokens", 1), baseUrl,
                intValue(config, "max-retries", 0), intValue(config, "retry-initial-ms", 0),
                Duration.ofSeconds(intValue(config, "timeout-seconds", 1)), booleanValue(config, "structured-output"));
    }

    private String baseUrl(Map<String, String> config) {
        String value = configSpec.value(config, key("base-url")).orElseThrow().strip();
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(key("base-url"), value, "an http(s) URL such as " + baseUrlExamples);
    }

    /** {@code https://api.openai.com} of {@code https://api.openai.com/v1}. */
    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private int intValue(Map<String, String> config, String name, int min) {
        String value = configSpec.value(config, key(name)).orElseThrow().strip();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key(name), value, "a whole number, " + min + " or more");
    }

    private boolean booleanValue(Map<String, String> config, String name) {
        String value = configSpec.value(config, key(name)).orElseThrow().strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key(name), value, "true or false");
        };
    }

    private static DataMigrateException invalid(String key, String value, String expected) {
        return new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid value '" + value + "' for '" + key
                + "'; expected " + expected);
    }

    /** Collects the parts of a {@link ChatModelSpec}; every part but {@link #costs} is required. */
    public static final class Builder {
        private final String namespace;
        private final String description;
        private String vendor;
        private String envApiKey;
        private String apiKeyHelp;
        private KeyRule keyRule;
        private String defaultModel;
        private String modelHelp;
        private String endpointName;
        private String defaultBaseUrl;
        private String baseUrlHelp;
        private String baseUrlExamples;
        private String structuredOutputHelp;
        private ChatModelLlmProvider.ModelBuilder modelBuilder;
        private ChatModelLlmProvider.CostEstimator costs = (model, usage) -> OptionalDouble.empty();

        private Builder(String namespace, String description) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            this.description = Objects.requireNonNull(description, "description");
        }

        /**
         * The API key.
         *
         * @param vendor    whose key it is, for the message when it is missing: "no {@code vendor} API key"
         * @param envApiKey the environment variable it is read from when the configuration has none
         * @param help      the help text of {@code api-key}
         * @param rule      where a key is needed
         * @return this builder
         */
        public Builder apiKey(String vendor, String envApiKey, String help, KeyRule rule) {
            this.vendor = vendor;
            this.envApiKey = envApiKey;
            this.apiKeyHelp = help;
            this.keyRule = rule;
            return this;
        }

        /**
         * The model setting.
         *
         * @param defaultModel the model used when none is set
         * @param help         the help text of {@code model}
         * @return this builder
         */
        public Builder model(String defaultModel, String help) {
            this.defaultModel = defaultModel;
            this.modelHelp = help;
            return this;
        }

        /**
         * The server.
         *
         * @param endpointName   how messages name it, followed by its base URL: e.g. {@code Anthropic API at}
         * @param defaultBaseUrl the base URL used when none is set
         * @param help           the help text of {@code base-url}
         * @param examples       what an invalid base URL's message offers instead: "an http(s) URL such as ..."
         * @return this builder
         */
        public Builder server(String endpointName, String defaultBaseUrl, String help, String examples) {
            this.endpointName = endpointName;
            this.defaultBaseUrl = defaultBaseUrl;
            this.baseUrlHelp = help;
            this.baseUrlExamples = examples;
            return this;
        }

        /**
         * The help text of {@code structured-output}: what the API does with a requested JSON shape.
         *
         * @param help the text
         * @return this builder
         */
        public Builder structuredOutput(String help) {
            this.structuredOutputHelp = help;
            return this;
        }

        /**
         * How to build the provider's LangChain4j model.
         *
         * @param builder the model builder
         * @return this builder
         */
        public Builder chatModel(ChatModelLlmProvider.ModelBuilder builder) {
            this.modelBuilder = builder;
            return this;
        }

        /**
         * What the provider's models cost; by default nothing is known.
         *
         * @param costs the estimator
         * @return this builder
         */
        public Builder costs(ChatModelLlmProvider.CostEstimator costs) {
            this.costs = Objects.requireNonNull(costs, "costs");
            return this;
        }

        /** @return the spec */
        public ChatModelSpec build() {
            return new ChatModelSpec(this);
        }
    }
}
