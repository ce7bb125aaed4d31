package ai.datamigrate.support.target;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    @Test
    void escapesWhatWouldEndAColumnOrARow() {
        assertEquals("a\\tb\\nc\\rd\\\\e\\\\N", CopyText.row(Arrays.asList("a\tb\nc\rd\\e\\N")),
                "a value that reads \\N is text, not NULL");
        assertEquals("\\\\x00ff", CopyText.row(Arrays.asList("\\x00ff")), "bytea hex keeps its backslash");
    }

    @Test
    void nullIsBackslashNAndAnEmptyStringIsEmpty() {
        assertEquals("\\N\t\tx", CopyText.row(Arrays.asList(null, "", "x")));
    }

    @Test
    void unicodeIsWrittenAsIs() {
        assertEquals("日本語 😀\tü", CopyText.row(Arrays.asList("日本語 😀", "ü")));
    }
}
