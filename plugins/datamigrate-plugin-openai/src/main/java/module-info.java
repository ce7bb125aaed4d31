/**
 * Any OpenAI-compatible chat completions endpoint as LLM provider, through LangChain4j's OpenAI module: OpenAI
 * itself, or a local server (llama.cpp, vLLM, Ollama) for code that must not leave the building. Built on the
 * chat-model provider that the LLM plugins share ({@code ai.datamigrate.support.llm}). LangChain4j ships automatic
 * modules; their names come from the jar names.
 */
module ai.datamigrate.plugin.openai {
    requires ai.datamigrate.spi;
    requires ai.datamigrate.support.llm;
    requires langchain4j.core;
    requires langchain4j.http.client;
    requires langchain4j.open.ai;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.openai.OpenAiPlugin;
}
