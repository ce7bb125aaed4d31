package ai.datamigrate.plugin.mssql.internal.data;

import java.util.Locale;
import java.util.Set;

/**
 * Cuts a script's text into pieces that can be tokenized one at a time, so that a large data script is never
 * tokenized whole. A piece ends before a line that starts with {@code INSERT}, {@code SET} or {@code GO} outside
 * strings, quoted names and comments: such a line starts a statement (or a batch), so no statement that this
 * package reads is ever cut in two.
 */
final class TextChunks {

    /** A piece of the text: {@code [start, end)}, starting at the beginning of line {@code line}. */
    record Chunk(int start, int end, int line) {
    }

    private static final Set<String> CUT_WORDS = Set.of("insert", "set", "go");

    private final String text;
    private final int length;
    private int pos;
    private int line = 1;
    // lexical state carried from one piece to the next
    private int commentDepth;
    private char delimiter; // ', " or ] while inside a string or a delimited name; 0 outside

    TextChunks(String text) {
        this.text = text;
        this.length = text.length();
    }

    boolean hasNext() {
        return pos < length;
    }

    Chunk next() {
        int start = pos;
        int startLine = line;
        int i = pos;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
                if (i > start && commentDepth == 0 && delimiter == 0 && startsWithCutWord(i)) {
                    break;
                }
                continue;
            }
            if (delimiter != 0) {
                if (c == delimiter) {
                    if (i + 1 < length && text.charAt(i + 1) == delimiter) {
                        i++; // doubled: an escaped quote or bracket
                    } else {
                        delimiter = 0;
                    }
                }
            } else if (commentDepth > 0) {
                if (c == '*' && i + 1 < length && text.charAt(i + 1) == '/') {
                    commentDepth--;
                    i++;
                } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                    commentDepth++;
                    i++;
                }
            } else if (c == '-' && i + 1 < length && text.charAt(i + 1) == '-') {
                while (i + 1 < length && text.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < length && text.charAt(i + 1) == '*') {
                commentDepth++;
                i++;
            } else if (c == '\'' || c == '"') {
                delimiter = c;
            } else if (c == '[') {
                delimiter = ']';
            }
            i++;
        }
        pos = i;
        return new Chunk(start, i, startLine);
    }

    private boolean startsWithCutWord(int at) {
        int i = at;
        while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        int wordStart = i;
        while (i < length && Character.isLetter(text.charAt(i)) && i - wordStart <= 6) {
            i++;
        }
        if (i == wordStart || i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            return false;
        }
        return CUT_WORDS.contains(text.substring(wordStart, i).toLowerCase(Locale.ROOT));
    }
}
