package ai.datamigrate.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process and captures what it prints. */
final class CliRunner {

    record Run(int exitCode, String out, String err) {
        String errLines() {
            return err.strip();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new Terminal(new PrintWriter(out, true), new PrintWriter(err, true))).run(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The repository root: set by surefire/failsafe, else found by walking up from the working folder. */
    static Path repoRoot() {
        String fromEnv = System.getenv("DATAMIGRATE_REPO_ROOT");
        if (fromEnv != null && Files.isDirectory(Path.of(fromEnv, "samples"))) {
            return Path.of(fromEnv);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("samples/legacy-shop"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("repository root not found from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path sample() {
        return repoRoot().resolve("samples/legacy-shop/legacy_shop.sql");
    }

    /** A corpus script of ../shared, when this checkout has one. */
    static Path corpus(String relative) {
        return repoRoot().resolve("../shared/corpora").resolve(relative).normalize();
    }

    private CliRunner() {
    }
}
