package ai.datamigrate.plugin.mssql.internal;

import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.testkit.TestPluginContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Finds the sample and the shared corpora from wherever the tests run. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The repository root: DATAMIGRATE_REPO_ROOT (set by surefire), else the first parent with samples/legacy-shop. */
    public static Path repoRoot() {
        String env = System.getenv("DATAMIGRATE_REPO_ROOT");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env, "samples", "legacy-shop"))) {
            return Path.of(env);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("samples").resolve("legacy-shop"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (samples/legacy-shop) from "
                + Path.of("").toAbsolutePath());
    }

    public static Path legacyShop() {
        return repoRoot().resolve("samples/legacy-shop/legacy_shop.sql");
    }

    /** The legacy-shop sample as an SSDT project, one object per file (test resources). */
    public static Path ssdtLegacyShop() {
        try {
            return Path.of(TestFiles.class.getResource("/ssdt/LegacyShop/LegacyShop.sqlproj").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A script of the shared corpora, when they are present next to the repository. */
    public static Optional<Path> corpus(String relative) {
        Path path = repoRoot().resolve("../shared/corpora").resolve(relative).normalize();
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    public static SourceReadResult read(Path path) {
        return new MssqlSourceReaderFactory().create(Map.of(), new TestPluginContext()).read(SourceInput.of(path));
    }

    /** Reads SQL text written to {@code dir/name}. */
    public static SourceReadResult read(Path dir, String name, String sql) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, sql);
            return read(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
