package ai.datamigrate.plugin.mssql.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-level reader for UTF-8 files cuts rows and fields exactly as the general, character-level one. */
class BulkInsertFileTest {

    @TempDir
    Path dir;

    private static List<String> rows(BulkInsertFile file, boolean bytes, long first, long last) throws Exception {
        List<String> out = new ArrayList<>();
        BulkInsertFile.Rows collect = (fields, number) -> {
            out.add(number + ":" + String.join("|", fields));
            return true;
        };
        if (bytes) {
            file.readBytes(first, last, collect);
        } else {
            file.readChars(first, last, collect);
        }
        return out;
    }

    @Test
    void bytesAndCharactersGiveTheSameRows() throws Exception {
        StringBuilder text = new StringBuilder("\uFEFFid,name,note\r\n");
        for (int i = 0; i < 40_000; i++) {
            // multi-byte characters land on every offset, so some straddle the 128 KiB buffer boundary
            text.append(i).append(",é日本😀 ").append(i % 7 == 0 ? "" : "x".repeat(i % 13)).append(",\r")
                    .append(i % 3 == 0 ? "\r\n" : "\n");
        }
        text.append("last,row,without terminator\r");
        Path csv = dir.resolve("data.csv");
        Files.write(csv, text.toString().getBytes(StandardCharsets.UTF_8));
        BulkInsertFile file = new BulkInsertFile(csv, StandardCharsets.UTF_8, BulkInsertFile.Terminator.of(","),
                BulkInsertFile.Terminator.of("\\n"));
        List<String> expected = rows(file, false, 2, 0);
        assertEquals(40_001, expected.size());
        assertEquals("2:0,é日本😀 ,\r".replace(",", "|"), expected.get(0));
        assertEquals(expected, rows(file, true, 2, 0));
        assertEquals(rows(file, false, 5, 9), rows(file, true, 5, 9));
        assertEquals(expected, rows(file, true, 2, 0), "the public read takes the byte path for UTF-8");
    }
}
