package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import ai.datamigrate.spi.catalog.AliasType;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Dependency;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.source.SourceReadResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a SQL Server install script, batch by batch and statement by statement, into a catalog. A statement it
 * cannot follow becomes a diagnostic and reading resumes at the next statement: bad SQL never throws.
 */
public final class ScriptReader {

    private static final Set<String> SYSTEM_DATABASES = Set.of("master", "tempdb", "model", "msdb");
    private static final List<String> EXTENDED_PROPERTY_ARGUMENTS = List.of("name", "value", "level0type",
            "level0name", "level1type", "level1name", "level2type", "level2name");

    private final ReadState state;
    private final ScriptContext ctx;
    private final TableStatements tables;
    private final ModuleStatements modules;
    private final Set<String> userVariables;
    private static final int MAX_DEPTH = 128;
    private int depth;

    /**
     * @param file      the input's name, used in every location
     * @param variables SQLCMD variables given by the user; they win over {@code :setvar} in the script
     */
    public ScriptReader(String file, String text, List<Token> tokens, Map<String, String> variables) {
        this(file, text, tokens, variables, LineMap.identity(file), List.of());
    }

    /**
     * @param lines       where the lines of an expanded SQLCMD script come from
     * @param diagnostics what the SQLCMD expansion noted, reported with the rest
     */
    public ScriptReader(String file, String text, List<Token> tokens, Map<String, String> variables, LineMap lines,
                        List<Diagnostic> diagnostics) {
        this(new ReadState(), file, text, tokens, variables, lines, diagnostics);
    }

    /** One script of several read into the same catalog ({@link ScriptSetReader}). */
    ScriptReader(ReadState state, String file, String text, List<Token> tokens, Map<String, String> variables,
                 LineMap lines, List<Diagnostic> diagnostics) {
        this.state = state;
        this.ctx = new ScriptContext(file, text, tokens, variables, lines, state);
        this.ctx.diagnostics.addAll(diagnostics);
        this.tables = new TableStatements(ctx);
        this.modules = new ModuleStatements(ctx);
        this.userVariables = Set.copyOf(variables.keySet());
    }

    /** @param fallbackDatabaseName the name when the script neither creates nor uses a database */
    public SourceReadResult read(String fallbackDatabaseName) {
        readBatches(false);
        return finish(state, fallbackDatabaseName);
    }

    /**
     * Reads the batches of this script. With {@code typesFirst}, only the batches that start by defining a type or
     * a schema (which other files' tables use); without, the others (all of them when no type pass ran).
     */
    void readBatches(boolean typesFirst) {
        for (Batch batch : BatchSplitter.split(ctx.tokens)) {
            if (!typesFirst || definesTypeOrSchema(batch)) {
                readBatch(batch);
            }
        }
    }

    /** Reads the batches {@link #readBatches(boolean) readBatches(true)} left. */
    void readOtherBatches() {
        for (Batch batch : BatchSplitter.split(ctx.tokens)) {
            if (!definesTypeOrSchema(batch)) {
                readBatch(batch);
            }
        }
    }

    private boolean definesTypeOrSchema(Batch batch) {
        if (batch.to() - batch.from() < 2) {
            return false;
        }
        Token first = ctx.tokens.get(batch.from());
        Token second = ctx.tokens.get(batch.from() + 1);
        return first.is("CREATE") && (second.is("TYPE") || second.is("SCHEMA"))
                || (first.is("EXEC") || first.is("EXECUTE")) && second.value().equalsIgnoreCase("sp_addtype");
    }

    /**
     * Reads the statements put off while reading, reports the data statements and builds the catalog. Dependencies
     * are resolved only now: objects may appear before what they use.
     */
    static SourceReadResult finish(ReadState state, String fallbackDatabaseName) {
        state.deferring = false;
        for (ReadState.Deferred d : List.copyOf(state.deferred)) {
            d.reader().statementWithRecovery(new TokenCursor(d.reader().ctx.tokens, d.from(), d.end()));
        }
        state.deferred.clear();
        state.awaitParses();
        for (Map.Entry<String, ReadState.DataCount> entry : state.data.entrySet()) {
            ReadState.DataCount count = entry.getValue();
            List<String> parts = new ArrayList<>();
            count.byVerb.forEach((verb, n) -> parts.add(n + " " + verb));
            int total = count.byVerb.values().stream().mapToInt(Integer::intValue).sum();
            state.diagnostics.add(Diagnostic.info(ScriptContext.IGNORED, count.first, String.join(", ", parts)
                    + (total == 1 ? " statement" : " statements") + " for " + entry.getKey()
                    + " (data loading is a later step)").withObject(entry.getKey()));
        }
        String name = state.databaseName != null ? state.databaseName : fallbackDatabaseName;
        Database built = state.catalog.build(name);
        Dependencies dependencies = new Dependencies(built);
        List<Dependency> found = dependencies.collect(state.bodies());
        List<Diagnostic> diagnostics = new ArrayList<>(state.diagnostics);
        diagnostics.addAll(dependencies.diagnostics());
        diagnostics.sort(null);
        return new SourceReadResult(new Database(built.name(), built.schemas(), built.description(), found),
                diagnostics);
    }

    /** The parsed bodies of the views, routines and triggers read so far (for tests and tools in this module). */
    java.util.Collection<ModuleBody> bodies() {
        return ctx.state.bodies();
    }

    private void readBatch(Batch batch) {
        TokenCursor c = new TokenCursor(ctx.tokens, batch.from(), batch.to());
        while (!c.atEnd()) {
            statementWithRecovery(c);
        }
    }

    /** Reads one statement; on a syntax error reports it and moves to the next statement. */
    private void statementWithRecovery(TokenCursor c) {
        if (c.accept(TokenType.SEMICOLON)) {
            return;
        }
        int start = c.position();
        try {
            statement(c);
        } catch (ReadState.Defer e) {
            state.deferred.add(new ReadState.Deferred(this, start, c.end()));
            c.reset(Math.max(c.position(), start + 1));
            ctx.skipToStatementEnd(c, true);
        } catch (SyntaxException e) {
            ctx.warning(ScriptContext.SYNTAX_ERROR, e.token(), "cannot read '" + ctx.firstWords(start, 4) + "' (line "
                    + ctx.tokens.get(start).line() + "): " + e.getMessage() + "; skipped to the next statement",
                    Optional.empty());
            c.reset(Math.max(c.position(), start + 1));
            if (c.position() == start + 1 || !ctx.isStatementStart(c, true)) {
                ctx.skipToStatementEnd(c, true);
            }
        }
        if (c.position() == start) {
            c.next(); // never stay in place
        }
    }

    private void statement(TokenCursor c) {
        // IF and BEGIN nest statements; bound the nesting so that no script can overflow the stack.
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new SyntaxException(c.peek(), "statements nested deeper than " + MAX_DEPTH + " levels");
        }
        try {
            statementInner(c);
        } finally {
            depth--;
        }
    }

    private void statementInner(TokenCursor c) {
        Token first = c.peek();
        if (first.type() == TokenType.SQLCMD_COMMAND) {
            c.next();
            sqlcmd(first);
            return;
        }
        if (first.type() == TokenType.ERROR) {
            throw new SyntaxException(first, first.text().startsWith("/*") ? "unterminated comment"
                    : "unreadable text (an unterminated string or name?)");
        }
        if (first.type() != TokenType.IDENTIFIER) {
            unsupported(c);
            return;
        }
        switch (first.text().toUpperCase(Locale.ROOT)) {
            case "CREATE" -> create(c);
            case "ALTER" -> alter(c);
            case "IF" -> ifStatement(c);
            case "BEGIN" -> begin(c);
            case "EXEC", "EXECUTE" -> exec(c);
            case "INSERT", "DELETE", "MERGE" -> data(c);
            case "UPDATE" -> {
                if (c.peek(1) != null && c.peek(1).is("STATISTICS")) {
                    ignored(c, true);
                } else {
                    data(c);
                }
            }
            case "BULK" -> data(c);
            case "TRUNCATE" -> data(c);
            case "SET" -> set(c);
            case "USE" -> use(c);
            case "SELECT" -> {
                Token next = c.peek(1);
                Token after = c.peek(2);
                if (next != null && next.type() == TokenType.VARIABLE && after != null && after.text().equals("=")) {
                    ignored(c, true); // SELECT @v = ... : script logic, no effect on the schema
                } else {
                    unsupported(c);
                }
            }
            case "DROP", "PRINT", "RAISERROR", "THROW", "CHECKPOINT", "GRANT", "DENY", "REVOKE", "DECLARE", "DBCC",
                 "RECONFIGURE", "RETURN", "COMMIT", "ROLLBACK", "SAVE", "DISABLE", "ENABLE", "SETUSER", "DUMP",
                 "WAITFOR", "BACKUP", "RESTORE" -> ignored(c, true);
            default -> unsupported(c);
        }
    }

    // ---------------------------------------------------------------- CREATE and ALTER

    private void create(TokenCursor c) {
        Token create = c.next();
        boolean orAlter = c.acceptSequence("OR", "ALTER");
        if (c.at("TABLE") && !orAlter) {
            tables.createTable(c, create);
        } else if (c.at("VIEW") || c.at("PROCEDURE") || c.at("PROC") || c.at("FUNCTION") || c.at("TRIGGER")) {
            modules.module(c, create);
        } else if (c.at("UNIQUE") || c.at("CLUSTERED") || c.at("NONCLUSTERED") || c.at("INDEX")
                || c.at("COLUMNSTORE") || c.at("XML") || c.at("SPATIAL") || c.atSequence("PRIMARY", "XML")) {
            tables.createIndex(c, create);
        } else if (c.at("SCHEMA")) {
            modules.schema(c);
            ctx.expectStatementEnd(c);
        } else if (c.at("SEQUENCE")) {
            modules.sequence(c, create);
        } else if (c.at("TYPE")) {
            modules.type(c, create);
        } else if (c.at("DATABASE")) {
            c.next();
            Token name = ctx.namePart(c);
            database(ctx.value(name));
            ctx.skipToStatementEnd(c, true);
            ctx.info(create, "ignored CREATE DATABASE " + ctx.value(name) + " (the database name is kept)",
                    Optional.empty());
        } else {
            c.reset(c.position() - (orAlter ? 3 : 1));
            unsupported(c);
        }
    }

    private void alter(TokenCursor c) {
        Token alter = c.next();
        if (c.at("TABLE")) {
            tables.alterTable(c, alter);
        } else if (c.at("VIEW") || c.at("PROCEDURE") || c.at("PROC") || c.at("FUNCTION") || c.at("TRIGGER")) {
            modules.module(c, alter);
        } else if (c.at("DATABASE")) {
            c.reset(c.position() - 1);
            ignored(c, false); // ALTER DATABASE ... SET options
        } else {
            c.reset(c.position() - 1);
            unsupported(c);
        }
    }

    // ---------------------------------------------------------------- control flow

    /** {@code IF condition statement [ELSE statement]}: the statements are read, the condition is not judged. */
    private void ifStatement(TokenCursor c) {
        Token ifToken = c.next();
        int conditionStart = c.position();
        ctx.skipToStatementEnd(c, true);
        if (c.position() == conditionStart || c.atEnd() || c.at(TokenType.SEMICOLON)) {
            throw new SyntaxException(c.atEnd() ? ifToken : c.peek(), "expected a condition and a statement after IF");
        }
        statement(c);
        c.accept(TokenType.SEMICOLON);
        if (c.accept("ELSE")) {
            statement(c);
        }
    }

    private void begin(TokenCursor c) {
        Token next = c.peek(1);
        if (next != null && (next.is("TRAN") || next.is("TRANSACTION") || next.is("DISTRIBUTED")
                || next.is("DIALOG") || next.is("CONVERSATION"))) {
            ignored(c, true);
            return;
        }
        Token begin = c.next();
        boolean tryOrCatch = c.accept("TRY") || c.accept("CATCH");
        while (!c.atEnd() && !c.at("END")) {
            statementWithRecovery(c);
        }
        if (c.atEnd()) {
            throw new SyntaxException(begin, "expected END for this BEGIN");
        }
        c.next();
        if (tryOrCatch && !c.accept("TRY")) {
            c.accept("CATCH");
        }
    }

    // ---------------------------------------------------------------- ignored and unsupported statements

    private void ignored(TokenCursor c, boolean setStartsStatement) {
        int start = c.position();
        Token first = c.next();
        ctx.skipToStatementEnd(c, setStartsStatement);
        ctx.info(first, "ignored " + ctx.firstWords(start, 3) + " (no effect on the catalog)", Optional.empty());
    }

    private void unsupported(TokenCursor c) {
        int start = c.position();
        Token first = c.next();
        ctx.skipToStatementEnd(c, true);
        ctx.warning(ScriptContext.UNSUPPORTED, first, "unsupported statement '" + ctx.firstWords(start, 4)
                + "' at " + ctx.location(first) + " was not read", Optional.empty());
    }

    private void use(TokenCursor c) {
        Token use = c.next();
        Token name = ctx.namePart(c);
        database(ctx.value(name));
        ctx.expectStatementEnd(c);
        ctx.info(use, "ignored USE " + ctx.value(name) + " (the database name is kept)", Optional.empty());
    }

    private void database(String name) {
        if (!SYSTEM_DATABASES.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith("$(")) {
            state.databaseName = name;
        }
    }

    private void set(TokenCursor c) {
        Token next = c.peek(1);
        if (next != null && next.is("IDENTITY_INSERT")) {
            Token set = c.next();
            c.next();
            ObjectName table = ctx.objectName(c);
            if (!c.accept("ON")) {
                c.expect("OFF");
            }
            count(set, table, "SET IDENTITY_INSERT");
            ctx.expectStatementEnd(c);
            return;
        }
        ignored(c, true);
    }

    /** {@code :setvar Name "value"} defines a variable for {@code $(Name)}; other SQLCMD commands are ignored. */
    private void sqlcmd(Token command) {
        String line = command.text().strip();
        int space = indexOfSpace(line, 0);
        String verb = line.substring(1, space).toLowerCase(Locale.ROOT);
        if (verb.equals("setvar")) {
            String rest = line.substring(space).strip();
            int nameEnd = indexOfSpace(rest, 0);
            String name = rest.substring(0, nameEnd);
            String value = rest.substring(nameEnd).strip();
            if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                value = value.substring(1, value.length() - 1);
            }
            if (!name.isEmpty() && !userVariables.contains(name)) {
                ctx.variables.put(name, value);
            }
            ctx.info(command, "SQLCMD variable " + name + " set to '" + value + "'", Optional.empty());
            return;
        }
        ctx.info(command, "ignored SQLCMD command " + line, Optional.empty());
    }

    private static int indexOfSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    // ---------------------------------------------------------------- data statements

    private void data(TokenCursor c) {
        Token first = c.next();
        String verb = first.text().toUpperCase(Locale.ROOT);
        if (verb.equals("BULK")) {
            c.expect("INSERT");
            verb = "BULK INSERT";
        } else if (verb.equals("TRUNCATE")) {
            c.expect("TABLE");
            verb = "TRUNCATE TABLE";
        }
        if (c.at("TOP") && c.peek(1) != null && c.peek(1).is(TokenType.LEFT_PAREN)) {
            c.next();
            c.skipParenthesized();
            c.accept("PERCENT");
        }
        if (verb.equals("INSERT") || verb.equals("MERGE")) {
            c.accept("INTO");
        } else if (verb.equals("DELETE")) {
            c.accept("FROM");
        }
        ObjectName table = ctx.objectName(c);
        if (verb.equals("INSERT")) {
            insertRest(c);
        } else {
            ctx.skipToStatementEnd(c, !verb.equals("UPDATE") && !verb.equals("MERGE"));
        }
        count(first, table, verb);
    }

    private void insertRest(TokenCursor c) {
        if (c.at(TokenType.LEFT_PAREN)) {
            c.skipParenthesized();
        }
        if (c.accept("VALUES")) {
            do {
                c.skipParenthesized();
            } while (c.accept(TokenType.COMMA));
            ctx.expectStatementEnd(c);
        } else if (c.acceptSequence("DEFAULT", "VALUES")) {
            ctx.expectStatementEnd(c);
        } else if (c.at("SELECT") || c.at("EXEC") || c.at("EXECUTE") || c.at("WITH") || c.at("OUTPUT")) {
            c.next();
            ctx.skipToStatementEnd(c, true);
        } else {
            throw c.error("expected VALUES, SELECT or EXEC");
        }
    }

    private void count(Token at, ObjectName table, String verb) {
        String name = ctx.tableDisplayName(table);
        ReadState.DataCount count = state.data.computeIfAbsent(name, k -> new ReadState.DataCount(ctx.location(at)));
        count.byVerb.merge(verb, 1, Integer::sum);
    }

    // ---------------------------------------------------------------- EXEC

    /** An argument of EXEC: {@code [@name =] value [OUTPUT]}. */
    private record Argument(Optional<String> name, Token first, Token last) {

        boolean isSingleToken() {
            return first == last;
        }
    }

    private void exec(TokenCursor c) {
        Token exec = c.next();
        if (c.at(TokenType.LEFT_PAREN) || c.at(TokenType.STRING) || c.at(TokenType.NATIONAL_STRING)
                || (c.at(TokenType.VARIABLE) && !(c.peek(1) != null && c.peek(1).text().equals("=")))) {
            c.reset(c.position() - 1);
            dynamicSql(c);
            return;
        }
        if (c.at(TokenType.VARIABLE)) {
            c.next(); // EXEC @rc = proc
            c.next();
        }
        ScriptContext.NameParts procedure = ctx.name(c);
        String name = ctx.value(procedure.last()).toLowerCase(Locale.ROOT);
        List<Argument> arguments = arguments(c);
        ctx.expectStatementEnd(c);
        switch (name) {
            case "sp_addtype" -> addType(exec, arguments);
            case "sp_addextendedproperty" -> extendedProperty(exec, arguments);
            case "sp_executesql" -> ctx.warning(ScriptContext.UNSUPPORTED, exec,
                    "dynamic SQL (sp_executesql) at " + ctx.location(exec) + " is not read", Optional.empty());
            default -> ctx.info(exec, "ignored EXEC of procedure " + ctx.value(procedure.last()), Optional.empty());
        }
    }

    private void dynamicSql(TokenCursor c) {
        Token exec = c.next();
        ctx.skipToStatementEnd(c, true);
        ctx.warning(ScriptContext.UNSUPPORTED, exec, "dynamic SQL (EXEC of a string) at " + ctx.location(exec)
                + " is not read", Optional.empty());
    }

    private List<Argument> arguments(TokenCursor c) {
        List<Argument> arguments = new ArrayList<>();
        if (c.atEnd() || ctx.isStatementStart(c, true)) {
            return arguments;
        }
        do {
            Optional<String> name = Optional.empty();
            if (c.at(TokenType.VARIABLE) && c.peek(1) != null && c.peek(1).text().equals("=")) {
                name = Optional.of(c.next().text().substring(1).toLowerCase(Locale.ROOT));
                c.next();
            }
            ScriptContext.Extent value = ctx.expression(c);
            arguments.add(new Argument(name, ctx.tokens.get(value.first()), ctx.tokens.get(value.last())));
            if (!c.accept("OUTPUT")) {
                c.accept("OUT");
            }
        } while (c.accept(TokenType.COMMA));
        return arguments;
    }

    /** Named and positional arguments by parameter name; a value is the unquoted string, or null for NULL. */
    private Map<String, String> argumentValues(List<Argument> arguments, List<String> positions) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            Argument argument = arguments.get(i);
            String key = argument.name().orElse(i < positions.size() ? positions.get(i) : "#" + i);
            String value;
            if (argument.isSingleToken()) {
                Token t = argument.first();
                value = t.is("NULL") ? null : t.isString() || t.isName() ? ctx.value(t) : t.text();
            } else {
                value = ctx.text(argument.first(), argument.last());
            }
            values.put(key, value);
        }
        return values;
    }

    private void addType(Token exec, List<Argument> arguments) {
        Map<String, String> values = argumentValues(arguments, List.of("typename", "phystype", "nulltype", "owner"));
        String typeName = values.get("typename");
        String physical = values.get("phystype");
        Optional<DataType> base = physical == null ? Optional.empty() : ctx.dataType(physical);
        if (typeName == null || base.isEmpty()) {
            ctx.warning(ScriptContext.SYNTAX_ERROR, exec, "cannot read sp_addtype: expected a type name and a base"
                    + " type such as 'varchar(11)'", Optional.empty());
            return;
        }
        String nullType = values.get("nulltype");
        boolean nullable = nullType == null || !nullType.strip().toUpperCase(Locale.ROOT).startsWith("NOT");
        String owner = values.getOrDefault("owner", ScriptContext.DEFAULT_SCHEMA);
        ObjectName name = new ObjectName(owner == null ? ScriptContext.DEFAULT_SCHEMA : owner, typeName);
        Token last = arguments.get(arguments.size() - 1).last();
        ctx.catalog.addObject(new AliasType(name, base.get(), nullable, Optional.empty(), ctx.text(exec, last),
                ctx.location(exec)));
    }

    private void extendedProperty(Token exec, List<Argument> arguments) {
        Map<String, String> values = argumentValues(arguments, EXTENDED_PROPERTY_ARGUMENTS);
        String property = values.get("name");
        String text = values.get("value");
        if (property == null || !property.equalsIgnoreCase("MS_Description") || text == null) {
            ctx.info(exec, "ignored extended property " + property + " (only MS_Description is read)",
                    Optional.empty());
            return;
        }
        String level0 = lower(values.get("level0type"));
        String level1 = lower(values.get("level1type"));
        String level2 = lower(values.get("level2type"));
        if (level0 == null) {
            ctx.catalog.describeDatabase(text);
            return;
        }
        if (!level0.equals("schema") && !level0.equals("user")) {
            ctx.info(exec, "ignored MS_Description on " + level0 + " " + values.get("level0name"), Optional.empty());
            return;
        }
        String schema = values.getOrDefault("level0name", ScriptContext.DEFAULT_SCHEMA);
        if (level1 == null) {
            if (!ctx.catalog.describeSchema(schema, text)) {
                unknownObject(exec, "schema " + schema);
            }
            return;
        }
        ObjectName object = new ObjectName(schema, String.valueOf(values.get("level1name")));
        Optional<TableBuilder> table = level1.equals("table") ? ctx.catalog.table(object) : Optional.empty();
        if (level2 == null) {
            if (table.isPresent()) {
                table.get().description = text;
            } else if (!ctx.catalog.describeObject(object, text)) {
                unknownObject(exec, level1 + " " + object);
            }
            return;
        }
        if (level2.equals("column") && table.isPresent()) {
            String columnName = String.valueOf(values.get("level2name"));
            Optional<TableBuilder.ColumnBuilder> column = table.get().column(columnName);
            if (column.isPresent()) {
                column.get().description = text;
            } else {
                unknownObject(exec, "column " + columnName + " of " + table.get().name);
            }
            return;
        }
        if (table.isEmpty() && level1.equals("table")) {
            unknownObject(exec, "table " + object);
            return;
        }
        ctx.info(exec, "ignored MS_Description on " + level2 + " " + values.get("level2name") + " of " + object,
                Optional.of(object.toString()));
    }

    private void unknownObject(Token at, String what) {
        ctx.deferIfPossible();
        ctx.warning(ScriptContext.UNKNOWN_OBJECT, at, "MS_Description for " + what
                + ", which this script does not create", Optional.empty());
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
