package com.example.datamigrate.pii;

import ai.datamigrate.spi.agent.AgentFactory;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import com.example.datamigrate.pii.internal.PiiTaggingAgentFactory;
import java.util.List;

/** The plugin's one entry class: contributes the {@code pii-tagging} agent. */
public final class PiiPlugin implements DataMigratePlugin {

    @Override
    public String id() {
        return "pii";
    }

    @Override
    public String description() {
        return "Tags models whose columns look like personal data (sample third-party plugin)";
    }

    @Override
    public List<AgentFactory> agents() {
        return List.of(new PiiTaggingAgentFactory());
    }
}
