package ai.datamigrate.cli.internal;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The CLI's printing layer and the only place that touches the process's standard streams: results go to
 * {@code out}, messages and progress to {@code err}.
 */
public record Terminal(PrintWriter out, PrintWriter err) {

    public static Terminal system() {
        return new Terminal(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
    }

    public void result(String text) {
        out.print(text);
        out.flush();
    }

    public void line(String text) {
        out.println(text);
        out.flush();
    }

    public void message(String text) {
        err.println(text);
        err.flush();
    }
}
