package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a token stream into batches at {@code GO} lines. {@code GO} is a client command, not T-SQL: it counts
 * only alone on its line (an optional count and a trailing comment allowed). Working on tokens means a {@code GO}
 * inside a string, a bracketed name or a comment never splits anything.
 */
public final class BatchSplitter {

    private BatchSplitter() {
    }

    public static List<Batch> split(List<Token> tokens) {
        List<Batch> batches = new ArrayList<>();
        int from = 0;
        int i = 0;
        int n = tokens.size();
        while (i < n) {
            Token token = tokens.get(i);
            if (token.lineStart() && token.is("GO")) {
                int next = i + 1;
                int repeat = 1;
                if (next < n && tokens.get(next).line() == token.line()
                        && tokens.get(next).type() == TokenType.INTEGER) {
                    repeat = parseCount(tokens.get(next).text());
                    next++;
                }
                if (next >= n || tokens.get(next).line() > token.line()) {
                    if (from < i) {
                        batches.add(new Batch(from, i, repeat));
                    }
                    from = next;
                    i = next;
                    continue;
                }
            }
            i++;
        }
        if (from < n) {
            batches.add(new Batch(from, n, 1));
        }
        return batches;
    }

    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
