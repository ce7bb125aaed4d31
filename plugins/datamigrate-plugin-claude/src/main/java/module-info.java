/**
 * Anthropic Claude as LLM provider, through LangChain4j's Anthropic module. LangChain4j ships automatic modules;
 * their names come from the jar names.
 */
module ai.datamigrate.plugin.claude {
    requires ai.datamigrate.spi;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires langchain4j.anthropic;
    requires langchain4j.core;
    requires langchain4j.http.client;
    requires langchain4j.http.client.jdk;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.claude.ClaudePlugin;
}
