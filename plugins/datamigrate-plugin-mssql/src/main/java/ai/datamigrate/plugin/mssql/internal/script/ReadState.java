package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * What the readers of the scripts of one input share: the catalog, the module bodies, the diagnostics, and the
 * statements put off until every script has been read (a folder's files come in no useful order).
 */
final class ReadState {

    final CatalogBuilder catalog = new CatalogBuilder();
    /**
     * The bodies of views, routines and triggers by {@code kind:schema.name} (lower case), last definition wins. A
     * body only depends on its own tokens, so each is parsed on another core while the reading goes on.
     */
    private final Map<String, CompletableFuture<ModuleBody>> bodies = new LinkedHashMap<>();
    /** Every body parse in source order, a replaced definition's included: their diagnostics all count. */
    private final List<CompletableFuture<ParsedBody>> parses = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Data statements per table, reported once per table: {@code dbo.Orders -> INSERT -> 830}. */
    final Map<String, DataCount> data = new LinkedHashMap<>();
    final List<Deferred> deferred = new ArrayList<>();
    /** While true, a statement about an object not read yet is put off instead of reported. */
    boolean deferring = true;
    String databaseName;

    /** A parsed body with the diagnostics of parsing it. */
    record ParsedBody(ModuleBody body, List<Diagnostic> diagnostics) {
    }

    /** Starts parsing a body; {@link #bodies()} waits for it. */
    void parseBody(String key, Supplier<ParsedBody> parse) {
        CompletableFuture<ParsedBody> parsing = CompletableFuture.supplyAsync(parse);
        parses.add(parsing);
        bodies.put(key, parsing.thenApply(ParsedBody::body));
    }

    /** Waits for the parses started so far and moves their diagnostics to {@link #diagnostics}, in source order. */
    void awaitParses() {
        for (CompletableFuture<ParsedBody> parsing : parses) {
            diagnostics.addAll(joined(parsing).diagnostics());
        }
        parses.clear();
    }

    /** The parsed bodies, in the order their keys were first defined; waits for the parses. */
    List<ModuleBody> bodies() {
        return bodies.values().stream().map(ReadState::joined).toList();
    }

    /** The value of a parse, with a failure as thrown by the parser (a bug), not wrapped. */
    private static <T> T joined(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** A statement to read again once everything else is read: tokens {@code from} to the end of its batch. */
    record Deferred(ScriptReader reader, int from, int end) {
    }

    static final class DataCount {
        final SourceLocation first;
        final Map<String, Integer> byVerb = new LinkedHashMap<>();

        DataCount(SourceLocation first) {
            this.first = first;
        }
    }

    /** Thrown by a statement reader to put the current statement off; carries no stack trace. */
    static final class Defer extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Defer() {
            super(null, null, false, false);
        }
    }
}
