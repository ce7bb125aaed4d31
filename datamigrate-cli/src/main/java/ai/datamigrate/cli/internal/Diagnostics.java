package ai.datamigrate.cli.internal;

import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints diagnostics the way compilers do, so editors can jump to them. */
final class Diagnostics {

    private Diagnostics() {
    }

    static void print(Terminal terminal, List<Diagnostic> diagnostics, boolean verbose) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Diagnostic d : diagnostics) {
            counts.merge(d.severity(), 1, Integer::sum);
            if (verbose || d.severity() != Severity.INFO) {
                terminal.message(d.format());
            }
        }
        StringBuilder summary = new StringBuilder();
        for (Severity severity : List.of(Severity.ERROR, Severity.WARNING, Severity.INFO)) {
            if (summary.length() > 0) {
                summary.append(", ");
            }
            summary.append(counts.getOrDefault(severity, 0)).append(' ')
                    .append(severity.name().toLowerCase(Locale.ROOT));
        }
        terminal.message("diagnostics: " + summary + (verbose ? "" : " (--verbose lists the info ones)"));
    }
}
