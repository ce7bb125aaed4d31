package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readers of the scripts of one input share: the catalog, the module bodies, the diagnostics, and the
 * statements put off until every script has been read (a folder's files come in no useful order).
 */
final class ReadState {

    final CatalogBuilder catalog = new CatalogBuilder();
    final Map<String, ModuleBody> bodies = new LinkedHashMap<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    /** Data statements per table, reported once per table: {@code dbo.Orders -> INSERT -> 830}. */
    final Map<String, DataCount> data = new LinkedHashMap<>();
    final List<Deferred> deferred = new ArrayList<>();
    /** While true, a statement about an object not read yet is put off instead of reported. */
    boolean deferring = true;
    String databaseName;

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
