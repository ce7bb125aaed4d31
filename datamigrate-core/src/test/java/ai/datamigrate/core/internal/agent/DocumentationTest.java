package ai.datamigrate.core.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DocumentationTest {

    @Test
    void aDescriptionIsOneStrictJsonObject() {
        assertEquals("Orders per customer.", Documentation.parse(" {\"description\": \" Orders per customer. \"} "));
        for (String bad : new String[] {"Orders per customer.", "{\"description\": \"\"}", "{\"description\": 1}",
                "{\"description\": \"a\", \"sql\": \"drop table t\"}", "{\"description\": \"a\"} {}",
                "{\"description\": \"" + "x".repeat(2001) + "\"}"}) {
            assertThrows(IllegalArgumentException.class, () -> Documentation.parse(bad), bad);
        }
    }
}
