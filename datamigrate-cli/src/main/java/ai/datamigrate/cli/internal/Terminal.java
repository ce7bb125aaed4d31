package ai.datamigrate.cli.internal;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The CLI's printing layer and the only place that touches the process's standard streams: results go to
 * {@code out}, messages and progress to {@code err}. On an interactive terminal a progress line can be redrawn in
 * place; messages printed meanwhile appear above it.
 */
public final class Terminal {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean interactive;
    /** The progress line on screen, empty when there is none. */
    private String progress = "";

    public Terminal(PrintWriter out, PrintWriter err) {
        this(out, err, false);
    }

    /** @param interactive whether {@code err} is a terminal that understands carriage returns and ANSI erase */
    public Terminal(PrintWriter out, PrintWriter err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public static Terminal system() {
        return new Terminal(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.console() != null);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** Whether progress lines are drawn (a terminal); elsewhere only plain, deterministic lines are printed. */
    public boolean interactive() {
        return interactive;
    }

    public synchronized void result(String text) {
        out.print(text);
        out.flush();
    }

    public synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    public synchronized void message(String text) {
        if (!progress.isEmpty()) {
            err.print("\r\u001b[K");
        }
        err.println(text);
        if (!progress.isEmpty()) {
            err.print(progress);
        }
        err.flush();
    }

    /** Replaces the progress line (interactive terminals only; ignored elsewhere); empty removes it. */
    public synchronized void progress(String line) {
        if (!interactive) {
            return;
        }
        err.print("\r\u001b[K" + line);
        err.flush();
        progress = line;
    }
}
