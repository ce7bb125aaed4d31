package ai.datamigrate.plugin.openai;

import ai.datamigrate.plugin.openai.internal.OpenAiLlmSpec;
import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.llm.LlmProviderFactory;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.support.llm.ChatModelProviderFactory;
import java.util.List;

/**
 * Contributes the {@code openai} LLM provider: any OpenAI-compatible chat completions endpoint, so that teams that
 * cannot send code to a third party can point the pipeline at a model they run themselves.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class OpenAiPlugin implements DataMigratePlugin {

    @Override
    public String id() {
        return "openai";
    }

    @Override
    public String description() {
        return "OpenAI-compatible LLM provider (OpenAI, llama.cpp, vLLM, Ollama; chat completions via LangChain4j)";
    }

    @Override
    public List<LlmProviderFactory> llmProviders() {
        return List.of(new ChatModelProviderFactory(OpenAiLlmSpec.SPEC));
    }
}
