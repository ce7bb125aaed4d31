package ai.datamigrate.cli.internal;

import ai.datamigrate.spi.load.LoadEvent;
import ai.datamigrate.spi.load.LoadListener;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Shows a load's progress. On a terminal: one line redrawn in place with the rows and rows/s of every table being
 * loaded, and a line per finished table with its time and rate. Elsewhere: one plain line per finished table, in the
 * load's table order whatever order parallel jobs finish in, without timings, so that the output is the same on
 * every run.
 */
final class LoadProgress implements LoadListener {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final Terminal terminal;
    private final Map<String, long[]> active = new LinkedHashMap<>();
    /** Finished tables not printed yet (plain mode), by index. */
    private final Map<Integer, String> pending = new HashMap<>();
    private int next;
    private int finished;
    private int tables;
    private long lastDraw;

    LoadProgress(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public synchronized void onEvent(LoadEvent event) {
        long now = System.nanoTime();
        if (event instanceof LoadEvent.Started started) {
            tables = Math.max(tables, started.tables());
            active.put(started.target(), new long[]{now, 0});
            draw(now, true);
        } else if (event instanceof LoadEvent.Rows rows) {
            long[] state = active.get(rows.target());
            if (state != null) {
                state[1] = rows.rows();
            }
            draw(now, false);
        } else if (event instanceof LoadEvent.Finished done) {
            finished++;
            long[] state = active.remove(done.target());
            String line = done.resumed()
                    ? "skipped " + done.target() + ": loaded and verified by an earlier run (" + done.rows()
                    + " rows)"
                    : done.loaded() ? "loaded " + done.rows() + " rows into " + done.target() + " (verified)"
                    : "failed " + done.target() + ": rolled back (see the errors below)";
            if (terminal.interactive()) {
                terminal.message(state == null || !done.loaded() ? line : line + " in " + seconds(now - state[0])
                        + " s, " + rate(done.rows(), now - state[0]) + " rows/s");
                draw(now, true);
            } else {
                pending.put(done.index(), line);
                while (pending.containsKey(next)) {
                    terminal.message(pending.remove(next));
                    next++;
                }
            }
        }
    }

    private void draw(long now, boolean force) {
        if (!terminal.interactive() || (!force && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        if (active.isEmpty()) {
            terminal.progress("");
            return;
        }
        StringBuilder line = new StringBuilder("[" + finished + "/" + Math.max(tables, finished) + "]");
        active.forEach((target, state) -> line.append("  ").append(target).append(' ')
                .append(String.format(Locale.ROOT, "%,d", state[1])).append(" rows ")
                .append(rate(state[1], now - state[0])).append(" rows/s"));
        terminal.progress(line.length() > 200 ? line.substring(0, 197) + "..." : line.toString());
    }

    /** Clears the progress line at the end of the load. */
    synchronized void done() {
        terminal.progress("");
    }

    private static String rate(long rows, long nanos) {
        return String.format(Locale.ROOT, "%,d", nanos <= 0 ? 0 : (long) (rows * 1e9 / nanos));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e9);
    }
}
