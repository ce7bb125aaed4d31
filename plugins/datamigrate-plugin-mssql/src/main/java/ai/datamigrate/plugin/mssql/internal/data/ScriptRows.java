package ai.datamigrate.plugin.mssql.internal.data;

import ai.datamigrate.plugin.mssql.internal.lexer.ScriptDecoder;
import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import ai.datamigrate.plugin.mssql.internal.script.LineMap;
import ai.datamigrate.plugin.mssql.internal.script.Sqlcmd;
import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.ErrorCode;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The rows of a script's {@code INSERT [INTO] table [(columns)] VALUES (...), (...)} statements, pulled batch by
 * batch: the script is cut into pieces (see {@link TextChunks}) that are tokenized and read only when more rows are
 * asked for, so a large data script is never held as tokens or rows whole. Only its text is in memory.
 *
 * <p>What is read: {@code SET IDENTITY_INSERT t ON|OFF}; {@code INSERT} with and without {@code INTO} and a column
 * list, single- and multi-row {@code VALUES}. What is not: statements inside procedures, functions, triggers and
 * views (they run later, not when the script runs); {@code INSERT ... SELECT/EXEC} and {@code DEFAULT VALUES}
 * (a diagnostic each, in {@link #diagnostics()}); {@code IF} conditions around an {@code INSERT} (its rows are
 * yielded as if the condition held); inserts into temporary tables and table variables (skipped).
 */
public final class ScriptRows implements Iterator<RowBatch> {

    static final String NOT_LITERAL = "MSSQL-DATA-NOT-LITERAL";
    static final String UNEVALUATED = "MSSQL-DATA-UNEVALUATED";
    static final String ROW_SHAPE = "MSSQL-DATA-ROW-SHAPE";
    static final int DEFAULT_BATCH_SIZE = 1000;

    private static final String QUOTED_IDENTIFIER_OFF = "SET QUOTED_IDENTIFIER OFF\n";
    private static final Set<String> MODULE_KINDS = Set.of("PROCEDURE", "PROC", "FUNCTION", "TRIGGER", "VIEW");
    /** After these words INSERT is not a statement: GRANT INSERT, FOR INSERT, MERGE ... THEN INSERT, BULK INSERT. */
    private static final Set<String> NOT_BEFORE_STATEMENT = Set.of("GRANT", "DENY", "REVOKE", "FOR", "AFTER", "OF",
            "INSTEAD", "THEN", "BULK");

    private final String text;
    private final LineMap lines;
    private final TextChunks chunks;
    private final int batchSize;
    private final Deque<RowBatch> ready = new ArrayDeque<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Boolean> identityInsert = new HashMap<>();
    // state carried from one piece of text to the next
    private boolean quotedIdentifiers = true;
    private boolean inModule;
    private Token previous;
    private Pending pending;

    private ScriptRows(String text, LineMap lines, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.text = text;
        this.lines = lines;
        this.chunks = new TextChunks(text);
        this.batchSize = batchSize;
    }

    /**
     * The rows of an already decoded and SQLCMD-expanded script.
     *
     * @param lines where the lines of {@code text} come from, for the rows' locations
     */
    public static ScriptRows of(String text, LineMap lines, int batchSize) {
        return new ScriptRows(text, lines, batchSize);
    }

    public static ScriptRows of(String file, String text) {
        return new ScriptRows(text, LineMap.identity(file), DEFAULT_BATCH_SIZE);
    }

    /**
     * The rows of a script file: decoded (UTF-8 or UTF-16) and SQLCMD-expanded ({@code :r} includes, {@code $(var)})
     * as the catalog reader does.
     *
     * @param variables SQLCMD variables, as given with {@code --var}
     */
    public static ScriptRows read(Path path, Map<String, String> variables) {
        String file = path.toString();
        String decoded = ScriptDecoder.decode(file, bytes(path));
        Sqlcmd.Result expanded = Sqlcmd.expand(file, Optional.of(path), decoded, variables,
                p -> ScriptDecoder.decode(p.toString(), bytes(p)));
        ScriptRows rows = new ScriptRows(expanded.text(), expanded.lines(), DEFAULT_BATCH_SIZE);
        rows.diagnostics.addAll(expanded.diagnostics());
        return rows;
    }

    private static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new DataMigrateException(ErrorCode.INPUT_UNREADABLE, path + ": cannot be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && chunks.hasNext()) {
            readChunk(chunks.next());
        }
        if (ready.isEmpty() && pending != null) {
            flush();
        }
        return !ready.isEmpty();
    }

    @Override
    public RowBatch next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return ready.poll();
    }

    /**
     * What was found about statements rather than rows so far ({@code INSERT ... SELECT}, SQLCMD problems); complete
     * once the iteration is over.
     */
    public List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }

    // ---------------------------------------------------------------- reading one piece

    /** The tokens of one piece, and how to map their lines and offsets back to the script. */
    private record Piece(List<Token> tokens, String source, int lineOffset) {
    }

    private void readChunk(TextChunks.Chunk chunk) {
        String source = text.substring(chunk.start(), chunk.end());
        int lineOffset = chunk.line() - 1;
        List<Token> tokens;
        if (quotedIdentifiers) {
            tokens = Lexer.tokenize(source);
        } else {
            // The lexer starts with quoted identifiers on; replay the switch, then drop it.
            source = QUOTED_IDENTIFIER_OFF + source;
            List<Token> all = Lexer.tokenize(source);
            tokens = all.subList(Math.min(3, all.size()), all.size());
            lineOffset--;
        }
        Piece piece = new Piece(tokens, source, lineOffset);
        int n = tokens.size();
        int i = 0;
        while (i < n) {
            Token t = tokens.get(i);
            if (t.lineStart() && t.is("GO") && (i + 1 >= n || tokens.get(i + 1).line() > t.line()
                    || tokens.get(i + 1).is(TokenType.INTEGER))) {
                inModule = false;
                previous = null;
                i += i + 1 < n && tokens.get(i + 1).is(TokenType.INTEGER) && tokens.get(i + 1).line() == t.line()
                        ? 2 : 1;
                continue;
            }
            if (inModule) {
                i++;
                continue;
            }
            if (t.is("SET") && i + 2 < n) {
                i = set(piece, i);
                continue;
            }
            if ((t.is("CREATE") || t.is("ALTER")) && i + 1 < n) {
                int k = i + 1;
                if (tokens.get(k).is("OR") && k + 2 < n && tokens.get(k + 1).is("ALTER")) {
                    k += 2;
                }
                if (tokens.get(k).type() == TokenType.IDENTIFIER
                        && MODULE_KINDS.contains(tokens.get(k).text().toUpperCase(Locale.ROOT))) {
                    inModule = true; // the body runs to the end of the batch
                }
            }
            if (t.is("INSERT") && startsStatement(previous)) {
                i = insert(piece, i);
                continue;
            }
            previous = t;
            i++;
        }
    }

    private static boolean startsStatement(Token before) {
        if (before == null) {
            return true;
        }
        if (before.is(TokenType.COMMA) || before.is(TokenType.LEFT_PAREN) || before.is(TokenType.DOT)) {
            return false;
        }
        return before.type() != TokenType.IDENTIFIER
                || !NOT_BEFORE_STATEMENT.contains(before.text().toUpperCase(Locale.ROOT));
    }

    /** {@code SET IDENTITY_INSERT t ON|OFF} and {@code SET QUOTED_IDENTIFIER ON|OFF}; other SETs pass. */
    private int set(Piece piece, int at) {
        List<Token> tokens = piece.tokens();
        Token option = tokens.get(at + 1);
        previous = tokens.get(at);
        if (option.is("QUOTED_IDENTIFIER")) {
            Token value = tokens.get(at + 2);
            if (value.is("ON") || value.is("OFF")) {
                quotedIdentifiers = value.is("ON");
                previous = value;
                return at + 3;
            }
            return at + 1;
        }
        if (!option.is("IDENTITY_INSERT")) {
            return at + 1;
        }
        int i = at + 2;
        Optional<Name> name = name(tokens, i);
        if (name.isEmpty()) {
            return at + 1;
        }
        i = name.get().next();
        if (i < tokens.size() && (tokens.get(i).is("ON") || tokens.get(i).is("OFF"))) {
            identityInsert.put(key(name.get().name()), tokens.get(i).is("ON"));
            previous = tokens.get(i);
            return i + 1;
        }
        return at + 1;
    }

    private record Name(ObjectName name, int next, boolean temporary) {
    }

    /** A one- to four-part name starting at {@code at}. */
    private static Optional<Name> name(List<Token> tokens, int at) {
        List<Token> parts = new ArrayList<>(3);
        int i = at;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.is(TokenType.DOT)) {
                if (parts.isEmpty() || tokens.get(i - 1).is(TokenType.DOT)) {
                    parts.add(null); // db..table
                }
                i++;
                continue;
            }
            if (!(t.isName() || t.is(TokenType.VARIABLE)) || (i > at && !tokens.get(i - 1).is(TokenType.DOT))) {
                break;
            }
            parts.add(t);
            i++;
        }
        if (parts.isEmpty() || parts.get(parts.size() - 1) == null) {
            return Optional.empty();
        }
        Token last = parts.get(parts.size() - 1);
        Token schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        boolean temporary = last.is(TokenType.TEMP_NAME) || last.is(TokenType.VARIABLE);
        return Optional.of(new Name(new ObjectName(schema == null ? "dbo" : schema.value(), last.value()), i,
                temporary));
    }

    private static String key(ObjectName name) {
        return (name.schema() + "." + name.name()).toLowerCase(Locale.ROOT);
    }

    /** {@code INSERT [INTO] t [WITH (hints)] [(columns)] VALUES (...), ...}; returns where reading goes on. */
    private int insert(Piece piece, int at) {
        List<Token> tokens = piece.tokens();
        Token insert = tokens.get(at);
        previous = insert;
        int i = at + 1;
        int n = tokens.size();
        if (i < n && tokens.get(i).is("INTO")) {
            i++;
        }
        Optional<Name> name = i < n ? name(tokens, i) : Optional.empty();
        if (name.isEmpty()) {
            return at + 1; // INSERT TOP (...), OPENQUERY, ...: no literal rows here
        }
        i = name.get().next();
        if (i + 1 < n && tokens.get(i).is("WITH") && tokens.get(i + 1).is(TokenType.LEFT_PAREN)) {
            i = Math.max(i + 1, Literals.closing(tokens, i + 1, n) + 1);
        }
        List<String> columns = new ArrayList<>();
        if (i < n && tokens.get(i).is(TokenType.LEFT_PAREN)) {
            int close = Literals.closing(tokens, i, n);
            if (close < 0) {
                return at + 1;
            }
            for (int k = i + 1; k < close; k++) {
                if (tokens.get(k).isName() && (k + 1 == close || !tokens.get(k + 1).is(TokenType.DOT))) {
                    columns.add(tokens.get(k).value());
                }
            }
            i = close + 1;
        }
        if (name.get().temporary()) {
            return i;
        }
        ObjectName table = name.get().name();
        if (i >= n || !tokens.get(i).is("VALUES")) {
            String what = i < n ? tokens.get(i).text().toUpperCase(Locale.ROOT) : "nothing";
            if (i < n && tokens.get(i).is("DEFAULT")) {
                what = "DEFAULT VALUES";
            }
            diagnostics.add(Diagnostic.info(NOT_LITERAL, location(piece, insert), "INSERT into " + table
                    + " with " + what + " is not literal data; its rows are not captured").withObject(table.toString()));
            return i;
        }
        previous = tokens.get(i);
        i++;
        boolean identity = identityInsert.getOrDefault(key(table), false);
        while (i < n && tokens.get(i).is(TokenType.LEFT_PAREN)) {
            int close = Literals.closing(tokens, i, n);
            if (close < 0) {
                diagnostics.add(Diagnostic.warning(NOT_LITERAL, location(piece, tokens.get(i)), "a row of the INSERT"
                        + " into " + table + " has no closing parenthesis; the rest of the statement is not read"));
                return n;
            }
            add(table, columns, identity, row(piece, table, columns, i, close));
            previous = tokens.get(close);
            i = close + 1;
            if (i + 1 < n && tokens.get(i).is(TokenType.COMMA) && tokens.get(i + 1).is(TokenType.LEFT_PAREN)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private Row row(Piece piece, ObjectName table, List<String> columns, int open, int close) {
        List<Token> tokens = piece.tokens();
        SourceLocation location = location(piece, tokens.get(open));
        List<Object> values = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        int start = open + 1;
        int level = 0;
        for (int k = open + 1; k <= close; k++) {
            Token t = tokens.get(k);
            if (k == close || level == 0 && t.is(TokenType.COMMA)) {
                if (start == k && k == close && values.isEmpty()) {
                    break; // VALUES (): no values at all
                }
                values.add(value(piece, table, start, k, problems));
                start = k + 1;
            } else if (t.is(TokenType.LEFT_PAREN)) {
                level++;
            } else if (t.is(TokenType.RIGHT_PAREN)) {
                level--;
            }
        }
        if (!columns.isEmpty() && values.size() != columns.size()) {
            problems.add(Diagnostic.warning(ROW_SHAPE, location, "a row of the INSERT into " + table + " has "
                    + values.size() + " values for " + columns.size() + " columns").withObject(table.toString()));
        }
        return new Row(values, location, problems);
    }

    private Object value(Piece piece, ObjectName table, int from, int to, List<Diagnostic> problems) {
        Optional<Object> value = Literals.evaluate(piece.tokens(), from, to);
        if (value.isPresent()) {
            return value.get() == Literals.NULL ? null : value.get();
        }
        String sql = from >= to ? "" : piece.source().substring(piece.tokens().get(from).start(),
                piece.tokens().get(to - 1).end());
        SourceLocation at = location(piece, piece.tokens().get(Math.min(from, piece.tokens().size() - 1)));
        problems.add(Diagnostic.warning(UNEVALUATED, at,
                "value " + shorten(sql) + " of a row for " + table + " is not a literal; it is kept as SQL text")
                .withObject(table.toString()));
        return new Unevaluated(sql);
    }

    private static String shorten(String sql) {
        return sql.length() > 60 ? sql.substring(0, 57) + "..." : sql;
    }

    private SourceLocation location(Piece piece, Token token) {
        return lines.at(token.line() + piece.lineOffset(), token.column());
    }

    // ---------------------------------------------------------------- batching

    private static final class Pending {
        final ObjectName table;
        final List<String> columns;
        final boolean identity;
        final List<Row> rows = new ArrayList<>();

        Pending(ObjectName table, List<String> columns, boolean identity) {
            this.table = table;
            this.columns = List.copyOf(columns);
            this.identity = identity;
        }

        boolean takes(ObjectName otherTable, List<String> otherColumns, boolean otherIdentity) {
            return table.matches(otherTable) && identity == otherIdentity && columns.size() == otherColumns.size()
                    && java.util.stream.IntStream.range(0, columns.size())
                            .allMatch(k -> columns.get(k).equalsIgnoreCase(otherColumns.get(k)));
        }
    }

    private void add(ObjectName table, List<String> columns, boolean identity, Row row) {
        if (pending != null && !pending.takes(table, columns, identity)) {
            flush();
        }
        if (pending == null) {
            pending = new Pending(table, columns, identity);
        }
        pending.rows.add(row);
        if (pending.rows.size() >= batchSize) {
            flush();
        }
    }

    private void flush() {
        ready.add(new RowBatch(pending.table, pending.columns, pending.identity, pending.rows));
        pending = null;
    }

    /** Drains the iterator; for callers that want everything of a small script (tests, tools). */
    public List<RowBatch> toList() {
        List<RowBatch> all = new ArrayList<>();
        forEachRemaining(all::add);
        return all;
    }
}
