package ai.datamigrate.plugin.postgres.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.Column;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.support.target.RejectFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyIn;

class TableCopyTest {

    private static final SourceLocation AT = new SourceLocation("jobs.sql", 1, 1);

    @TempDir
    Path dir;

    /** Collects what would be sent to PostgreSQL. */
    private static class Captured implements CopyIn {
        final StringBuilder text = new StringBuilder();

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            text.append(new String(buf, off, siz, StandardCharsets.UTF_8));
        }

        @Override
        public void writeToCopy(org.postgresql.util.ByteStreamWriter from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flushCopy() {
        }

        @Override
        public long endCopy() {
            return 0;
        }

        @Override
        public int getFieldCount() {
            return 0;
        }

        @Override
        public int getFormat() {
            return 0;
        }

        @Override
        public int getFieldFormat(int field) {
            return 0;
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public void cancelCopy() throws SQLException {
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }
    }

    private static Column column(String name, String type, Optional<Identity> identity) {
        return new Column(name, DataType.of(type), true, identity, Optional.empty(), Optional.empty(), false,
                Optional.empty(), false, Optional.empty(), AT);
    }

    @Test
    void omittedIdentityValuesAreGeneratedAsSqlServerDoes() throws Exception {
        Table jobs = new Table(new ObjectName("dbo", "jobs"), List.of(
                column("job_id", "smallint", Optional.of(new Identity(1, 1))),
                column("job_desc", "varchar", Optional.empty())), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(), Map.of(), Optional.empty(), "", AT);
        Captured copy = new Captured();
        List<ColumnConverter> converters = List.of(ColumnConverter.forType("smallint"), ColumnConverter.forType("text"));
        try (RejectFile rejects = new RejectFile(dir, "raw", "jobs", RejectFile.Format.COPY_TEXT)) {
            TableCopy consumer = new TableCopy(jobs, converters, copy, rejects, 0, rows -> { });
            // INSERT jobs VALUES (...) without a column list: the source announces every column
            consumer.columns(List.of("job_id", "job_desc"));
            assertTrue(consumer.row(Arrays.asList("New Hire"), AT));
            // SET IDENTITY_INSERT jobs ON; INSERT jobs (job_id, job_desc) VALUES (10, ...)
            assertTrue(consumer.row(Arrays.asList(10L, "Chief"), AT));
            consumer.columns(List.of("job_desc"));
            assertTrue(consumer.row(Arrays.asList("Next"), AT));
            consumer.finish();
            assertEquals(0, rejects.count());
            assertEquals(3, consumer.rows());
        }
        assertEquals("1\tNew Hire\n10\tChief\n11\tNext\n", copy.text.toString());
        assertTrue(Files.notExists(dir.resolve("raw.jobs.rejects.tsv")), "no rejects, no file");
    }

    @Test
    void binaryFormatHasTheSignatureLengthPrefixedFieldsAndTheTrailer() throws Exception {
        Table t = new Table(new ObjectName("dbo", "t"), List.of(column("n", "smallint", Optional.empty()),
                column("s", "varchar", Optional.empty())), Optional.empty(), List.of(), List.of(), List.of(),
                List.of(), Map.of(), Optional.empty(), "", AT);
        java.io.ByteArrayOutputStream sent = new java.io.ByteArrayOutputStream();
        CopyIn copy = new Captured() {
            @Override
            public void writeToCopy(byte[] buf, int off, int siz) {
                sent.write(buf, off, siz);
            }
        };
        List<ColumnConverter> converters = List.of(ColumnConverter.forType("smallint"), ColumnConverter.forType("text"));
        try (RejectFile rejects = new RejectFile(dir, "raw", "t", RejectFile.Format.COPY_TEXT)) {
            TableCopy consumer = new TableCopy(t, converters, copy, rejects, 0, rows -> { }, true);
            assertTrue(consumer.row(Arrays.asList(7L, "é"), AT));
            assertTrue(consumer.row(Arrays.asList(8L, null), AT));
            consumer.finish();
            assertEquals(2, consumer.rows());
            assertEquals("8", consumer.stats().get(0).max().orElseThrow());
            assertEquals("7", consumer.stats().get(0).min().orElseThrow());
        }
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        expected.writeBytes(CopyBinary.HEADER);
        expected.writeBytes(new byte[]{0, 2, 0, 0, 0, 2, 0, 7, 0, 0, 0, 2, (byte) 0xc3, (byte) 0xa9});
        expected.writeBytes(new byte[]{0, 2, 0, 0, 0, 2, 0, 8, -1, -1, -1, -1});
        expected.writeBytes(new byte[]{-1, -1});
        assertEquals(java.util.HexFormat.of().formatHex(expected.toByteArray()),
                java.util.HexFormat.of().formatHex(sent.toByteArray()));
    }
}
