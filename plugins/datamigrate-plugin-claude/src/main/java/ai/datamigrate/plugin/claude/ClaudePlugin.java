package ai.datamigrate.plugin.claude;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.plugin.DataMigratePlugin;

/**
 * Will contribute the Claude LLM provider once the LLM SPI exists. It is registered already so that packaging,
 * discovery and the plugins listing are exercised for it, and it says plainly that it offers nothing yet.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class ClaudePlugin implements DataMigratePlugin {

    @Override
    public String id() {
        return "claude";
    }

    @Override
    public String description() {
        return "Anthropic Claude LLM provider (not yet available: waits for the LLM SPI)";
    }
}
