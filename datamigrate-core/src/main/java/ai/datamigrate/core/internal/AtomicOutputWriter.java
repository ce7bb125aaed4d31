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
    public static final String MARKER = ProjectManifest.PATH;

    /** Where the new version of a file the user edited goes, beside the user's version. */
    public static final String NEW_VERSION_SUFFIX = ".datamigrate-new";

    /**
     * What a project write kept of the user's work.
     *
     * @param keptEdits  generated files the user had changed: their version stays, ours is beside it
     * @param keptFiles  files the user had added to the folder, carried over unchanged
     */
    public record Preserved(java.util.List<String> keptEdits, java.util.List<String> keptFiles) {
        public Preserved {
            keptEdits = java.util.List.copyOf(keptEdits);
            keptFiles = java.util.List.copyOf(keptFiles);
        }
    }

    /**
     * Writes a project folder with a manifest. When the folder holds an earlier run's output, the user's edits
     * survive: a generated file whose content no longer matches the manifest keeps the user's version and gets the
     * new one beside it ({@code <file>.datamigrate-new}); files the user added are carried over. All of it is still
     * one atomic replacement.
     */
    public static Preserved writeProject(Path out, java.util.List<GeneratedFile> files, boolean force,
                                         String producedBy) {
        Path target = out.toAbsolutePath().normalize();
        java.util.Optional<ProjectManifest> previous = Files.isDirectory(target) ? ProjectManifest.read(target)
                : java.util.Optional.empty();
        java.util.Map<String, GeneratedFile> planned = new java.util.TreeMap<>();
        files.forEach(f -> planned.put(f.path(), f));
        java.util.SortedMap<String, String> hashes = new java.util.TreeMap<>();
        java.util.List<String> keptEdits = new java.util.ArrayList<>();
        java.util.List<String> keptFiles = new java.util.ArrayList<>();
        java.util.Map<String, Path> copies = new java.util.TreeMap<>();
        if (previous.isPresent()) {
            for (Path existing : regularFiles(target)) {
                String path = target.relativize(existing).toString().replace('\\', '/');
                if (path.equals(MARKER)) {
                    continue;
                }
                String onDisk = previous.get().digest(readBytes(existing));
                String generatedBefore = previous.get().files().get(path);
                GeneratedFile now = planned.get(path);
                if (generatedBefore != null && generatedBefore.equals(onDisk)) {
                    continue; // untouched output of the previous run: replaced by this run's
                }
                if (generatedBefore == null && path.endsWith(NEW_VERSION_SUFFIX)) {
                    continue; // a stale new version written beside an edit; this run writes its own
                }
                if (now != null && previous.get().digest(now.content()).equals(onDisk)) {
                    continue; // the user's version is what this run generates anyway
                }
                if (now != null) {
                    planned.put(path + NEW_VERSION_SUFFIX, new GeneratedFile(path + NEW_VERSION_SUFFIX, now.content()));
                    hashes.put(path, ProjectManifest.digestNow(now.content()));
                    keptEdits.add(path);
                } else {
                    keptFiles.add(path);
                }
                planned.remove(path);
                copies.put(path, existing);
            }
        }
        // hashing every file (tens of MB on large catalogs) is independent per file: in parallel, used in order
        java.util.List<String> digests = files.parallelStream().map(f -> ProjectManifest.digestNow(f.content())).toList();
        for (int i = 0; i < files.size(); i++) {
            hashes.putIfAbsent(files.get(i).path(), digests.get(i));
        }
        for (String edited : keptEdits) {
            hashes.put(edited + NEW_VERSION_SUFFIX, ProjectManifest.digestNow(planned.get(edited + NEW_VERSION_SUFFIX)
                    .content()));
        }
        planned.put(MARKER, new GeneratedFile(MARKER, new ProjectManifest(producedBy, hashes).toJson()));
        write(out, java.util.List.copyOf(planned.values()), copies, force);
        return new Preserved(keptEdits, keptFiles);
    }

    private static java.util.List<Path> regularFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new DataMigrateException(ErrorCode.OUTPUT_FAILED, "could not read " + folder + ": " + e, e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DataMigrateException(ErrorCode.OUTPUT_FAILED, "could not read " + file + ": " + e, e);
        }
    }

    private static final ErrorCode OUTPUT_EXISTS = new ErrorCode("DM-OUTPUT-EXISTS", ErrorKind.USER, false);

    private AtomicOutputWriter() {
    }

    public static void write(Path out, List<GeneratedFile> files, boolean force) {
        write(out, files, java.util.Map.of(), force);
    }

    /** @param copies files copied byte for byte into the new folder (relative path to the file to copy) */
    private static void write(Path out, List<GeneratedFile> files, java.util.Map<String, Path> copies,
                              boolean force) {
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
            java.util.Map<Path, String> contents = new java.util.LinkedHashMap<>(); // a path given twice: the last wins
            java.util.Set<Path> folders = new java.util.LinkedHashSet<>();
            for (GeneratedFile file : files) {
                Path path = staging.resolve(file.path()).normalize();
                if (!path.startsWith(staging)) {
                    throw new DataMigrateException(ErrorCode.PLUGIN_INVALID, "generated file outside the output: "
                            + file.path());
                }
                contents.put(path, file.content());
                folders.add(path.getParent());
            }
            for (Path folder : folders) {
                Files.createDirectories(folder);
            }
            // thousands of independent files on large catalogs: written in parallel into the staging folder, which
            // becomes the output in one move only when every file is there
            try {
                contents.entrySet().parallelStream().forEach(file -> {
                    try {
                        Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            for (java.util.Map.Entry<String, Path> copy : copies.entrySet()) {
                Path path = staging.resolve(copy.getKey()).normalize();
                Files.createDirectories(path.getParent());
                Files.copy(copy.getValue(), path, StandardCopyOption.COPY_ATTRIBUTES);
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

    /**
     * Replaces one file's content atomically: written to a temporary sibling, then renamed over it (a plain
     * replacing rename where the file system has no atomic one), so a reader sees the old or the new content.
     */
    public static void replaceFile(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(),
                ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a folder and everything in it, as far as it can; what is left is harmless. */
    public static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a leftover temporary folder is harmless and named as such
        }
    }
}
