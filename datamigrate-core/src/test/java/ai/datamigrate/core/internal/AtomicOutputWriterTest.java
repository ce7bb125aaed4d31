package ai.datamigrate.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    @Test
    void aReRunKeepsTheUsersEditsAndFilesAndPutsTheNewVersionBeside() throws IOException {
        Path out = dir.resolve("project");
        AtomicOutputWriter.writeProject(out, List.of(new GeneratedFile("models/a.sql", "select 1"),
                new GeneratedFile("models/b.sql", "select 2")), false, "test");
        Files.writeString(out.resolve("models/a.sql"), "select 1 -- tuned by hand");
        Files.write(out.resolve("models/notes.bin"), new byte[] {0, (byte) 0xff, 10});

        AtomicOutputWriter.Preserved preserved = AtomicOutputWriter.writeProject(out, List.of(
                new GeneratedFile("models/a.sql", "select 10"), new GeneratedFile("models/b.sql", "select 20")),
                false, "test");
        assertEquals(List.of("models/a.sql"), preserved.keptEdits());
        assertEquals(List.of("models/notes.bin"), preserved.keptFiles());
        assertEquals("select 1 -- tuned by hand", Files.readString(out.resolve("models/a.sql")));
        assertEquals("select 10", Files.readString(out.resolve("models/a.sql.datamigrate-new")));
        assertEquals("select 20", Files.readString(out.resolve("models/b.sql")), "untouched files are replaced");
        assertArrayEquals(new byte[] {0, (byte) 0xff, 10}, Files.readAllBytes(out.resolve("models/notes.bin")));

        // the edit is still recognised as one on the next run, and the stale new version is replaced
        preserved = AtomicOutputWriter.writeProject(out, List.of(new GeneratedFile("models/a.sql", "select 100"),
                new GeneratedFile("models/b.sql", "select 20")), false, "test");
        assertEquals(List.of("models/a.sql"), preserved.keptEdits());
        assertEquals("select 100", Files.readString(out.resolve("models/a.sql.datamigrate-new")));
        assertEquals(List.of("project"), siblings());
    }

    @Test
    void aFileTheUserEditedBackToTheGeneratedContentIsNoLongerAnEdit() throws IOException {
        Path out = dir.resolve("project");
        AtomicOutputWriter.writeProject(out, List.of(new GeneratedFile("a.sql", "v1")), false, "test");
        Files.writeString(out.resolve("a.sql"), "v2");
        AtomicOutputWriter.Preserved preserved = AtomicOutputWriter.writeProject(out,
                List.of(new GeneratedFile("a.sql", "v2")), false, "test");
        assertEquals(List.of(), preserved.keptEdits());
        assertFalse(Files.exists(out.resolve("a.sql.datamigrate-new")));
    }

    /** A project written by a version whose manifest held SHA-256 values (format 1) keeps its edits on a re-run. */
    @Test
    void aFormatOneManifestOfAnEarlierVersionStillTellsEditsApart() throws IOException {
        Path out = dir.resolve("project");
        Files.createDirectories(out.resolve(".datamigrate"));
        Files.writeString(out.resolve("a.sql"), "select 1 -- tuned by hand");
        Files.writeString(out.resolve("b.sql"), "select 2");
        // the values are SHA-256 of what that version generated: "select 1" and "select 2"
        Files.writeString(out.resolve(".datamigrate/manifest.json"), """
                {"format": 1, "producedBy": "DataMigrate 0.0.9", "files": {
                  "a.sql": "%s",
                  "b.sql": "%s"}}
                """.formatted(sha256("select 1"), sha256("select 2")));

        AtomicOutputWriter.Preserved preserved = AtomicOutputWriter.writeProject(out, List.of(
                new GeneratedFile("a.sql", "select 10"), new GeneratedFile("b.sql", "select 20")), false, "test");
        assertEquals(List.of("a.sql"), preserved.keptEdits());
        assertEquals(List.of(), preserved.keptFiles());
        assertEquals("select 20", Files.readString(out.resolve("b.sql")), "an untouched file is replaced");
        String manifest = Files.readString(out.resolve(".datamigrate/manifest.json"));
        assertTrue(manifest.contains("\"format\" : 2") && manifest.contains("\"hash\" : \"murmur3_128\""), manifest);
        assertEquals(ProjectManifest.digestNow("select 20"), ProjectManifest.read(out).orElseThrow().files()
                .get("b.sql"));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
