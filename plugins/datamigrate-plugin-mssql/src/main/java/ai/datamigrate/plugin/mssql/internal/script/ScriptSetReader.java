package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceReadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads several scripts (a folder of scripts, the files of an SSDT project) into one catalog. The files may come
 * in any order: type and schema definitions are read first, a statement about a table or object that no file
 * has created yet is put off until every file is read, and keys and dependencies are resolved at the end.
 */
public final class ScriptSetReader {

    /**
     * One script, already expanded and tokenized.
     *
     * @param file        the name every location of this script carries
     * @param lines       where the lines of the expanded text come from
     * @param diagnostics what decoding and SQLCMD expansion noted
     */
    public record Script(String file, String text, List<Token> tokens, LineMap lines, List<Diagnostic> diagnostics) {
        public Script {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(text, "text");
            tokens = List.copyOf(tokens);
            Objects.requireNonNull(lines, "lines");
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private final Map<String, String> variables;

    /** @param variables SQLCMD variables; they win over {@code :setvar} in the scripts */
    public ScriptSetReader(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    /** @param fallbackDatabaseName the name when no script creates or uses a database */
    public SourceReadResult read(List<Script> scripts, String fallbackDatabaseName) {
        ReadState state = new ReadState();
        List<ScriptReader> readers = new ArrayList<>(scripts.size());
        for (Script script : scripts) {
            readers.add(new ScriptReader(state, script.file(), script.text(), script.tokens(), variables,
                    script.lines(), script.diagnostics()));
        }
        // Alias types first: a table's column type names one, and CREATE TABLE cannot be put off cheaply.
        for (ScriptReader reader : readers) {
            reader.readBatches(true);
        }
        for (ScriptReader reader : readers) {
            reader.readOtherBatches();
        }
        return ScriptReader.finish(state, fallbackDatabaseName);
    }
}
