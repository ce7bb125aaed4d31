package ai.datamigrate.plugin.mssql.internal;

import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.script.ScriptReader;
import ai.datamigrate.plugin.mssql.internal.script.Sqlcmd;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.source.SourceInput;
import ai.datamigrate.spi.source.SourceReadResult;
import ai.datamigrate.spi.source.SourceReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads one SQL Server script: decodes it, tokenizes it and hands the tokens to the statement reader. */
final class MssqlSourceReader implements SourceReader {

    private final System.Logger logger;

    MssqlSourceReader(System.Logger logger) {
        this.logger = logger;
    }

    @Override
    public SourceReadResult read(SourceInput input) {
        Path path = MssqlSourceReaderFactory.pathOf(input);
        String file = input.location();
        long started = System.nanoTime();
        byte[] bytes;
        try {
            bytes = java.nio.file.Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new DataMigrateException(ErrorCode.INPUT_NOT_FOUND, file + ": no such file");
        } catch (IOException | SecurityException e) {
            throw new DataMigrateException(ErrorCode.INPUT_UNREADABLE, file + ": cannot be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        String decoded = ScriptDecoder.decode(file, bytes);
        Sqlcmd.Result expanded = Sqlcmd.expand(file, Optional.of(path), decoded, input.variables(),
                MssqlSourceReader::readInclude);
        String text = expanded.text();
        List<Token> tokens = Lexer.tokenize(text);
        if (tokens.isEmpty()) {
            throw new DataMigrateException(ErrorCode.INPUT_EMPTY, file + ": the script has no SQL statements");
        }
        SourceReadResult result = new ScriptReader(file, text, tokens, input.variables(), expanded.lines(),
                expanded.diagnostics()).read(stem(path));
        logger.log(System.Logger.Level.DEBUG, () -> "read " + file + ": " + tokens.size() + " tokens, "
                + result.database().tables().count() + " tables, " + result.diagnostics().size() + " diagnostics in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
        return result;
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
