package ai.datamigrate.plugin.mssql.internal.project;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The scripts an input consists of: one script, a folder of scripts, or an SSDT project (a {@code *.sqlproj} file
 * or the folder holding one).
 *
 * @param kind          what the input is
 * @param root          the script itself, or the folder the relative paths start from
 * @param objectScripts the scripts that define the catalog, in a stable order (project order for SSDT, else by
 *                      path); the order does not matter to the reader
 * @param dataScripts   pre- and post-deployment scripts of an SSDT project: read for the catalog too, and the
 *                      place where reference data usually is
 * @param variables     SQLCMD variables with the project's default values (the user's values win over them)
 * @param name          the database name to use when no script names one: the project's or folder's name
 * @param diagnostics   what was wrong with the project file (missing scripts, ...)
 */
public record SourceLayout(Kind kind, Path root, List<Path> objectScripts, List<Path> dataScripts,
                           Map<String, String> variables, String name, List<Diagnostic> diagnostics) {

    public enum Kind { SCRIPT, FOLDER, SSDT_PROJECT }

    static final String MISSING_FILE = "MSSQL-SSDT-MISSING-FILE";
    /** Build output and tool folders of an SDK-style project, never part of it. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of("bin", "obj", ".git", ".vs");
    /** How deep a folder is searched for scripts: deep enough for SSDT's {@code schema/Kind/Object.sql}. */
    private static final int MAX_DEPTH = 16;

    public SourceLayout {
        objectScripts = List.copyOf(objectScripts);
        dataScripts = List.copyOf(dataScripts);
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        diagnostics = List.copyOf(diagnostics);
    }

    /** All the scripts to read, object scripts first. */
    public List<Path> allScripts() {
        List<Path> all = new ArrayList<>(objectScripts);
        all.addAll(dataScripts);
        return all;
    }

    /** Whether {@code path} is an input of this shape: a {@code .sql} or {@code .sqlproj} file, or a folder with them. */
    public static boolean accepts(Path path) {
        if (Files.isRegularFile(path)) {
            String name = fileName(path);
            return name.endsWith(".sql") || name.endsWith(".sqlproj");
        }
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> files = walk(path)) {
            return files.anyMatch(p -> {
                String name = fileName(p);
                return (name.endsWith(".sql") || name.endsWith(".sqlproj")) && Files.isRegularFile(p);
            });
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    public static SourceLayout of(Path path, String location) {
        try {
            if (Files.isRegularFile(path)) {
                if (fileName(path).endsWith(".sqlproj")) {
                    return project(path, location);
                }
                return new SourceLayout(Kind.SCRIPT, path, List.of(path), List.of(), Map.of(), stem(path), List.of());
            }
            if (!Files.isDirectory(path)) {
                throw new DataMigrateException(ErrorCode.INPUT_NOT_FOUND, location + ": no such file or folder");
            }
            List<Path> projects;
            try (Stream<Path> children = Files.list(path)) {
                projects = children.filter(p -> fileName(p).endsWith(".sqlproj") && Files.isRegularFile(p))
                        .sorted().toList();
            }
            if (projects.size() > 1) {
                throw new DataMigrateException(ErrorCode.INPUT_UNREADABLE, location + ": the folder holds "
                        + projects.size() + " SSDT projects (" + projects.stream().map(SourceLayout::name).toList()
                        + "); give the .sqlproj file to read");
            }
            if (projects.size() == 1) {
                return project(projects.get(0), location);
            }
            List<Path> scripts = sqlFiles(path, false);
            if (scripts.isEmpty()) {
                throw new DataMigrateException(ErrorCode.INPUT_EMPTY, location + ": the folder holds no .sql scripts");
            }
            return new SourceLayout(Kind.FOLDER, path, scripts, List.of(), Map.of(), name(path), List.of());
        } catch (IOException | UncheckedIOException e) {
            throw new DataMigrateException(ErrorCode.INPUT_UNREADABLE, location + ": cannot be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private static SourceLayout project(Path projectFile, String location) throws IOException {
        String xml = new String(Files.readAllBytes(projectFile), StandardCharsets.UTF_8);
        if (xml.startsWith("\ufeff")) {
            xml = xml.substring(1);
        }
        if (!SqlProject.looksLikeProject(xml)) {
            throw new DataMigrateException(ErrorCode.INPUT_UNREADABLE, projectFile + ": not an MSBuild project"
                    + " (no <Project> element)");
        }
        SqlProject project = SqlProject.parse(xml);
        Path dir = projectFile.toAbsolutePath().getParent();
        Path base = projectFile.getParent() == null ? Path.of(".") : projectFile.getParent();
        List<Diagnostic> diagnostics = new ArrayList<>();
        Set<Path> data = new LinkedHashSet<>();
        for (String p : concat(project.preDeploy(), project.postDeploy())) {
            resolve(base, dir, p, projectFile, xml, diagnostics).forEach(data::add);
        }
        Set<Path> objects = new LinkedHashSet<>();
        if (project.builds().isEmpty()) {
            objects.addAll(sqlFiles(base, true)); // SDK-style: every script is built unless removed
        } else {
            for (String p : project.builds()) {
                resolve(base, dir, p, projectFile, xml, diagnostics).forEach(objects::add);
            }
        }
        for (String p : project.removed()) {
            PathMatcher matcher = matcher(p);
            objects.removeIf(f -> matcher.matches(relative(base, f)));
        }
        objects.removeAll(data);
        objects.removeIf(f -> !fileName(f).endsWith(".sql"));
        String name = project.name().orElse(stem(projectFile));
        return new SourceLayout(Kind.SSDT_PROJECT, base, List.copyOf(objects), List.copyOf(data), project.variables(),
                name, diagnostics);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** One project item: a file, or every file a wildcard matches; a missing file is reported, not fatal. */
    private static List<Path> resolve(Path base, Path absoluteDir, String item, Path projectFile, String xml,
                                      List<Diagnostic> diagnostics) throws IOException {
        if (item.contains("*") || item.contains("?")) {
            PathMatcher matcher = matcher(item);
            return sqlFiles(base, true).stream().filter(f -> matcher.matches(relative(base, f))).toList();
        }
        Path file = base.resolve(item).normalize();
        if (!Files.isRegularFile(file) || !file.toAbsolutePath().normalize().startsWith(absoluteDir.normalize())) {
            diagnostics.add(Diagnostic.warning(MISSING_FILE, locate(projectFile, xml, item),
                    "the project lists " + item + ", which " + (Files.isRegularFile(file)
                            ? "is outside the project's folder; not read" : "does not exist; not read")));
            return List.of();
        }
        return List.of(file);
    }

    private static SourceLocation locate(Path projectFile, String xml, String item) {
        int at = xml.indexOf(item.replace('/', '\\'));
        if (at < 0) {
            at = xml.indexOf(item);
        }
        if (at < 0) {
            return new SourceLocation(projectFile.toString(), 1, 1);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (xml.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(projectFile.toString(), line, at - lineStart + 1);
    }

    private static PathMatcher matcher(String item) {
        return FileSystems.getDefault().getPathMatcher("glob:" + item);
    }

    private static Path relative(Path base, Path file) {
        return base.relativize(file);
    }

    /** The {@code .sql} files under {@code dir}, sorted by path case-insensitively (stable across platforms). */
    private static List<Path> sqlFiles(Path dir, boolean skipBuildFolders) {
        try (Stream<Path> files = walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> fileName(p).endsWith(".sql"))
                    .filter(p -> !skipBuildFolders || !inSkippedFolder(dir, p))
                    .sorted(Comparator.comparing((Path p) -> dir.relativize(p).toString().toLowerCase(Locale.ROOT))
                            .thenComparing(Path::toString))
                    .toList();
        }
    }

    private static boolean inSkippedFolder(Path dir, Path file) {
        Path rel = dir.relativize(file);
        for (int i = 0; i < rel.getNameCount() - 1; i++) {
            if (SKIPPED_FOLDERS.contains(rel.getName(i).toString().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir, MAX_DEPTH);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fileName(Path p) {
        Path name = p.getFileName();
        return name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    }

    private static String name(Path p) {
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? p.toString() : name.toString();
    }

    private static String stem(Path path) {
        String s = name(path);
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
