package ai.datamigrate.support.target;

import java.util.List;

/**
 * PostgreSQL's {@code COPY ... FROM STDIN} text format: columns separated by tabs, rows by newlines, {@code \N} for
 * NULL, and backslash escapes for the characters that would otherwise end a column or a row.
 */
public final class CopyText {

    public static final String NULL = "\\N";

    private CopyText() {
    }

    /** Appends one value, escaped; {@code null} becomes {@code \N}. */
    public static void appendValue(StringBuilder out, String value) {
        append(out, value, true);
    }

    /**
     * Like {@link #appendValue}, but backspace, form feed and vertical tab are kept as they are: only what would end
     * a value or a line, and the backslash, is escaped (plain TSV with backslash escapes).
     */
    static void appendTsvValue(StringBuilder out, String value) {
        append(out, value, false);
    }

    private static void append(StringBuilder out, String value, boolean controls) {
        if (value == null) {
            out.append(NULL);
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append(controls ? "\\b" : "\b");
                case '\f' -> out.append(controls ? "\\f" : "\f");
                case '\u000b' -> out.append(controls ? "\\v" : "\u000b");
                default -> out.append(c);
            }
        }
    }

    /** Appends one row, newline included. */
    public static void appendRow(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendValue(out, values.get(i));
        }
        out.append('\n');
    }

    public static String row(List<String> values) {
        StringBuilder out = new StringBuilder();
        appendRow(out, values);
        return out.substring(0, out.length() - 1);
    }
}
