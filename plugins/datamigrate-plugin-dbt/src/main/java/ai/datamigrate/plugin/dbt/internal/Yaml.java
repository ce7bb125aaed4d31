package ai.datamigrate.plugin.dbt.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** The words YAML 1.1 reads as booleans or null, which the mapper quotes (MINIMIZE_QUOTES keeps them quoted). */
    private static final Set<String> RESERVED = Set.of("false", "False", "FALSE", "n", "N", "no", "No", "NO", "null",
            "Null", "NULL", "on", "On", "ON", "off", "Off", "OFF", "true", "True", "TRUE", "y", "Y", "yes", "Yes", "YES");

    private Yaml() {
    }

    /** An insertion-ordered mapping, so that keys come out in the order dbt users expect. */
    static Map<String, Object> map() {
        return new LinkedHashMap<>();
    }

    static String write(Object tree) {
        String fast = Fast.write(tree);
        return fast != null ? fast : jackson(tree);
    }

    /** The mapper's rendering of a tree: the definition of the output. */
    static String jackson(Object tree) {
        try {
            String yaml = MAPPER.writeValueAsString(tree);
            return yaml.endsWith("\n") ? yaml : yaml + "\n";
        } catch (JsonProcessingException e) {
            // Only maps, lists, strings and numbers are written; failing here is a bug.
            throw new IllegalStateException("cannot write YAML", e);
        }
    }

    /**
     * The same text as {@link #jackson} without the mapper's event pipeline, which was a quarter of the time of a large
     * migration: block mappings and sequences are laid out here, and every scalar is written as the mapper writes it
     * (plain when it is plainly safe, otherwise the mapper's own rendering of that scalar). Returns null for a tree it
     * does not cover (multi-line text, other value types, sequences directly in sequences, a root that is not a
     * mapping), which the mapper writes.
     */
    private static final class Fast {

        private final StringBuilder out = new StringBuilder(1 << 12);

        static String write(Object tree) {
            Fast fast = new Fast();
            if (tree instanceof Map<?, ?> map && !map.isEmpty()) {
                return fast.mapping(map, 0, false) ? fast.out.toString() : null;
            }
            return null; // a sequence at the root is indented differently; our files are mappings
        }

        /** A block mapping at {@code indent}; {@code inItem}: its first key follows a sequence's "- ". */
        private boolean mapping(Map<?, ?> map, int indent, boolean inItem) {
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    return false;
                }
                if (!(first && inItem)) {
                    indent(indent);
                }
                first = false;
                String name = key(key);
                if (name == null) {
                    return false;
                }
                out.append(name).append(':');
                if (!value(entry.getValue(), indent)) {
                    return false;
                }
            }
            return true;
        }

        /** The value of a mapping entry whose key is at {@code indent}, from just after its ':'. */
        private boolean value(Object value, int indent) {
            if (value instanceof Map<?, ?> map) {
                if (map.isEmpty()) {
                    out.append(" {}\n");
                    return true;
                }
                out.append('\n');
                return mapping(map, indent + 2, false);
            }
            if (value instanceof List<?> list) {
                if (list.isEmpty()) {
                    out.append(" []\n");
                    return true;
                }
                out.append('\n');
                return sequence(list, indent + 2);
            }
            String scalar = scalar(value);
            if (scalar == null) {
                return false;
            }
            out.append(' ').append(scalar).append('\n');
            return true;
        }

        /** A block sequence whose "- " indicators are at {@code indent}. */
        private boolean sequence(List<?> list, int indent) {
            for (Object item : list) {
                indent(indent);
                out.append("- ");
                if (item instanceof Map<?, ?> map) {
                    if (map.isEmpty()) {
                        out.append("{}\n");
                    } else if (!mapping(map, indent + 2, true)) {
                        return false;
                    }
                } else if (item instanceof List<?>) {
                    return false;
                } else {
                    String scalar = scalar(item);
                    if (scalar == null) {
                        return false;
                    }
                    out.append(scalar).append('\n');
                }
            }
            return true;
        }

        private void indent(int indent) {
            for (int i = 0; i < indent; i++) {
                out.append(' ');
            }
        }

        /** A mapping key as the mapper writes it, or null to leave the tree to the mapper. */
        private static String key(String key) {
            if (plain(key) && key.length() < 128) {
                return key;
            }
            String yaml = jackson(Collections.singletonMap(key, "v"));
            return yaml.endsWith(": v\n") && yaml.indexOf('\n') == yaml.length() - 1 && !yaml.startsWith("?")
                    ? yaml.substring(0, yaml.length() - 4) : null;
        }

        /** A scalar value as the mapper writes it, or null to leave the tree to the mapper. */
        private static String scalar(Object value) {
            if (value instanceof String text) {
                if (plain(text)) {
                    return text;
                }
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                return value.toString();
            } else if (value instanceof Boolean) {
                return value.toString();
            } else if (!(value instanceof Number) && value != null) {
                return null;
            }
            String yaml = jackson(Collections.singletonMap("k", value));
            return yaml.startsWith("k: ") && yaml.indexOf('\n') == yaml.length() - 1
                    ? yaml.substring(3, yaml.length() - 1) : null;
        }

        /**
         * Whether the mapper writes this string plain, as it is, both as a key and as a value: it starts with a letter
         * or '_', holds only ASCII letters, digits, '_', '.', '(', ')' and inner spaces, and is not a word YAML reads
         * as a boolean or null. Nothing else is decided here.
         */
        static boolean plain(String text) {
            int n = text.length();
            if (n == 0 || text.charAt(n - 1) == ' ' || RESERVED.contains(text)) {
                return false;
            }
            char c = text.charAt(0);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')) {
                return false;
            }
            for (int i = 1; i < n; i++) {
                c = text.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                        || c == '(' || c == ')' || c == ' ')) {
                    return false;
                }
            }
            return true;
        }
    }
}
