package ai.datamigrate.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.load.LoadEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class LoadProgressTest {

    private static final ObjectName A = new ObjectName("dbo", "A");
    private static final ObjectName B = new ObjectName("dbo", "B");
    private static final ObjectName C = new ObjectName("dbo", "C");

    private static void parallelLoad(LoadProgress progress) {
        // C was loaded by an earlier run; B (second) finishes before A (first); A fails
        progress.onEvent(new LoadEvent.Finished(C, "raw.C", 2, 7, true, true));
        progress.onEvent(new LoadEvent.Started(A, "raw.A", 0, 3));
        progress.onEvent(new LoadEvent.Started(B, "raw.B", 1, 3));
        progress.onEvent(new LoadEvent.Rows(A, "raw.A", 50_000));
        progress.onEvent(new LoadEvent.Finished(B, "raw.B", 1, 12, true, false));
        progress.onEvent(new LoadEvent.Finished(A, "raw.A", 0, 60_000, false, false));
        progress.done();
    }

    @Test
    void plainOutputListsTablesInLoadOrderWithoutTimings() {
        StringWriter err = new StringWriter();
        parallelLoad(new LoadProgress(new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(err), false)));
        assertEquals("""
                failed raw.A: rolled back (see the errors below)
                loaded 12 rows into raw.B (verified)
                skipped raw.C: loaded and verified by an earlier run (7 rows)
                """, err.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aTerminalGetsAProgressLineWithRowsPerSecond() {
        StringWriter err = new StringWriter();
        parallelLoad(new LoadProgress(new Terminal(new PrintWriter(new StringWriter()), new PrintWriter(err), true)));
        String screen = err.toString();
        assertTrue(screen.contains("\r\u001b[K[1/3]  raw.A 0 rows 0 rows/s"), screen);
        assertTrue(screen.contains("raw.B 0 rows"), screen);
        assertTrue(screen.matches("(?s).*loaded 12 rows into raw\\.B \\(verified\\) in [0-9.]+ s, [0-9,]+ rows/s.*"),
                screen);
        assertTrue(screen.endsWith("\r\u001b[K"), "the progress line is cleared at the end: " + screen);
    }
}
