package ai.datamigrate.plugin.claude;

import ai.datamigrate.plugin.claude.internal.ClaudeLlmSpec;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.llm.LlmProviderFactory;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.support.llm.ChatModelProviderFactory;
import java.util.List;

/** Contributes the {@code claude} LLM provider: Anthropic's Messages API through LangChain4j. */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class ClaudePlugin implements DataMigratePlugin {

    @Override
    public String id() {
        return "claude";
    }

    @Override
    public String description() {
        return "Anthropic Claude LLM provider (Messages API via LangChain4j)";
    }

    @Override
    public List<LlmProviderFactory> llmProviders() {
        return List.of(new ChatModelProviderFactory(ClaudeLlmSpec.SPEC));
    }
}
