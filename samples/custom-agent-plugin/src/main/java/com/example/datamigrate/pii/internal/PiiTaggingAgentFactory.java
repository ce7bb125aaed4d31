package com.example.datamigrate.pii.internal;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.agent.Agent;
import ai.datamigrate.spi.agent.AgentFactory;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.config.ConfigSpec;
import java.util.List;
import java.util.Map;

/** Creates the agent from its configuration (namespace {@code pii-tagging}). */
public final class PiiTaggingAgentFactory implements AgentFactory {

    static final String NAME = "pii-tagging";
    static final String PLACEMENT = NAME + ".placement";
    static final String TAG = NAME + ".tag";
    static final String EXTRA_PATTERNS = NAME + ".extra-patterns";
    /** After the models exist (so views' output columns are known), before validation may send some back. */
    static final String DEFAULT_PLACEMENT = "after:model-generation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "tags models with columns that look like personal data (meta pii, tag pii)";
    }

    @Override
    public String placement() {
        return DEFAULT_PLACEMENT;
    }

    @Override
    public ConfigSpec configSpec() {
        return new ConfigSpec(NAME, List.of(
                ConfigProperty.of(PLACEMENT, "where the agent runs: before:<step> or after:<step>", DEFAULT_PLACEMENT),
                ConfigProperty.of(TAG, "the dbt tag given to models with personal data", "pii"),
                ConfigProperty.of(EXTRA_PATTERNS, "more column-name patterns, ';'-separated, each 'category=regex' "
                        + "or 'regex' (category custom), matched against the snake_case column name", "")));
    }

    @Override
    public Agent create(Map<String, String> config, PluginContext context) {
        return new PiiTaggingAgent(PiiConfig.bind(configSpec(), config));
    }
}
