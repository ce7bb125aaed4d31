package ai.datamigrate.plugin.mssql.internal;

import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.ScriptDecoder;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.project.SourceLayout;
import ai.datamigrate.plugin.mssql.internal.script.ScriptReader;
import ai.datamigrate.plugin.mssql.internal.script.ScriptSetReader;
import ai.datamigrate.plugin.mssql.internal.script.Sqlcmd;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.spi.data.RowSource;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.plugin.mssql.internal.data.ScriptRowSource;
import ai.datamigrate.spi.source.SourceReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads SQL Server scripts: one script, a folder of scripts or an SSDT project. Each script is decoded, expanded
 * (SQLCMD) and tokenized; the statement reader turns them into one catalog.
 */
final class MssqlSourceReader implements SourceReader {

    static final String EMPTY_SCRIPT = "MSSQL-EMPTY-SCRIPT";

    private final System.Logger logger;

    MssqlSourceReader(System.Logger logger) {
        this.logger = logger;
    }

    @Override
    public SourceReadResult read(SourceInput input) {
        Path path = MssqlSourceReaderFactory.pathOf(input);
        long started = System.nanoTime();
        SourceLayout layout = SourceLayout.of(path, input.location());
        SourceReadResult result = layout.kind() == SourceLayout.Kind.SCRIPT
                ? readScript(input, path)
                : readScripts(input, layout);
        logger.log(System.Logger.Level.DEBUG, () -> "read " + input.location() + " (" + layout.kind() + ", "
                + layout.allScripts().size() + " scripts): " + result.database().tables().count() + " tables, "
                + result.diagnostics().size() + " diagnostics in " + (System.nanoTime() - started) / 1_000_000
                + " ms");
        return result;
    }

    /** The INSERT rows of the script, or of every script of a folder or project (its deployment scripts too). */
    @Override
    public Optional<RowSource> rows(SourceInput input) {
        Path path = MssqlSourceReaderFactory.pathOf(input);
        SourceLayout layout = SourceLayout.of(path, input.location());
        Map<String, String> variables = new HashMap<>(layout.variables());
        variables.putAll(input.variables());
        Database[] catalog = new Database[1];
        // read once, also when several table jobs of a parallel load ask at the same time
        return Optional.of(new ScriptRowSource(layout.allScripts(), variables, () -> {
            synchronized (catalog) {
                if (catalog[0] == null) {
                    catalog[0] = read(input).database();
                }
                return catalog[0];
            }
        }));
    }

    private SourceReadResult readScript(SourceInput input, Path path) {
        String file = input.location();
        String decoded = ScriptDecoder.decode(file, bytes(path, file));
        Sqlcmd.Result expanded = Sqlcmd.expand(file, Optional.of(path), decoded, input.variables(),
                MssqlSourceReader::readInclude);
        String text = expanded.text();
        List<Token> tokens = Lexer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new DataMigrateException(ErrorCode.INPUT_EMPTY, file + ": the script has no SQL statements");
        }
        return new ScriptReader(file, text, tokens, input.variables(), expanded.lines(),
                expanded.diagnostics()).read(stem(path));
    }

    /** A folder or a project: every script into one catalog; the project's variable defaults yield to the user's. */
    private SourceReadResult readScripts(SourceInput input, SourceLayout layout) {
        Map<String, String> variables = new HashMap<>(layout.variables());
        variables.putAll(input.variables());
        List<ScriptSetReader.Script> scripts = new ArrayList<>();
        List<Diagnostic> notes = new ArrayList<>(layout.diagnostics());
        for (Path path : layout.allScripts()) {
            String file = path.toString();
            String decoded = ScriptDecoder.decode(file, bytes(path, file));
            Sqlcmd.Result expanded = Sqlcmd.expand(file, Optional.of(path), decoded, variables,
                    MssqlSourceReader::readInclude);
            List<Token> tokens = Lexer.tokenize(expanded.text());
            if (tokens.isEmpty()) {
                notes.add(Diagnostic.info(EMPTY_SCRIPT, new SourceLocation(file, 1, 1),
                        "the script has no SQL statements"));
            }
            scripts.add(new ScriptSetReader.Script(file, expanded.text(), tokens, expanded.lines(),
                    expanded.diagnostics()));
        }
        if (scripts.stream().allMatch(s -> s.tokens().isEmpty())) {
            throw new DataMigrateException(ErrorCode.INPUT_EMPTY, input.location() + ": no script of the "
                    + (layout.kind() == SourceLayout.Kind.SSDT_PROJECT ? "project" : "folder")
                    + " has SQL statements");
        }
        SourceReadResult read = new ScriptSetReader(variables).read(scripts, layout.name());
        if (notes.isEmpty()) {
            return read;
        }
        List<Diagnostic> diagnostics = new ArrayList<>(read.diagnostics());
        diagnostics.addAll(notes);
        diagnostics.sort(null);
        return new SourceReadResult(read.database(), diagnostics);
    }

    private static byte[] bytes(Path path, String file) {
        try {
            return java.nio.file.Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataMigrateException(ErrorCode.INPUT_NOT_FOUND, file + ": no such file");
        } catch (IOException | SecurityException e) {
            throw new DataMigrateException(ErrorCode.INPUT_UNREADABLE, file + ": cannot be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** An included script: read and decoded like the main one; a failure is reported by the includer. */
    private static String readInclude(Path path) {
        try {
            return ScriptDecoder.decode(path.toString(), java.nio.file.Files.readAllBytes(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String stem(Path path) {
        Path name = path.getFileName();
        String s = name == null ? path.toString() : name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
