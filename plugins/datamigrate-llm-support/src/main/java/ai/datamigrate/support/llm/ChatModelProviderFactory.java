package ai.datamigrate.support.llm;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.config.ConfigSpec;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmProviderFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The {@link LlmProviderFactory} of a chat-model provider: binds the {@code <namespace>.*} settings its
 * {@link ChatModelSpec} declares and creates a {@link ChatModelLlmProvider}. Immutable.
 */
public final class ChatModelProviderFactory implements LlmProviderFactory {

    private final ChatModelSpec spec;
    private final UnaryOperator<String> env;
    private final ChatModelLlmProvider.Sleeper sleeper;

    /**
     * A factory that reads the API key's environment variable with {@link System#getenv(String)}.
     *
     * @param spec the provider
     */
    public ChatModelProviderFactory(ChatModelSpec spec) {
        this(spec, System::getenv, Thread::sleep);
    }

    private ChatModelProviderFactory(ChatModelSpec spec, UnaryOperator<String> env,
                                     ChatModelLlmProvider.Sleeper sleeper) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.env = Objects.requireNonNull(env, "env");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * For tests: this factory with another environment.
     *
     * @param env stands for {@link System#getenv(String)}
     * @return the new factory
     */
    public ChatModelProviderFactory withEnv(UnaryOperator<String> env) {
        return new ChatModelProviderFactory(spec, env, sleeper);
    }

    /**
     * For tests: this factory with providers that wait between attempts with {@code sleeper}.
     *
     * @param sleeper what waits, e.g. one that records the waits
     * @return the new factory
     */
    public ChatModelProviderFactory withSleeper(ChatModelLlmProvider.Sleeper sleeper) {
        return new ChatModelProviderFactory(spec, env, sleeper);
    }

    @Override
    public String name() {
        return spec.namespace();
    }

    @Override
    public String description() {
        return spec.description();
    }

    @Override
    public ConfigSpec configSpec() {
        return spec.configSpec();
    }

    @Override
    public LlmProvider create(Map<String, String> config, PluginContext context) {
        return new ChatModelLlmProvider(spec, bind(config), context, sleeper);
    }

    /**
     * Checks and binds a configuration, as {@link #create} does.
     *
     * @param config the provider's settings, namespaced keys
     * @return the bound configuration
     */
    public ChatModelConfig bind(Map<String, String> config) {
        return spec.bind(config, env);
    }
}
