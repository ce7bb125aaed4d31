package com.example.datamigrate.pii.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.config.ConfigSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The agent's configuration, bound and checked once.
 *
 * @param tag      the tag models with personal data get
 * @param patterns the rules in the order they are tried: the configured ones first, then the built-in ones
 */
record PiiConfig(String tag, List<PiiRules.Rule> patterns) {

    PiiConfig {
        patterns = List.copyOf(patterns);
    }

    static PiiConfig bind(ConfigSpec spec, Map<String, String> config) {
        spec.validate(config);
        String tag = spec.value(config, PiiTaggingAgentFactory.TAG).orElseThrow().strip();
        if (!tag.matches("[a-z][a-z0-9_-]*")) {
            throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid value '" + tag + "' for '"
                    + PiiTaggingAgentFactory.TAG + "'; a dbt tag here is [a-z][a-z0-9_-]*");
        }
        List<PiiRules.Rule> rules = new ArrayList<>();
        String extra = spec.value(config, PiiTaggingAgentFactory.EXTRA_PATTERNS).orElse("");
        for (String entry : extra.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            String category = equals > 0 ? entry.substring(0, equals).strip() : "custom";
            String regex = equals > 0 ? entry.substring(equals + 1).strip() : entry.strip();
            if (!category.matches("[a-z][a-z0-9_]*")) {
                throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid category '" + category
                        + "' in '" + PiiTaggingAgentFactory.EXTRA_PATTERNS + "'; expected [a-z][a-z0-9_]*");
            }
            try {
                rules.add(new PiiRules.Rule(category, Pattern.compile(regex)));
            } catch (PatternSyntaxException e) {
                throw new DataMigrateException(ErrorCode.CONFIG_INVALID_VALUE, "invalid pattern '" + regex + "' in '"
                        + PiiTaggingAgentFactory.EXTRA_PATTERNS + "': " + e.getDescription());
            }
        }
        rules.addAll(PiiRules.BUILT_IN);
        return new PiiConfig(tag, rules);
    }
}
