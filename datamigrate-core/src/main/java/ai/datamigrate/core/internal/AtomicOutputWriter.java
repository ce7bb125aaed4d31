package ai.datamigrate.core.internal;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.ErrorKind;
import ai.datamigrate.spi.output.GeneratedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a whole output folder or nothing: files go to a sibling temporary folder which then replaces the
 * target folder by renames. A failed run leaves the previous output as it was and no half-written folder.
 */
public final class AtomicOutputWriter {

    /** The marker that says a folder was written by DataMigrate and may be replaced by the next run. */
    public static final String MARKER = ".datamigrate/output.txt";

    private static final ErrorCode OUTPUT_EXISTS = new ErrorCode("DM-OUTPUT-EXISTS", ErrorKind.USER, false);

    private AtomicOutputWriter() {
    }

    public static void write(Path out, List<GeneratedFile> files, boolean force) {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) {
            throw new DataMigrateException(OUTPUT_EXISTS, "refusing to write to the file system root");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new DataMigrateException(OUTPUT_EXISTS, "output path exists and is not a folder: " + out);
        }
        if (Files.isDirectory(target) && !force && !isEmpty(target) && !Files.exists(target.resolve(MARKER))) {
            throw new DataMigrateException(OUTPUT_EXISTS, "output folder " + out
                    + " is not empty and was not written by DataMigrate; choose another folder or use --force");
        }
        Path staging = null;
        try {
            Files.createDirectories(parent);
            staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
            for (GeneratedFile file : files) {
                Path path = staging.resolve(file.path()).normalize();
                if (!path.startsWith(staging)) {
                    throw new DataMigrateException(ErrorCode.PLUGIN_INVALID, "generated file outside the output: "
                            + file.path());
                }
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.content(), StandardCharsets.UTF_8);
            }
            replace(staging, target);
            staging = null;
        } catch (IOException e) {
            throw new DataMigrateException(ErrorCode.OUTPUT_FAILED, "could not write " + out + ": " + e, e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    private static void replace(Path staging, Path target) throws IOException {
        if (!Files.exists(target)) {
            move(staging, target);
            return;
        }
        Path backup = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(backup);
        move(target, backup);
        try {
            move(staging, target);
        } catch (IOException e) {
            move(backup, target);
            throw e;
        }
        deleteQuietly(backup);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(from, to);
        }
    }

    private static boolean isEmpty(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temporary folder is harmless and named as such
        }
    }
}
