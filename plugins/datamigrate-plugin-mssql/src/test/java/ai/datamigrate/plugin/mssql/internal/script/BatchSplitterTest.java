package ai.datamigrate.plugin.mssql.internal.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BatchSplitterTest {

    /** Each batch as its tokens' text joined by spaces, with its repeat count when not 1. */
    private static List<String> batches(String sql) {
        List<Token> tokens = Lexer.tokenize(sql);
        return BatchSplitter.split(tokens).stream()
                .map(b -> tokens.subList(b.from(), b.to()).stream().map(Token::text).collect(Collectors.joining(" "))
                        + (b.repeat() == 1 ? "" : " x" + b.repeat()))
                .toList();
    }

    @Test
    void splitsOnGoLinesInAnyCase() {
        assertEquals(List.of("a", "b", "c"), batches("a\nGO\nb\n  go  \nc"));
    }

    @Test
    void goWithCountAndTrailingComment() {
        assertEquals(List.of("a x2", "b"), batches("a\nGO 2 -- twice\nb\nGo -- done"));
    }

    @Test
    void goInsideStringsCommentsAndNamesDoesNotSplit() {
        assertEquals(List.of("'x\nGO\ny' [a\nGO\nb]"), batches("'x\nGO\ny' /*\nGO\n*/ [a\nGO\nb]"));
    }

    @Test
    void goThatIsNotAloneOnItsLineDoesNotSplit() {
        assertEquals(List.of("SELECT 1 AS go", "go x"), batches("SELECT 1 AS go\nGO\ngo x"));
    }

    @Test
    void emptyBatchesAreDropped() {
        assertEquals(List.of("a"), batches("GO\nGO\na\nGO\n\nGO\n"));
    }
}
