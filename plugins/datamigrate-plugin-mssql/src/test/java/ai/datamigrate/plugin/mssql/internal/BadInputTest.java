package ai.datamigrate.plugin.mssql.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.source.SourceReadResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {

    @TempDir
    Path dir;

    private DataMigrateException failure(Path file) {
        return assertThrows(DataMigrateException.class, () -> TestFiles.read(file));
    }

    @Test
    void emptyFile() throws Exception {
        DataMigrateException e = failure(Files.write(dir.resolve("empty.sql"), new byte[0]));
        assertEquals(ErrorCode.INPUT_EMPTY, e.errorCode());
        assertTrue(e.getMessage().startsWith(dir.resolve("empty.sql").toString() + ":"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }

    @Test
    void whitespaceAndCommentsOnly() throws Exception {
        Path file = Files.writeString(dir.resolve("comments.sql"), "\n  -- nothing\n/* at /* all */ */\n\t\n");
        assertEquals(ErrorCode.INPUT_EMPTY, failure(file).errorCode());
    }

    @Test
    void binaryFile() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[10] = 0;
        DataMigrateException e = failure(Files.write(dir.resolve("archive.sql"), bytes));
        assertEquals(ErrorCode.INPUT_NOT_TEXT, e.errorCode());
        assertTrue(e.getMessage().endsWith("not a text file (binary content at byte 2)"), e.getMessage());
    }

    @Test
    void nulBytesWithoutBom() throws Exception {
        byte[] bytes = "CREATE TABLE t (a int)".getBytes(StandardCharsets.UTF_16LE); // no BOM
        DataMigrateException e = failure(Files.write(dir.resolve("nobom.sql"), bytes));
        assertEquals(ErrorCode.INPUT_NOT_TEXT, e.errorCode());
        assertTrue(e.getMessage().contains("at byte 1"), e.getMessage());
    }

    @Test
    void missingFile() {
        assertEquals(ErrorCode.INPUT_NOT_FOUND, failure(dir.resolve("missing.sql")).errorCode());
    }

    @Test
    void folderWithoutScriptsIsEmpty() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder.sql"));
        assertEquals(ErrorCode.INPUT_EMPTY, failure(folder).errorCode());
    }

    @Test
    void projectFileThatIsNoProjectIsUnreadable() throws Exception {
        Path project = Files.writeString(dir.resolve("Shop.sqlproj"), "CREATE TABLE t (a int)");
        DataMigrateException e = failure(project);
        assertEquals(ErrorCode.INPUT_UNREADABLE, e.errorCode());
        assertTrue(e.getMessage().contains("Shop.sqlproj"), e.getMessage());
    }

    @Test
    void utf16WithBomReadsTheSameAsUtf8() throws Exception {
        String sql = Files.readString(TestFiles.legacyShop());
        Path utf8 = Files.writeString(dir.resolve("shop.sql"), sql);
        Path utf8Bom = dir.resolve("shop-bom.sql");
        Path utf16le = dir.resolve("shop-le.sql");
        Path utf16be = dir.resolve("shop-be.sql");
        Files.write(utf8Bom, concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                sql.getBytes(StandardCharsets.UTF_8)));
        Files.write(utf16le, concat(new byte[] {(byte) 0xff, (byte) 0xfe}, sql.getBytes(StandardCharsets.UTF_16LE)));
        Files.write(utf16be, concat(new byte[] {(byte) 0xfe, (byte) 0xff}, sql.getBytes(StandardCharsets.UTF_16BE)));
        SourceReadResult expected = TestFiles.read(utf8);
        for (Path other : new Path[] {utf8Bom, utf16le, utf16be}) {
            SourceReadResult actual = TestFiles.read(other);
            // Same catalog and diagnostics apart from the file name in the locations.
            String expectedText = expected.toString().replace(utf8.toString(), "FILE")
                    .replace("database=Database[name=shop", "");
            String actualText = actual.toString().replace(other.toString(), "FILE")
                    .replace("database=Database[name=" + other.getFileName().toString().replace(".sql", ""), "");
            assertEquals(expectedText, actualText, other.toString());
        }
        assertEquals(7, TestFiles.read(utf16le).database().tables().count());
        assertTrue(TestFiles.read(utf16le).database().tables().findFirst().orElseThrow().definition()
                .startsWith("CREATE TABLE [dbo].[Customers]"));
    }

    @Test
    void windows1252ScriptsAreReadAsText() throws Exception {
        byte[] bytes = "CREATE TABLE t (a int DEFAULT 'caf\u00e9')".getBytes(StandardCharsets.ISO_8859_1);
        SourceReadResult result = TestFiles.read(Files.write(dir.resolve("ansi.sql"), bytes));
        assertEquals(java.util.Optional.of("'caf\u00e9'"),
                result.database().tables().findFirst().orElseThrow().columns().get(0).defaultExpression());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
