package ai.datamigrate.plugin.dbt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes YAML the way dbt projects are usually written: no document marker, few quotes, indented lists. */
final class Yaml {

    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            // '2' must stay a string where we write a string.
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            // Long Jinja expressions and descriptions stay on one line; multi-line text becomes a '|' block.
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private Yaml() {
    }

    /** An insertion-ordered mapping, so that keys come out in the order dbt users expect. */
    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }

    static String write(Object tree) {
        try {
            String yaml = MAPPER.writeValueAsString(tree);
            return yaml.endsWith("\n") ? yaml : yaml + "\n";
        } catch (JsonProcessingException e) {
            // Only maps, lists, strings and numbers are written; failing here is a bug.
            throw new IllegalStateException("cannot write YAML", e);
        }
    }
}
