package ai.datamigrate.support.target;

import java.util.Locale;

/**
 * Where raw tables live: the source's {@code dbo} schema in the raw schema itself, every other source schema in
 * {@code <raw>_<schema in snake_case>} — the layout the dbt plugin's sources point to.
 */
public final class RawLayout {

    private RawLayout() {
    }

    public static String schemaFor(String rawSchema, String sourceSchema) {
        return sourceSchema.equalsIgnoreCase("dbo") ? rawSchema : rawSchema + "_" + snake(sourceSchema);
    }

    /** {@code HumanResources} to {@code human_resources}, {@code Sales Data} to {@code sales_data}. */
    public static String snake(String name) {
        StringBuilder out = new StringBuilder();
        char[] chars = name.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (Character.isLetterOrDigit(c)) {
                boolean boundary = Character.isUpperCase(c) && i > 0
                        && (Character.isLowerCase(chars[i - 1]) || Character.isDigit(chars[i - 1])
                        || (i + 1 < chars.length && Character.isUpperCase(chars[i - 1])
                        && Character.isLowerCase(chars[i + 1])));
                if (boundary && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
        }
        while (out.length() > 0 && out.charAt(out.length() - 1) == '_') {
            out.setLength(out.length() - 1);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
