package ai.datamigrate.plugin.mssql.internal.data;

import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.ScriptDecoder;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import ai.datamigrate.plugin.mssql.internal.script.LineMap;
import ai.datamigrate.plugin.mssql.internal.script.Sqlcmd;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code BULK INSERT table FROM 'file' [WITH (option [= value], ...)]} statement of a script, found with the
 * lexer on the SQLCMD-expanded text (so {@code $(SqlSamplesSourceDataPath)} is already replaced when defined).
 *
 * @param path      the file as the statement names it, after SQLCMD expansion
 * @param options   the WITH options, names upper-cased; flags ({@code KEEPIDENTITY}) map to the empty string
 * @param scriptDir the folder of the script, where relative and undefined-variable paths resolve
 */
public record BulkInsertStatement(ObjectName table, String path, Map<String, String> options,
                                  SourceLocation location, Path scriptDir) {

    private static final Set<String> MODULE_KINDS = Set.of("PROCEDURE", "PROC", "FUNCTION", "TRIGGER", "VIEW");

    public BulkInsertStatement {
        options = Map.copyOf(options);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name.toUpperCase(Locale.ROOT)));
    }

    public boolean flag(String name) {
        return options.containsKey(name.toUpperCase(Locale.ROOT));
    }

    /** The BULK INSERT statements of a script file, decoded and SQLCMD-expanded as {@link ScriptRows#read} does. */
    public static List<BulkInsertStatement> read(Path script, Map<String, String> variables) {
        String file = script.toString();
        String decoded = ScriptDecoder.decode(file, bytes(script));
        Sqlcmd.Result expanded = Sqlcmd.expand(file, Optional.of(script), decoded, variables,
                p -> ScriptDecoder.decode(p.toString(), bytes(p)));
        Path dir = script.toAbsolutePath().getParent();
        return scan(expanded.text(), expanded.lines(), dir == null ? Path.of("") : dir);
    }

    /** The BULK INSERT statements of an already expanded script text, outside procedures, functions and views. */
    public static List<BulkInsertStatement> scan(String text, LineMap lines, Path scriptDir) {
        List<BulkInsertStatement> found = new ArrayList<>();
        TextChunks chunks = new TextChunks(text);
        boolean inModule = false;
        while (chunks.hasNext()) {
            TextChunks.Chunk chunk = chunks.next();
            String source = text.substring(chunk.start(), chunk.end());
            if (!containsBulk(source) && !inModule && !containsModule(source)) {
                continue; // the common case: nothing to see, no need to tokenize
            }
            List<Token> tokens = Lexer.tokenize(source);
            int lineOffset = chunk.line() - 1;
            int n = tokens.size();
            for (int i = 0; i < n; i++) {
                Token t = tokens.get(i);
                if (t.lineStart() && t.is("GO") && (i + 1 >= n || tokens.get(i + 1).line() > t.line()
                        || tokens.get(i + 1).is(TokenType.INTEGER))) {
                    inModule = false;
                    continue;
                }
                if (inModule) {
                    continue;
                }
                if ((t.is("CREATE") || t.is("ALTER")) && i + 1 < n) {
                    int k = i + 1;
                    if (tokens.get(k).is("OR") && k + 2 < n && tokens.get(k + 1).is("ALTER")) {
                        k += 2;
                    }
                    if (tokens.get(k).type() == TokenType.IDENTIFIER
                            && MODULE_KINDS.contains(tokens.get(k).text().toUpperCase(Locale.ROOT))) {
                        inModule = true;
                    }
                    continue;
                }
                if (t.is("BULK") && i + 1 < n && tokens.get(i + 1).is("INSERT")) {
                    int[] next = {i + 2};
                    parse(tokens, i + 2, next).ifPresent(p -> found.add(new BulkInsertStatement(p.table, p.path,
                            p.options, lines.at(t.line() + lineOffset, t.column()), scriptDir)));
                    i = next[0] - 1;
                }
            }
        }
        return found;
    }

    private static boolean containsBulk(String source) {
        return source.toUpperCase(Locale.ROOT).contains("BULK");
    }

    private static boolean containsModule(String source) {
        String upper = source.toUpperCase(Locale.ROOT);
        return upper.contains("CREATE") || upper.contains("ALTER");
    }

    private record Parsed(ObjectName table, String path, Map<String, String> options) {
    }

    /** {@code table FROM 'file' [WITH (...)]} from {@code at}; {@code next[0]} is set to where reading goes on. */
    private static Optional<Parsed> parse(List<Token> tokens, int at, int[] next) {
        int n = tokens.size();
        List<Token> parts = new ArrayList<>();
        int i = at;
        while (i < n) {
            Token t = tokens.get(i);
            if (t.is(TokenType.DOT)) {
                if (parts.isEmpty() || tokens.get(i - 1).is(TokenType.DOT)) {
                    parts.add(null);
                }
                i++;
                continue;
            }
            if (!t.isName() || (i > at && !tokens.get(i - 1).is(TokenType.DOT))) {
                break;
            }
            parts.add(t);
            i++;
        }
        next[0] = i;
        if (parts.isEmpty() || parts.get(parts.size() - 1) == null || i + 1 >= n || !tokens.get(i).is("FROM")
                || !tokens.get(i + 1).isString()) {
            return Optional.empty();
        }
        Token last = parts.get(parts.size() - 1);
        Token schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        ObjectName table = new ObjectName(schema == null ? "dbo" : schema.value(), last.value());
        String path = tokens.get(i + 1).value();
        i += 2;
        Map<String, String> options = new HashMap<>();
        if (i + 1 < n && tokens.get(i).is("WITH") && tokens.get(i + 1).is(TokenType.LEFT_PAREN)) {
            int close = Literals.closing(tokens, i + 1, n);
            int end = close < 0 ? n : close;
            int k = i + 2;
            while (k < end) {
                Token name = tokens.get(k);
                if (name.is(TokenType.COMMA)) {
                    k++;
                    continue;
                }
                String key = name.text().toUpperCase(Locale.ROOT);
                String value = "";
                if (k + 2 < end + 1 && k + 1 < end && tokens.get(k + 1).is(TokenType.OPERATOR)
                        && tokens.get(k + 1).text().equals("=") && k + 2 < end) {
                    value = tokens.get(k + 2).value();
                    k += 3;
                } else {
                    k++;
                }
                options.put(key, value);
                while (k < end && !tokens.get(k).is(TokenType.COMMA)) {
                    k++; // anything unexpected up to the next option
                }
            }
            i = close < 0 ? n : close + 1;
        }
        next[0] = i;
        return Optional.of(new Parsed(table, path, options));
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataMigrateException(ErrorCode.INPUT_UNREADABLE, path + ": cannot be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }
}
