package ai.datamigrate.plugin.duckdb.internal;

import java.util.List;

/**
 * DuckDB's error messages made one line: the first line of the message, and where DuckDB pointed ({@code LINE n:} and
 * a caret under the text) as {@code (at line n, column c)} in the query's own coordinates.
 */
final class DuckDbErrors {

    private static final String ELLIPSIS = "...";

    private DuckDbErrors() {
    }

    /**
     * @param message  the exception's message
     * @param executed the text DuckDB ran, to place the excerpt DuckDB shows of a long line
     * @param prefix   characters the validator put before the query on its first line, taken off the column
     */
    static String describe(String message, String executed, int prefix) {
        List<String> lines = message.lines().toList();
        String first = lines.isEmpty() ? "" : lines.get(0).strip();
        for (int i = 0; i + 1 < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (!line.startsWith("LINE ") || colon < 0) {
                continue;
            }
            int lineNumber;
            try {
                lineNumber = Integer.parseInt(line.substring("LINE ".length(), colon).strip());
            } catch (NumberFormatException e) {
                continue;
            }
            int textStart = Math.min(colon + 2, line.length());
            int caret = lines.get(i + 1).indexOf('^');
            if (caret < textStart) {
                return first + " (at line " + lineNumber + ")";
            }
            // DuckDB shows a window of a long line between "..."; find the window in the line it was cut from
            String shown = line.substring(textStart);
            int offset = 0;
            if (shown.startsWith(ELLIPSIS)) {
                shown = shown.substring(ELLIPSIS.length());
                offset = ELLIPSIS.length();
            }
            String excerpt = shown.endsWith(ELLIPSIS) ? shown.substring(0, shown.length() - ELLIPSIS.length()) : shown;
            List<String> executedLines = executed.lines().toList();
            String source = lineNumber >= 1 && lineNumber <= executedLines.size() ? executedLines.get(lineNumber - 1)
                    : "";
            int at = source.indexOf(excerpt);
            if (excerpt.isEmpty() || at < 0 || source.indexOf(excerpt, at + 1) >= 0) {
                return first + " (at line " + lineNumber + ")";
            }
            int column = at + (caret - textStart - offset) + 1 - (lineNumber == 1 ? prefix : 0);
            return first + (column >= 1 ? " (at line " + lineNumber + ", column " + column + ")"
                    : " (at line " + lineNumber + ")");
        }
        return first;
    }

    /** {@code (at line n, column c)} of a 0-based character offset into {@code sql}. */
    static String position(String sql, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(offset, sql.length()); i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "(at line " + line + ", column " + column + ")";
    }
}
