/**
 * What the LangChain4j-based LLM provider plugins share: retries that honour {@code Retry-After}, the HTTP client that
 * keeps that header, the configuration every provider takes and the {@code LlmProvider} around a chat model. Not an
 * API: the package is exported to those plugins only, and the module provides no service of its own (the plugins are
 * what ServiceLoader finds). LangChain4j ships automatic modules; their names come from the jar names.
 */
module ai.datamigrate.support.llm {
    requires transitive ai.datamigrate.spi;
    requires transitive langchain4j.core;
    requires transitive langchain4j.http.client;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires langchain4j.http.client.jdk;

    exports ai.datamigrate.support.llm to ai.datamigrate.plugin.claude, ai.datamigrate.plugin.openai;
}
