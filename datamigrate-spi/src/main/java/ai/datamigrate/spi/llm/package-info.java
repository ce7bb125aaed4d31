/**
 * Large language model providers: one chat call with a system prompt, messages and an optional JSON shape for
 * the answer. The host wraps every provider with a response cache, a budget and a rate limit, so providers only
 * speak their wire protocol.
 */
package ai.datamigrate.spi.llm;
