/** Anthropic Claude as LLM provider. A shell until the agent and LLM SPIs land (issue: multi-agent pipeline). */
module ai.datamigrate.plugin.claude {
    requires ai.datamigrate.spi;

    provides ai.datamigrate.spi.plugin.DataMigratePlugin with ai.datamigrate.plugin.claude.ClaudePlugin;
}
