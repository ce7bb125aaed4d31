/**
 * Anthropic Claude as LLM provider, through LangChain4j's Anthropic module, on the chat-model provider that the LLM
 * plugins share ({@code ai.datamigrate.support.llm}). LangChain4j ships automatic modules; their names come from the
 * jar names.
 */
module ai.datamigrate.plugin.claude {
    requires ai.datamigrate.spi;
    requires ai.datamigrate.support.llm;
    requires langchain4j.anthropic;
    requires langchain4j.core;
    requires langchain4j.http.client;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.claude.ClaudePlugin;
}
