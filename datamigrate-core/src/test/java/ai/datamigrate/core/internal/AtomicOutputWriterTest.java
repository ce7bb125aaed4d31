package ai.datamigrate.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.output.GeneratedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputWriterTest {

    @TempDir
    Path dir;

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndReplacesItsOwnOutputWhole() throws IOException {
        Path out = dir.resolve("project");
        AtomicOutputWriter.write(out, List.of(new GeneratedFile(AtomicOutputWriter.MARKER, "m"),
                new GeneratedFile("models/a.sql", "select 1"), new GeneratedFile("old.txt", "x")), false);
        assertEquals("select 1", Files.readString(out.resolve("models/a.sql")));
        AtomicOutputWriter.write(out, List.of(new GeneratedFile(AtomicOutputWriter.MARKER, "m"),
                new GeneratedFile("models/a.sql", "select 2")), false);
        assertEquals("select 2", Files.readString(out.resolve("models/a.sql")));
        assertFalse(Files.exists(out.resolve("old.txt")), "files of the previous run must not survive");
        assertEquals(List.of("project"), siblings(), "no temporary folder left behind");
    }

    @Test
    void refusesAFolderItDidNotWrite() throws IOException {
        Path out = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(out.resolve("thesis.tex"), "years of work");
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> AtomicOutputWriter.write(out,
                List.of(new GeneratedFile("a.sql", "x")), false));
        assertEquals(ErrorKind.USER, e.kind());
        assertEquals("years of work", Files.readString(out.resolve("thesis.tex")));
        AtomicOutputWriter.write(out, List.of(new GeneratedFile("a.sql", "x")), true);
        assertFalse(Files.exists(out.resolve("thesis.tex")));
    }

    @Test
    void aFailedWriteLeavesThePreviousOutputIntact() throws IOException {
        Path out = dir.resolve("project");
        AtomicOutputWriter.write(out, List.of(new GeneratedFile(AtomicOutputWriter.MARKER, "m"),
                new GeneratedFile("a.sql", "good")), false);
        // a file and a folder of the same name cannot both be written: the second write fails midway
        assertThrows(DataMigrateException.class, () -> AtomicOutputWriter.write(out, List.of(
                new GeneratedFile("b", "file"), new GeneratedFile("b/c.sql", "under a file")), false));
        assertEquals("good", Files.readString(out.resolve("a.sql")));
        assertEquals(List.of("project"), siblings());
        assertTrue(Files.exists(out.resolve(AtomicOutputWriter.MARKER)));
    }
}
