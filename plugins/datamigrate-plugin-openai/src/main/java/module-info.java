/**
 * Any OpenAI-compatible chat completions endpoint as LLM provider, through LangChain4j's OpenAI module: OpenAI
 * itself, or a local server (llama.cpp, vLLM, Ollama) for code that must not leave the building. LangChain4j ships
 * automatic modules; their names come from the jar names.
 */
module ai.datamigrate.plugin.openai {
    requires ai.datamigrate.spi;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires langchain4j.core;
    requires langchain4j.http.client;
    requires langchain4j.http.client.jdk;
    requires langchain4j.open.ai;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.openai.OpenAiPlugin;
}
