package ai.datamigrate.core.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium (Debian's {@code chromium} package) and checks that the lineage graph
 * is in the rendered DOM and that the page's script ran under its Content-Security-Policy. Skipped, with a message,
 * when Chromium is not installed.
 */
class ReportRenderIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path dir;

    @Test
    void chromiumRendersTheLineageGraphAndRunsTheScript() throws IOException, InterruptedException {
        if (!Files.isExecutable(CHROMIUM)) {
            // .ci/run installs Debian's chromium: in CI a missing browser is a broken setup, not a reason to skip
            assertFalse("true".equalsIgnoreCase(System.getenv("CI")), CHROMIUM + " is missing but CI=true");
            assumeTrue(false, "skipped: " + CHROMIUM + " is not installed (apt-get install chromium)");
        }
        Path html = dir.resolve("migration-report.html");
        Files.writeString(html, ReportFiles.html(ReportFixtures.report("<script>alert(1)</script>", true)),
                StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile"), "--dump-dom", html.toUri().toString()));
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
        String dom = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve("chromium.log")));

        assertTrue(dom.contains("<svg class=\"lineage\""), "the SVG is in the DOM:\n" + dom);
        assertEquals(11, count(dom, "<g class=\"node "), "7 sources (alias types are not drawn) and 4 models");
        assertTrue(dom.contains("data-name=\"dbo.Customers\""));
        assertTrue(dom.contains("data-ready=\"true\""), "the inline script ran, so the policy's hash matches");
        assertTrue(!dom.contains("<script>alert(1)</script>"), "the injected name stayed text");
    }

    private static int count(String text, String fragment) {
        int count = 0;
        for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
            count++;
        }
        return count;
    }
}
