package ai.datamigrate.support.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectFileTest {

    @TempDir
    Path dir;

    @Test
    void copyTextRowsCanBeFedBackToCopy() throws IOException {
        try (RejectFile rejects = new RejectFile(dir.resolve("rejects"), "raw", "T", RejectFile.Format.COPY_TEXT)) {
            rejects.add("a.sql:3:1", "column x: bad\tvalue", Arrays.asList("1", null, "a\bb"));
            rejects.addRaw("a.csv:7", "2 values for 3 columns", "1\t2");
            assertEquals(2, rejects.count());
        }
        assertEquals(List.of("# location\treason\trow (PostgreSQL COPY text format)",
                        "a.sql:3:1\tcolumn x: bad\\tvalue\t1\t\\N\ta\\bb",
                        "a.csv:7\t2 values for 3 columns\t1\t2"),
                Files.readAllLines(dir.resolve("rejects/raw.T.rejects.tsv")));
    }

    @Test
    void tsvEscapesOnlyWhatEndsAValueOrALine() throws IOException {
        try (RejectFile rejects = new RejectFile(dir, "raw", "T", RejectFile.Format.TSV)) {
            rejects.add("a.sql:3:1", "why", Arrays.asList("x\\y", null, "a\bb\nc"));
        }
        assertEquals(List.of("# location\treason\tvalues...", "a.sql:3:1\twhy\tx\\\\y\t\\N\ta\bb\\nc"),
                Files.readAllLines(dir.resolve("raw.T.rejects.tsv")));
    }

    @Test
    void noRejectsNoFileAndAnEarlierFileIsRemoved() throws IOException {
        Path old = Files.writeString(dir.resolve("raw.T.rejects.tsv"), "from an earlier run\n");
        try (RejectFile rejects = new RejectFile(dir, "raw", "T", RejectFile.Format.TSV)) {
            assertEquals(old, rejects.path());
            assertEquals(0, rejects.count());
        }
        assertTrue(Files.notExists(old));
    }
}
