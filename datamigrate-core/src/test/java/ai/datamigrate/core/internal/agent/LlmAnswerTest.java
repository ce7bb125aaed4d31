package ai.datamigrate.core.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LlmAnswerTest {

    @Test
    void acceptsTheAskedShapeWithOrWithoutAJsonFence() {
        LlmAnswer plain = LlmAnswer.parse("{\"sql\": \"select 1 as x;\", \"materialization\": \"view\"}");
        assertEquals("select 1 as x", plain.sql());
        assertEquals(Optional.empty(), plain.notes());
        LlmAnswer fenced = LlmAnswer.parse("```json\n{\"sql\": \"select 2\", \"materialization\": \"table\", "
                + "\"notes\": \"n\"}\n```");
        assertEquals("table", fenced.materialization());
        assertEquals(Optional.of("n"), fenced.notes());
    }

    @Test
    void rejectsEverythingElseWithAReasonForTheRetry() {
        assertTrue(message("Sure! select 1").contains("not one JSON object"));
        assertTrue(message("{\"sql\": \"select 1\"}").contains("materialization"));
        assertTrue(message("{\"sql\": \"\", \"materialization\": \"view\"}").contains("non-empty"));
        assertTrue(message("{\"sql\": \"select 1\", \"materialization\": \"incremental\"}").contains("view"));
        assertTrue(message("{\"sql\": \"select 1\", \"materialization\": \"view\", \"run\": \"drop\"}")
                .contains("unexpected field 'run'"));
        assertTrue(message("{\"sql\": \"select 1\", \"sql\": \"drop table t\", \"materialization\": \"view\"}")
                .contains("not one JSON object"));
        assertTrue(message("{\"sql\": \"select 1\", \"materialization\": \"view\"} {\"sql\": \"x\"}")
                .contains("not one JSON object"));
        assertTrue(message("```sql\nselect 1\n```").contains("not json"));
        assertTrue(message("[1]").contains("not a JSON object"));
    }

    private static String message(String answer) {
        return assertThrows(IllegalArgumentException.class, () -> LlmAnswer.parse(answer)).getMessage();
    }
}
