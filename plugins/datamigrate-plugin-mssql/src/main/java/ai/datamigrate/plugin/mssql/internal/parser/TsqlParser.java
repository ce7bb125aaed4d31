package ai.datamigrate.plugin.mssql.internal.parser;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.Expr.LiteralKind;
import ai.datamigrate.plugin.mssql.internal.ast.GroupingElement;
import ai.datamigrate.plugin.mssql.internal.ast.InsertSource;
import ai.datamigrate.plugin.mssql.internal.ast.MergeAction;
import ai.datamigrate.plugin.mssql.internal.ast.Part;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Argument;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Cte;
import ai.datamigrate.plugin.mssql.internal.ast.Part.DataTypeRef;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Part.OrderItem;
import ai.datamigrate.plugin.mssql.internal.ast.Part.OutputClause;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import ai.datamigrate.plugin.mssql.internal.ast.Part.SetClause;
import ai.datamigrate.plugin.mssql.internal.ast.Part.TableElement;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Tokens;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Top;
import ai.datamigrate.plugin.mssql.internal.ast.Pos;
import ai.datamigrate.plugin.mssql.internal.ast.QueryBody;
import ai.datamigrate.plugin.mssql.internal.ast.SelectItem;
import ai.datamigrate.plugin.mssql.internal.ast.SelectItem.AliasStyle;
import ai.datamigrate.plugin.mssql.internal.ast.Statement;
import ai.datamigrate.plugin.mssql.internal.ast.TableSource;
import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A hand-written recursive-descent parser for T-SQL bodies (views, routines, triggers). One pass over the tokens
 * of the lexer, no backtracking beyond a few tokens of look-ahead. A statement it cannot read becomes an
 * {@link Statement.Unparsed} and a {@code MSSQL-UNPARSED-STATEMENT} warning, and parsing resumes at the next
 * statement. Nesting is bounded so that no input can overflow the stack.
 */
public final class TsqlParser {

    public static final String UNPARSED = "MSSQL-UNPARSED-STATEMENT";
    /** Deeper nesting than this (parentheses, subqueries, blocks) is reported instead of recursed into. */
    public static final int MAX_DEPTH = 128;
    /** Longer operator chains than this are reported: printing and walking them would recurse as deep. */
    public static final int MAX_CHAIN = 2000;

    private final List<Token> tokens;
    private final int end;
    private final Locator locator;
    private final Optional<String> object;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int pos;
    private int depth;
    private int unparsed;

    private TsqlParser(List<Token> tokens, int from, int end, Locator locator, Optional<String> object) {
        this.tokens = tokens;
        this.pos = from;
        this.end = end;
        this.locator = locator;
        this.object = object;
    }

    /** Parses the statements in {@code tokens[from, to)}: a body, from the token after its {@code AS}. */
    public static ParseResult parseStatements(List<Token> tokens, int from, int to, Locator locator,
                                              Optional<String> object) {
        TsqlParser parser = new TsqlParser(tokens, from, to, locator, object);
        List<Statement> statements = parser.statementList(false);
        return new ParseResult(statements, parser.diagnostics, parser.unparsed);
    }

    /** Parses T-SQL text on its own (tests, round trips). */
    public static ParseResult parse(String text, String file) {
        List<Token> tokens = Lexer.tokenize(text);
        return parseStatements(tokens, 0, tokens.size(), Locator.of(file), Optional.empty());
    }

    /**
     * Parses the column list of a multi-statement function's {@code RETURNS @t TABLE (...)}, starting at its
     * {@code (}; returns the elements and the index after the {@code )}, or empty when it cannot be read.
     */
    public static Optional<TableDefinition> parseTableDefinition(List<Token> tokens, int from, int to) {
        TsqlParser parser = new TsqlParser(tokens, from, to, Locator.of(""), Optional.empty());
        try {
            List<TableElement> elements = parser.tableElements();
            return Optional.of(new TableDefinition(elements, parser.pos));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    public record TableDefinition(List<TableElement> elements, int next) {
    }

    // ================================================================ statements

    private List<Statement> statementList(boolean inBlock) {
        List<Statement> statements = new ArrayList<>();
        while (pos < end) {
            if (atType(TokenType.SEMICOLON)) {
                pos++;
                continue;
            }
            if (inBlock && at("END")) {
                break;
            }
            statements.add(recovering());
        }
        return statements;
    }

    private Statement recovering() {
        int start = pos;
        try {
            return statement();
        } catch (ParseException e) {
            if (e.fatal() && depth > 0) {
                throw e; // reported once, by the outermost statement list
            }
            Token at = e.token();
            pos = start + 1;
            if (e.fatal()) {
                pos = end; // resuming inside a nest that deep would report every level again
            } else {
                skipToStatementStart();
            }
            unparsed++;
            Token first = tokens.get(start);
            String words = firstWords(start, 6);
            Diagnostic d = Diagnostic.warning(UNPARSED, locator.at(first.line(), first.column()),
                    "cannot parse the statement '" + words + "': " + e.getMessage() + " at " + at.line() + ":"
                            + at.column() + "; skipped to the next statement");
            diagnostics.add(object.map(d::withObject).orElse(d));
            return new Statement.Unparsed(pos(first), tokensOf(start, pos), e.getMessage());
        }
    }

    private Statement statement() {
        enter();
        try {
            return statementInner();
        } finally {
            depth--;
        }
    }

    private Statement statementInner() {
        Token t = peek();
        if (t.type() == TokenType.LEFT_PAREN) {
            return new Statement.Select(pos(t), query(List.of()));
        }
        if (t.type() != TokenType.IDENTIFIER) {
            throw error("expected a statement");
        }
        Token after = peek(1);
        if (after != null && after.type() == TokenType.OPERATOR && after.text().equals(":")
                && after.line() == t.line() && !Keywords.RESERVED.contains(t.text())) {
            pos += 2;
            return new Statement.Label(pos(t), t.text());
        }
        switch (t.text().toUpperCase(Locale.ROOT)) {
            case "SELECT":
                return new Statement.Select(pos(t), query(List.of()));
            case "WITH":
                if (at(1, "CHECK") && at(2, "OPTION")) {
                    pos += 3; // the end of a view: CREATE VIEW ... AS SELECT ... WITH CHECK OPTION
                    return new Statement.Other(pos(t), tokensOf(pos - 3, pos));
                }
                return withStatement();
            case "INSERT":
                return insert(List.of());
            case "UPDATE":
                if (after != null && after.is("STATISTICS")) {
                    return other();
                }
                return update(List.of());
            case "DELETE":
                return delete(List.of());
            case "MERGE":
                return merge(List.of());
            case "DECLARE":
                return declare();
            case "SET":
                return set();
            case "IF":
                return ifStatement();
            case "WHILE": {
                next();
                Expr condition = expr();
                return new Statement.While(pos(t), condition, statement());
            }
            case "BEGIN":
                return begin();
            case "RETURN":
                return returnStatement();
            case "BREAK":
                next();
                return new Statement.Break(pos(t));
            case "CONTINUE":
                next();
                return new Statement.Continue(pos(t));
            case "GOTO":
                next();
                return new Statement.Goto(pos(t), expectName().text());
            case "OPEN":
            case "CLOSE":
            case "DEALLOCATE": {
                next();
                boolean global = acceptWord("GLOBAL");
                return new Statement.CursorCommand(pos(t), t.text().toUpperCase(Locale.ROOT), global, cursorName());
            }
            case "FETCH":
                return fetch();
            case "CREATE":
                if (after != null && after.is("TABLE")) {
                    return createTable();
                }
                return other();
            case "EXEC":
            case "EXECUTE":
                return execute();
            case "THROW": {
                next();
                List<Expr> args = new ArrayList<>();
                if (startsExpression()) {
                    args.add(expr());
                    while (accept(TokenType.COMMA)) {
                        args.add(expr());
                    }
                }
                return new Statement.Throw(pos(t), args);
            }
            case "RAISERROR":
                return raiserror();
            case "COMMIT":
            case "ROLLBACK":
            case "SAVE":
                return transaction();
            case "WAITFOR": {
                next();
                String kind;
                if (acceptWord("DELAY")) {
                    kind = "DELAY";
                } else {
                    expectWord("TIME");
                    kind = "TIME";
                }
                return new Statement.Waitfor(pos(t), kind, expr());
            }
            case "PRINT":
                next();
                return new Statement.Print(pos(t), expr());
            case "TRUNCATE":
                next();
                expectWord("TABLE");
                return new Statement.Truncate(pos(t), name());
            case "DROP":
                return drop();
            case "ALTER":
            case "GRANT":
            case "DENY":
            case "REVOKE":
            case "DBCC":
            case "CHECKPOINT":
            case "RECONFIGURE":
            case "KILL":
            case "USE":
            case "BULK":
            case "SETUSER":
            case "ENABLE":
            case "DISABLE":
            case "BACKUP":
            case "RESTORE":
            case "DUMP":
            case "SHUTDOWN":
                return other();
            default:
                throw error("expected a statement");
        }
    }

    private Statement withStatement() {
        Token start = peek();
        List<Cte> ctes = ctes();
        if (at("SELECT") || atType(TokenType.LEFT_PAREN)) {
            return new Statement.Select(pos(start), query(ctes));
        }
        if (at("INSERT")) {
            return insert(ctes);
        }
        if (at("UPDATE")) {
            return update(ctes);
        }
        if (at("DELETE")) {
            return delete(ctes);
        }
        if (at("MERGE")) {
            return merge(ctes);
        }
        throw error("expected SELECT, INSERT, UPDATE, DELETE or MERGE after the common table expressions");
    }

    /** A statement kept as words, up to where the next one starts. */
    private Statement other() {
        Token start = next();
        skipToStatementStart();
        return new Statement.Other(pos(start), tokensOf(indexOf(start), pos));
    }

    private Statement ifStatement() {
        Token t = next();
        Expr condition = expr();
        Statement then = statement();
        int mark = pos;
        while (atType(TokenType.SEMICOLON)) {
            pos++;
        }
        Optional<Statement> otherwise = Optional.empty();
        if (acceptWord("ELSE")) {
            otherwise = Optional.of(statement());
        } else {
            pos = mark;
        }
        return new Statement.If(pos(t), condition, then, otherwise);
    }

    private Statement begin() {
        Token t = next();
        if (at("TRAN") || at("TRANSACTION") || at("DISTRIBUTED")) {
            acceptWord("DISTRIBUTED");
            next();
            Optional<String> name = transactionName();
            if (acceptWord("WITH")) {
                expectWord("MARK");
                if (atType(TokenType.STRING) || atType(TokenType.NATIONAL_STRING)) {
                    next();
                }
            }
            return new Statement.Transaction(pos(t), "BEGIN TRANSACTION", name);
        }
        if (acceptWord("TRY")) {
            List<Statement> tryStatements = statementList(true);
            expectWord("END");
            expectWord("TRY");
            while (accept(TokenType.SEMICOLON)) {
                // BEGIN TRY ... END TRY; BEGIN CATCH is common
            }
            expectWord("BEGIN");
            expectWord("CATCH");
            List<Statement> catchStatements = statementList(true);
            expectWord("END");
            expectWord("CATCH");
            return new Statement.TryCatch(pos(t), tryStatements, catchStatements);
        }
        if (at("DIALOG") || at("CONVERSATION")) {
            pos--;
            return other();
        }
        List<Statement> statements = statementList(true);
        if (pos >= end) {
            throw new ParseException(t, "expected END for this BEGIN");
        }
        expectWord("END");
        return new Statement.Block(pos(t), statements);
    }

    private Optional<String> transactionName() {
        if (atType(TokenType.VARIABLE)) {
            return Optional.of(next().text());
        }
        if (pos < end && peek().isName() && !(peek().type() == TokenType.IDENTIFIER
                && (Keywords.STATEMENT_START.contains(peek().text()) || Keywords.RESERVED.contains(peek().text())))) {
            return Optional.of(next().value());
        }
        return Optional.empty();
    }

    private Statement transaction() {
        Token t = next();
        String verb = t.text().toUpperCase(Locale.ROOT);
        if (at("TRAN") || at("TRANSACTION")) {
            next();
            verb += " TRANSACTION";
        } else if (acceptWord("WORK")) {
            verb += " WORK";
        } else if (verb.equals("SAVE")) {
            throw error("expected TRANSACTION");
        }
        Optional<String> name = verb.endsWith("WORK") ? Optional.empty() : transactionName();
        return new Statement.Transaction(pos(t), verb, name);
    }

    private Statement returnStatement() {
        Token t = next();
        if (at("SELECT") || at("WITH")) {
            Token q = peek();
            return new Statement.Return(pos(t), Optional.of(new Expr.Subquery(pos(q), query(List.of()))));
        }
        if (startsExpression()) {
            return new Statement.Return(pos(t), Optional.of(expr()));
        }
        return new Statement.Return(pos(t), Optional.empty());
    }

    private Statement fetch() {
        Token t = next();
        Optional<String> direction = Optional.empty();
        Optional<Expr> offset = Optional.empty();
        if (at("NEXT") || at("PRIOR") || at("FIRST") || at("LAST")) {
            direction = Optional.of(next().text().toUpperCase(Locale.ROOT));
        } else if (at("ABSOLUTE") || at("RELATIVE")) {
            direction = Optional.of(next().text().toUpperCase(Locale.ROOT));
            offset = Optional.of(expr());
        }
        if (direction.isPresent()) {
            expectWord("FROM");
        } else {
            acceptWord("FROM");
        }
        boolean global = acceptWord("GLOBAL");
        String cursor = cursorName();
        List<String> into = new ArrayList<>();
        if (acceptWord("INTO")) {
            do {
                into.add(expect(TokenType.VARIABLE, "a variable").text());
            } while (accept(TokenType.COMMA));
        }
        return new Statement.Fetch(pos(t), direction, offset, global, cursor, into);
    }

    private String cursorName() {
        if (atType(TokenType.VARIABLE)) {
            return next().text();
        }
        return expectName().value();
    }

    private Statement createTable() {
        Token t = next();
        next(); // TABLE
        Name name = name();
        List<TableElement> elements = tableElements();
        // ON [PRIMARY], TEXTIMAGE_ON, WITH (...): storage, nothing to read for a temp table
        while (at("ON") || at("TEXTIMAGE_ON") || at("FILESTREAM_ON") || at("WITH")) {
            next();
            if (atType(TokenType.LEFT_PAREN)) {
                skipParens();
            } else {
                next();
            }
        }
        return new Statement.CreateTable(pos(t), name, elements);
    }

    private List<TableElement> tableElements() {
        expect(TokenType.LEFT_PAREN, "'('");
        List<TableElement> elements = new ArrayList<>();
        do {
            if (atType(TokenType.RIGHT_PAREN)) {
                break; // a trailing comma, which SQL Server accepts
            }
            elements.add(tableElement());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RIGHT_PAREN, "')'");
        return elements;
    }

    private TableElement tableElement() {
        Token first = peek();
        if (at("CONSTRAINT") || at("PRIMARY") || at("UNIQUE") || at("CHECK") || at("FOREIGN") || at("INDEX")
                || at("PERIOD")) {
            return new TableElement(pos(first), Optional.empty(), Optional.empty(), Optional.empty(),
                    restOfElement());
        }
        String column = expectName().value();
        Optional<DataTypeRef> type = Optional.empty();
        Optional<Expr> computed = Optional.empty();
        if (acceptWord("AS")) {
            computed = Optional.of(expr());
        } else {
            type = Optional.of(dataType());
        }
        return new TableElement(pos(first), Optional.of(column), type, computed, restOfElement());
    }

    /** The words of a column or constraint definition up to the comma or parenthesis that ends it. */
    private Tokens restOfElement() {
        int start = pos;
        int parens = 0;
        while (pos < end) {
            TokenType type = peek().type();
            if (parens == 0 && (type == TokenType.COMMA || type == TokenType.RIGHT_PAREN)) {
                break;
            }
            if (type == TokenType.LEFT_PAREN) {
                parens++;
            } else if (type == TokenType.RIGHT_PAREN) {
                parens--;
            }
            pos++;
        }
        return tokensOf(start, pos);
    }

    private Statement drop() {
        Token t = next();
        if (!(at("TABLE") || at("VIEW") || at("PROCEDURE") || at("PROC") || at("FUNCTION") || at("SYNONYM")
                || at("SEQUENCE") || at("TYPE"))) {
            pos--;
            return other();
        }
        String kind = next().text().toUpperCase(Locale.ROOT);
        if (kind.equals("PROC")) {
            kind = "PROCEDURE";
        }
        boolean ifExists = false;
        if (at("IF") && peek(1) != null && peek(1).is("EXISTS")) {
            pos += 2;
            ifExists = true;
        }
        List<Name> names = new ArrayList<>();
        do {
            names.add(name());
        } while (accept(TokenType.COMMA));
        return new Statement.Drop(pos(t), kind, ifExists, names);
    }

    private Statement raiserror() {
        Token t = next();
        expect(TokenType.LEFT_PAREN, "'('");
        List<Expr> args = new ArrayList<>();
        args.add(expr());
        while (accept(TokenType.COMMA)) {
            args.add(expr());
        }
        expect(TokenType.RIGHT_PAREN, "')'");
        List<String> options = new ArrayList<>();
        if (acceptWord("WITH")) {
            do {
                options.add(expectName().text().toUpperCase(Locale.ROOT));
            } while (accept(TokenType.COMMA));
        }
        return new Statement.Raiserror(pos(t), args, options);
    }

    // ---------------------------------------------------------------- DECLARE and SET

    private Statement declare() {
        Token t = next();
        if (atType(TokenType.IDENTIFIER) || atType(TokenType.BRACKETED_IDENTIFIER)) {
            return declareCursor(t); // DECLARE name [options] CURSOR ...
        }
        Token first = expect(TokenType.VARIABLE, "a variable");
        acceptWord("AS");
        if (at("TABLE")) {
            next();
            return new Statement.DeclareTable(pos(t), first.text(), tableElements());
        }
        List<Part.VariableDecl> variables = new ArrayList<>();
        Token variable = first;
        while (true) {
            DataTypeRef type = dataType();
            Optional<Expr> initial = Optional.empty();
            if (atOperator("=")) {
                next();
                initial = Optional.of(expr());
            }
            variables.add(new Part.VariableDecl(pos(variable), variable.text(), type, initial));
            if (!accept(TokenType.COMMA)) {
                break;
            }
            variable = expect(TokenType.VARIABLE, "a variable");
            acceptWord("AS");
        }
        return new Statement.Declare(pos(t), variables);
    }

    private Statement declareCursor(Token declare) {
        String name = next().value();
        List<String> options = new ArrayList<>();
        while (pos < end && !at("CURSOR")) {
            options.add(expectName().text().toUpperCase(Locale.ROOT)); // INSENSITIVE, SCROLL
        }
        expectWord("CURSOR");
        while (pos < end && !at("FOR")) {
            options.add(expectName().text().toUpperCase(Locale.ROOT)); // LOCAL, FAST_FORWARD, READ_ONLY ...
        }
        expectWord("FOR");
        Query query = query(List.of());
        Optional<Tokens> forUpdate = Optional.empty();
        if (at("FOR")) {
            int start = pos;
            next();
            if (acceptWord("READ")) {
                expectWord("ONLY");
            } else {
                expectWord("UPDATE");
                if (acceptWord("OF")) {
                    do {
                        expectName();
                    } while (accept(TokenType.COMMA));
                }
            }
            forUpdate = Optional.of(tokensOf(start + 1, pos));
        }
        return new Statement.DeclareCursor(pos(declare), name, options, query, forUpdate);
    }

    private Statement set() {
        Token t = next();
        if (atType(TokenType.VARIABLE) && peek(1) != null && peek(1).type() == TokenType.OPERATOR
                && Keywords.isCompoundAssignment(peek(1).text())) {
            String variable = next().text();
            String op = next().text();
            return new Statement.SetVariable(pos(t), variable, op, expr());
        }
        int start = pos;
        skipToStatementStart();
        if (pos == start) {
            throw error("expected a variable or an option after SET");
        }
        return new Statement.SetOption(pos(t), tokensOf(start, pos));
    }

    // ---------------------------------------------------------------- EXEC

    private Statement execute() {
        Token t = next();
        if (atType(TokenType.LEFT_PAREN)) {
            next();
            Expr sql = expr();
            expect(TokenType.RIGHT_PAREN, "')'");
            Optional<String> at = Optional.empty();
            if (acceptWord("AT")) {
                at = Optional.of(expectName().value());
            }
            return new Statement.ExecuteString(pos(t), sql, at);
        }
        Optional<String> returnVariable = Optional.empty();
        if (atType(TokenType.VARIABLE) && peek(1) != null && peek(1).type() == TokenType.OPERATOR
                && peek(1).text().equals("=")) {
            returnVariable = Optional.of(next().text());
            next();
        }
        Optional<Name> procedure = Optional.empty();
        Optional<String> procedureVariable = Optional.empty();
        if (atType(TokenType.VARIABLE)) {
            procedureVariable = Optional.of(next().text());
        } else {
            procedure = Optional.of(name());
        }
        List<Argument> args = new ArrayList<>();
        if (startsArgument()) {
            do {
                Token first = peek();
                Optional<String> argName = Optional.empty();
                if (atType(TokenType.VARIABLE) && peek(1) != null && peek(1).type() == TokenType.OPERATOR
                        && peek(1).text().equals("=")) {
                    argName = Optional.of(next().text());
                    next();
                }
                Expr value = expr();
                boolean output = acceptWord("OUTPUT") || acceptWord("OUT");
                args.add(new Argument(pos(first), argName, value, output));
            } while (accept(TokenType.COMMA));
        }
        Optional<Tokens> options = Optional.empty();
        if (at("WITH")) {
            next();
            int start = pos;
            skipToStatementStart();
            options = Optional.of(tokensOf(start, pos));
        }
        return new Statement.Execute(pos(t), returnVariable, procedure, procedureVariable, args, options);
    }

    private boolean startsArgument() {
        if (pos >= end || at("WITH")) {
            return false;
        }
        return startsExpression() || at("DEFAULT");
    }

    // ---------------------------------------------------------------- INSERT, UPDATE, DELETE, MERGE

    private Optional<Top> dmlTop() {
        if (!at("TOP")) {
            return Optional.empty();
        }
        Token t = next();
        expect(TokenType.LEFT_PAREN, "'('");
        Expr count = expr();
        expect(TokenType.RIGHT_PAREN, "')'");
        boolean percent = acceptWord("PERCENT");
        return Optional.of(new Top(pos(t), count, percent, false));
    }

    /** The target of INSERT, UPDATE or DELETE: a name or variable with optional hints (no alias). */
    private TableSource dmlTarget() {
        Token first = peek();
        if (atType(TokenType.VARIABLE)) {
            return new TableSource.Variable(pos(next()), first.text(), Optional.empty());
        }
        Name name = name();
        if (atType(TokenType.LEFT_PAREN) && (Keywords.FUNCTION_WORDS.contains(name.last()) || at(1, "OPENQUERY"))) {
            return new TableSource.Function(pos(first), call(name, first), Optional.empty(), List.of(),
                    Optional.empty());
        }
        Optional<Tokens> hints = Optional.empty();
        boolean withKeyword = false;
        if (at("WITH") && peek(1) != null && peek(1).type() == TokenType.LEFT_PAREN) {
            next();
            withKeyword = true;
            hints = Optional.of(parenContents());
        }
        return new TableSource.Named(pos(first), name, Optional.empty(), hints, withKeyword, Optional.empty());
    }

    private Statement insert(List<Cte> ctes) {
        Token t = next();
        Optional<Top> top = dmlTop();
        acceptWord("INTO");
        TableSource target = dmlTarget();
        List<String> columns = List.of();
        if (atType(TokenType.LEFT_PAREN) && !isQueryAhead(pos)) {
            columns = columnList();
        }
        Optional<OutputClause> output = outputClause();
        InsertSource source;
        Token s = peek();
        if (acceptWord("VALUES")) {
            source = new InsertSource.Values(pos(s), valuesRows());
        } else if (at("DEFAULT") && peek(1) != null && peek(1).is("VALUES")) {
            pos += 2;
            source = new InsertSource.DefaultValues(pos(s));
        } else if (at("EXEC") || at("EXECUTE")) {
            source = new InsertSource.FromExecute(pos(s), execute());
        } else if (at("SELECT") || at("WITH") || atType(TokenType.LEFT_PAREN)) {
            source = new InsertSource.FromQuery(pos(s), query(List.of()));
        } else {
            throw error("expected VALUES, SELECT, EXEC or DEFAULT VALUES");
        }
        return new Statement.Insert(pos(t), ctes, top, target, columns, output, source);
    }

    private List<List<Expr>> valuesRows() {
        List<List<Expr>> rows = new ArrayList<>();
        do {
            expect(TokenType.LEFT_PAREN, "'('");
            List<Expr> row = new ArrayList<>();
            do {
                row.add(expr());
            } while (accept(TokenType.COMMA));
            expect(TokenType.RIGHT_PAREN, "')'");
            rows.add(row);
        } while (accept(TokenType.COMMA));
        return rows;
    }

    private List<String> columnList() {
        expect(TokenType.LEFT_PAREN, "'('");
        List<String> columns = new ArrayList<>();
        do {
            columns.add(name().last());
        } while (accept(TokenType.COMMA));
        expect(TokenType.RIGHT_PAREN, "')'");
        return columns;
    }

    private Optional<OutputClause> outputClause() {
        if (!at("OUTPUT")) {
            return Optional.empty();
        }
        Token t = next();
        List<SelectItem> items = selectItems();
        Optional<TableSource> into = Optional.empty();
        List<String> columns = List.of();
        if (acceptWord("INTO")) {
            into = Optional.of(dmlTarget());
            if (atType(TokenType.LEFT_PAREN)) {
                columns = columnList();
            }
        }
        return Optional.of(new OutputClause(pos(t), items, into, columns));
    }

    private List<SetClause> setClauses() {
        List<SetClause> sets = new ArrayList<>();
        do {
            Token first = peek();
            Expr target;
            if (atType(TokenType.VARIABLE)) {
                target = new Expr.Variable(pos(first), next().text());
            } else {
                target = new Expr.ColumnRef(pos(first), name());
            }
            Token op = expect(TokenType.OPERATOR, "'='");
            if (!Keywords.isCompoundAssignment(op.text())) {
                throw new ParseException(op, "expected '=' but found '" + op.text() + "'");
            }
            sets.add(new SetClause(pos(first), target, op.text(), expr()));
        } while (accept(TokenType.COMMA));
        return sets;
    }

    private Optional<Tokens> optionClause() {
        if (at("OPTION") && peek(1) != null && peek(1).type() == TokenType.LEFT_PAREN) {
            next();
            return Optional.of(parenContents());
        }
        return Optional.empty();
    }

    private Statement update(List<Cte> ctes) {
        Token t = next();
        Optional<Top> top = dmlTop();
        TableSource target = dmlTarget();
        expectWord("SET");
        List<SetClause> sets = setClauses();
        Optional<OutputClause> output = outputClause();
        List<TableSource> from = acceptWord("FROM") ? fromList() : List.of();
        Optional<Expr> where = Optional.empty();
        Optional<String> currentOf = Optional.empty();
        if (acceptWord("WHERE")) {
            if (at("CURRENT") && peek(1) != null && peek(1).is("OF")) {
                pos += 2;
                acceptWord("GLOBAL");
                currentOf = Optional.of(cursorName());
            } else {
                where = Optional.of(expr());
            }
        }
        return new Statement.Update(pos(t), ctes, top, target, sets, output, from, where, currentOf, optionClause());
    }

    private Statement delete(List<Cte> ctes) {
        Token t = next();
        Optional<Top> top = dmlTop();
        acceptWord("FROM");
        TableSource target = dmlTarget();
        Optional<OutputClause> output = outputClause();
        List<TableSource> from = acceptWord("FROM") ? fromList() : List.of();
        Optional<Expr> where = Optional.empty();
        Optional<String> currentOf = Optional.empty();
        if (acceptWord("WHERE")) {
            if (at("CURRENT") && peek(1) != null && peek(1).is("OF")) {
                pos += 2;
                acceptWord("GLOBAL");
                currentOf = Optional.of(cursorName());
            } else {
                where = Optional.of(expr());
            }
        }
        return new Statement.Delete(pos(t), ctes, top, target, output, from, where, currentOf, optionClause());
    }

    private Statement merge(List<Cte> ctes) {
        Token t = next();
        Optional<Top> top = dmlTop();
        acceptWord("INTO");
        TableSource target = tablePrimary();
        expectWord("USING");
        TableSource source = tableSource();
        expectWord("ON");
        Expr on = expr();
        List<Part.MergeWhen> clauses = new ArrayList<>();
        while (at("WHEN")) {
            Token w = next();
            String match;
            if (acceptWord("MATCHED")) {
                match = "MATCHED";
            } else {
                expectWord("NOT");
                expectWord("MATCHED");
                match = "NOT MATCHED";
                if (acceptWord("BY")) {
                    if (acceptWord("SOURCE")) {
                        match = "NOT MATCHED BY SOURCE";
                    } else {
                        expectWord("TARGET");
                        match = "NOT MATCHED BY TARGET";
                    }
                }
            }
            Optional<Expr> and = Optional.empty();
            if (acceptWord("AND")) {
                and = Optional.of(expr());
            }
            expectWord("THEN");
            Token a = peek();
            MergeAction action;
            if (acceptWord("UPDATE")) {
                expectWord("SET");
                action = new MergeAction.Update(pos(a), setClauses());
            } else if (acceptWord("DELETE")) {
                action = new MergeAction.Delete(pos(a));
            } else {
                expectWord("INSERT");
                List<String> columns = atType(TokenType.LEFT_PAREN) ? columnList() : List.of();
                if (acceptWord("DEFAULT")) {
                    expectWord("VALUES");
                    action = new MergeAction.Insert(pos(a), columns, Optional.empty());
                } else {
                    expectWord("VALUES");
                    List<List<Expr>> rows = valuesRows();
                    if (rows.size() != 1) {
                        throw error("expected one row of values");
                    }
                    action = new MergeAction.Insert(pos(a), columns, Optional.of(rows.get(0)));
                }
            }
            clauses.add(new Part.MergeWhen(pos(w), match, and, action));
        }
        if (clauses.isEmpty()) {
            throw error("expected WHEN");
        }
        Optional<OutputClause> output = outputClause();
        return new Statement.Merge(pos(t), ctes, top, target, source, on, clauses, output, optionClause());
    }

    // ================================================================ queries

    private List<Cte> ctes() {
        expectWord("WITH");
        List<Cte> ctes = new ArrayList<>();
        do {
            Token name = expectName();
            List<String> columns = atType(TokenType.LEFT_PAREN) ? columnList() : List.of();
            expectWord("AS");
            expect(TokenType.LEFT_PAREN, "'('");
            Query query = query(List.of());
            expect(TokenType.RIGHT_PAREN, "')'");
            ctes.add(new Cte(pos(name), name.value(), columns, query));
        } while (accept(TokenType.COMMA));
        return ctes;
    }

    private Query query(List<Cte> given) {
        enter();
        try {
            Token start = peek();
            List<Cte> ctes = given;
            if (at("WITH")) {
                ctes = ctes();
            }
            QueryBody body = queryBody();
            List<OrderItem> orderBy = List.of();
            if (at("ORDER") && peek(1) != null && peek(1).is("BY")) {
                pos += 2;
                orderBy = orderItems();
            }
            Optional<Part.OffsetFetch> offset = Optional.empty();
            if (at("OFFSET")) {
                Token o = next();
                Expr offsetCount = expr();
                if (!acceptWord("ROWS")) {
                    expectWord("ROW");
                }
                Optional<Expr> fetch = Optional.empty();
                if (acceptWord("FETCH")) {
                    if (!acceptWord("NEXT")) {
                        expectWord("FIRST");
                    }
                    fetch = Optional.of(expr());
                    if (!acceptWord("ROWS")) {
                        expectWord("ROW");
                    }
                    expectWord("ONLY");
                }
                offset = Optional.of(new Part.OffsetFetch(pos(o), offsetCount, fetch));
            }
            Optional<Tokens> forClause = Optional.empty();
            if (at("FOR") && peek(1) != null && (peek(1).is("XML") || peek(1).is("JSON") || peek(1).is("BROWSE"))) {
                next();
                int from = pos;
                int parens = 0;
                while (pos < end) {
                    Token t = peek();
                    if (t.type() == TokenType.LEFT_PAREN) {
                        parens++;
                    } else if (t.type() == TokenType.RIGHT_PAREN) {
                        if (parens == 0) {
                            break;
                        }
                        parens--;
                    } else if (parens == 0 && (t.type() == TokenType.SEMICOLON || t.is("OPTION")
                            || (pos > from && isStatementStart(pos)) || t.is("UNION") || t.is("EXCEPT")
                            || t.is("INTERSECT"))) {
                        break;
                    }
                    pos++;
                }
                forClause = Optional.of(tokensOf(from, pos));
            }
            Optional<Tokens> option = optionClause();
            return new Query(pos(start), ctes, body, orderBy, offset, forClause, option);
        } finally {
            depth--;
        }
    }

    private QueryBody queryBody() {
        QueryBody left = queryTerm();
        int chain = 0;
        while (true) {
            Token t = peek(0);
            String op;
            if (at("UNION")) {
                next();
                op = acceptWord("ALL") ? "UNION ALL" : "UNION";
            } else if (at("EXCEPT") || at("INTERSECT")) {
                op = next().text().toUpperCase(Locale.ROOT);
            } else {
                return left;
            }
            if (++chain > MAX_CHAIN) {
                throw error("more than " + MAX_CHAIN + " set operators in a row");
            }
            left = new QueryBody.SetOperation(pos(t), op, left, queryTerm());
        }
    }

    private QueryBody queryTerm() {
        Token t = peek();
        if (atType(TokenType.LEFT_PAREN)) {
            next();
            Query inner = query(List.of());
            expect(TokenType.RIGHT_PAREN, "')'");
            return new QueryBody.Nested(pos(t), inner);
        }
        return select();
    }

    private QueryBody select() {
        Token t = expectWord("SELECT");
        Optional<String> quantifier = Optional.empty();
        if (at("DISTINCT") || at("ALL")) {
            quantifier = Optional.of(next().text().toUpperCase(Locale.ROOT));
        }
        Optional<Top> top = Optional.empty();
        if (at("TOP")) {
            Token tt = next();
            Expr count;
            if (accept(TokenType.LEFT_PAREN)) {
                count = expr();
                expect(TokenType.RIGHT_PAREN, "')'");
            } else {
                count = primary();
            }
            boolean percent = acceptWord("PERCENT");
            boolean withTies = false;
            if (at("WITH") && peek(1) != null && peek(1).is("TIES")) {
                pos += 2;
                withTies = true;
            }
            top = Optional.of(new Top(pos(tt), count, percent, withTies));
        }
        List<SelectItem> items = selectItems();
        Optional<Name> into = Optional.empty();
        if (acceptWord("INTO")) {
            into = Optional.of(name());
        }
        List<TableSource> from = acceptWord("FROM") ? fromList() : List.of();
        Optional<Expr> where = acceptWord("WHERE") ? Optional.of(expr()) : Optional.empty();
        Optional<Part.GroupBy> groupBy = Optional.empty();
        if (at("GROUP") && peek(1) != null && peek(1).is("BY")) {
            Token g = next();
            next();
            boolean all = acceptWord("ALL");
            List<GroupingElement> elements = new ArrayList<>();
            do {
                elements.add(groupingElement(true));
            } while (accept(TokenType.COMMA));
            Optional<String> with = Optional.empty();
            if (at("WITH") && peek(1) != null && (peek(1).is("ROLLUP") || peek(1).is("CUBE"))) {
                next();
                with = Optional.of(next().text().toUpperCase(Locale.ROOT));
            }
            groupBy = Optional.of(new Part.GroupBy(pos(g), all, elements, with));
        }
        Optional<Expr> having = acceptWord("HAVING") ? Optional.of(expr()) : Optional.empty();
        return new QueryBody.Select(pos(t), quantifier, top, items, into, from, where, groupBy, having);
    }

    private GroupingElement groupingElement(boolean topLevel) {
        Token t = peek();
        if ((at("ROLLUP") || at("CUBE")) && peek(1) != null && peek(1).type() == TokenType.LEFT_PAREN) {
            String kind = next().text().toUpperCase(Locale.ROOT);
            return new GroupingElement.Operator(pos(t), kind, groupingSet());
        }
        if (at("GROUPING") && peek(1) != null && peek(1).is("SETS")) {
            pos += 2;
            return new GroupingElement.Operator(pos(t), "GROUPING SETS", groupingSet());
        }
        if (!topLevel && atType(TokenType.LEFT_PAREN)) {
            return new GroupingElement.Set(pos(t), groupingSet());
        }
        return new GroupingElement.ByExpr(pos(t), expr());
    }

    private List<GroupingElement> groupingSet() {
        enter();
        try {
            expect(TokenType.LEFT_PAREN, "'('");
            List<GroupingElement> items = new ArrayList<>();
            if (!atType(TokenType.RIGHT_PAREN)) {
                do {
                    items.add(groupingElement(false));
                } while (accept(TokenType.COMMA));
            }
            expect(TokenType.RIGHT_PAREN, "')'");
            return items;
        } finally {
            depth--;
        }
    }

    private List<OrderItem> orderItems() {
        List<OrderItem> items = new ArrayList<>();
        do {
            Token t = peek();
            Expr e = expr();
            Optional<String> direction = Optional.empty();
            if (at("ASC") || at("DESC")) {
                direction = Optional.of(next().text().toUpperCase(Locale.ROOT));
            }
            items.add(new OrderItem(pos(t), e, direction));
        } while (accept(TokenType.COMMA));
        return items;
    }

    private List<SelectItem> selectItems() {
        List<SelectItem> items = new ArrayList<>();
        do {
            items.add(selectItem());
        } while (accept(TokenType.COMMA));
        return items;
    }

    private SelectItem selectItem() {
        Token t = peek();
        Token after = peek(1);
        boolean afterIsOp = after != null && after.type() == TokenType.OPERATOR;
        if (t.type() == TokenType.VARIABLE && afterIsOp && Keywords.isCompoundAssignment(after.text())) {
            pos += 2;
            return new SelectItem.Assignment(pos(t), t.text(), after.text(), expr());
        }
        if (afterIsOp && after.text().equals("=") && (isAliasToken(t) || t.isString())) {
            pos += 2;
            return new SelectItem.Column(pos(t), expr(), Optional.of(t.value()),
                    t.isString() ? AliasStyle.EQUALS_STRING : AliasStyle.EQUALS);
        }
        Expr e = expr();
        if (acceptWord("AS")) {
            Token alias = next0();
            if (alias.isString()) {
                return new SelectItem.Column(pos(t), e, Optional.of(alias.value()), AliasStyle.AS_STRING);
            }
            if (!alias.isName()) {
                throw new ParseException(alias, "expected an alias after AS");
            }
            return new SelectItem.Column(pos(t), e, Optional.of(alias.value()), AliasStyle.AS);
        }
        if (pos < end && (isAliasToken(peek()) || peek().isString())) {
            return new SelectItem.Column(pos(t), e, Optional.of(next().value()), AliasStyle.BARE);
        }
        return new SelectItem.Column(pos(t), e, Optional.empty(), AliasStyle.NONE);
    }

    /** Whether a token can be an alias written without AS. */
    private static boolean isAliasToken(Token t) {
        return switch (t.type()) {
            case BRACKETED_IDENTIFIER, QUOTED_IDENTIFIER -> true;
            case IDENTIFIER -> !Keywords.RESERVED.contains(t.text()) && !Keywords.NOT_ALIAS.contains(t.text());
            default -> false;
        };
    }

    // ---------------------------------------------------------------- FROM

    private List<TableSource> fromList() {
        List<TableSource> sources = new ArrayList<>();
        do {
            sources.add(tableSource());
        } while (accept(TokenType.COMMA));
        return sources;
    }

    private TableSource tableSource() {
        enter();
        try {
            return joins(tablePrimary());
        } finally {
            depth--;
        }
    }

    private TableSource joins(TableSource left) {
        int chain = 0;
        while (pos < end) {
            Token t = peek();
            String kind = joinKind();
            if (kind == null) {
                if ((at("PIVOT") || at("UNPIVOT")) && peek(1) != null && peek(1).type() == TokenType.LEFT_PAREN) {
                    left = pivot(left);
                    continue;
                }
                return left;
            }
            if (++chain > MAX_CHAIN) {
                throw error("more than " + MAX_CHAIN + " joins in a row");
            }
            if (kind.equals("CROSS JOIN") || kind.endsWith("APPLY")) {
                left = new TableSource.Join(pos(t), kind, left, tablePrimary(), Optional.empty());
                continue;
            }
            TableSource right = tablePrimary();
            if (!at("ON") && isJoinAhead()) {
                enter();
                try {
                    right = joins(right); // a JOIN b JOIN c ON .. ON ..: the nested join binds first
                } finally {
                    depth--;
                }
            }
            expectWord("ON");
            left = new TableSource.Join(pos(t), kind, left, right, Optional.of(expr()));
        }
        return left;
    }

    private boolean isJoinAhead() {
        int mark = pos;
        String kind = joinKind();
        pos = mark;
        return kind != null;
    }

    /** Reads a join operator if one is next, returning its normalised words; null (and no move) otherwise. */
    private String joinKind() {
        int mark = pos;
        StringBuilder kind = new StringBuilder();
        if (at("CROSS")) {
            next();
            if (acceptWord("JOIN")) {
                return "CROSS JOIN";
            }
            if (acceptWord("APPLY")) {
                return "CROSS APPLY";
            }
            pos = mark;
            return null;
        }
        if (at("OUTER") && peek(1) != null && peek(1).is("APPLY")) {
            pos += 2;
            return "OUTER APPLY";
        }
        if (at("INNER")) {
            kind.append(next().text().toUpperCase(Locale.ROOT));
        } else if (at("LEFT") || at("RIGHT") || at("FULL")) {
            kind.append(next().text().toUpperCase(Locale.ROOT));
            if (acceptWord("OUTER")) {
                kind.append(" OUTER");
            }
        }
        if (at("LOOP") || at("HASH") || at("MERGE") || at("REMOTE")) {
            if (kind.length() > 0) {
                kind.append(' ');
            }
            kind.append(next().text().toUpperCase(Locale.ROOT));
        }
        if (acceptWord("JOIN")) {
            return kind.length() == 0 ? "JOIN" : kind + " JOIN";
        }
        pos = mark;
        return null;
    }

    private TableSource pivot(TableSource source) {
        Token t = next();
        boolean isPivot = t.is("PIVOT");
        expect(TokenType.LEFT_PAREN, "'('");
        TableSource result;
        if (isPivot) {
            Token f = peek();
            Expr aggregate = nameOrCall();
            if (!(aggregate instanceof Expr.FunctionCall call)) {
                throw new ParseException(f, "expected an aggregate function in PIVOT");
            }
            expectWord("FOR");
            Name forColumn = name();
            expectWord("IN");
            List<String> values = columnList();
            expect(TokenType.RIGHT_PAREN, "')'");
            result = new TableSource.Pivot(pos(t), source, call, forColumn, values, alias());
        } else {
            String value = expectName().value();
            expectWord("FOR");
            String forColumn = expectName().value();
            expectWord("IN");
            List<String> columns = columnList();
            expect(TokenType.RIGHT_PAREN, "')'");
            result = new TableSource.Unpivot(pos(t), source, value, forColumn, columns, alias());
        }
        return result;
    }

    private TableSource tablePrimary() {
        Token t = peek();
        if (t.type() == TokenType.LEFT_PAREN) {
            if (peek(1) != null && peek(1).is("VALUES")) {
                pos += 2;
                List<List<Expr>> rows = valuesRows();
                expect(TokenType.RIGHT_PAREN, "')'");
                Optional<String> alias = alias();
                List<String> columns = atType(TokenType.LEFT_PAREN) ? columnList() : List.of();
                return new TableSource.Values(pos(t), rows, alias, columns);
            }
            if (isQueryAhead(pos)) {
                next();
                Query query = query(List.of());
                expect(TokenType.RIGHT_PAREN, "')'");
                Optional<String> alias = alias();
                List<String> columns = atType(TokenType.LEFT_PAREN) ? columnList() : List.of();
                return new TableSource.Derived(pos(t), query, alias, columns);
            }
            next();
            TableSource inner = tableSource();
            expect(TokenType.RIGHT_PAREN, "')'");
            return new TableSource.Parenthesized(pos(t), inner);
        }
        if (t.type() == TokenType.VARIABLE) {
            next();
            return new TableSource.Variable(pos(t), t.text(), alias());
        }
        if (t.type() == TokenType.IDENTIFIER && Keywords.RESERVED.contains(t.text())
                && !Keywords.FUNCTION_WORDS.contains(t.text())) {
            throw error("expected a table");
        }
        Name name = name();
        if (atType(TokenType.LEFT_PAREN) && !(peek(1) != null && peek(1).type() == TokenType.IDENTIFIER
                && Keywords.TABLE_HINTS.contains(peek(1).text()))) {
            Expr.FunctionCall call = call(name, t);
            Optional<Tokens> withSchema = Optional.empty();
            if (at("WITH") && peek(1) != null && peek(1).type() == TokenType.LEFT_PAREN) {
                next();
                withSchema = Optional.of(parenContents());
            }
            Optional<String> alias = alias();
            List<String> columns = atType(TokenType.LEFT_PAREN) && alias.isPresent() ? columnList() : List.of();
            return new TableSource.Function(pos(t), call, alias, columns, withSchema);
        }
        Optional<Tokens> temporal = Optional.empty();
        if (at("FOR") && peek(1) != null && peek(1).is("SYSTEM_TIME")) {
            int from = pos + 1;
            pos += 2;
            if (acceptWord("ALL")) {
                // nothing more
            } else if (acceptWord("AS")) {
                expectWord("OF");
                primary();
            } else if (acceptWord("FROM") || acceptWord("BETWEEN")) {
                primary();
                next(); // TO or AND
                primary();
            } else {
                expectWord("CONTAINED");
                expectWord("IN");
                skipParens();
            }
            temporal = Optional.of(tokensOf(from, pos));
        }
        Optional<String> alias = alias();
        Optional<Tokens> hints = Optional.empty();
        boolean withKeyword = false;
        if (at("WITH") && peek(1) != null && peek(1).type() == TokenType.LEFT_PAREN) {
            next();
            withKeyword = true;
            hints = Optional.of(parenContents());
        } else if (atType(TokenType.LEFT_PAREN) && peek(1) != null && peek(1).type() == TokenType.IDENTIFIER
                && Keywords.TABLE_HINTS.contains(peek(1).text())) {
            hints = Optional.of(parenContents());
        }
        return new TableSource.Named(pos(t), name, alias, hints, withKeyword, temporal);
    }

    private Optional<String> alias() {
        if (acceptWord("AS")) {
            return Optional.of(expectName().value());
        }
        if (pos < end && isAliasToken(peek())) {
            return Optional.of(next().value());
        }
        return Optional.empty();
    }

    /** Whether the parenthesis at {@code index} opens a query: the first token after the parentheses is SELECT/WITH. */
    private boolean isQueryAhead(int index) {
        int i = index;
        while (i < end && tokens.get(i).type() == TokenType.LEFT_PAREN) {
            i++;
        }
        return i < end && i > index && (tokens.get(i).is("SELECT") || tokens.get(i).is("WITH"));
    }

    // ================================================================ expressions

    private Expr expr() {
        enter();
        try {
            return or();
        } finally {
            depth--;
        }
    }

    private Expr or() {
        Expr left = and();
        int chain = 0;
        while (at("OR")) {
            Token op = next();
            checkChain(++chain, op);
            left = new Expr.Binary(left.pos(), "OR", left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        int chain = 0;
        while (at("AND")) {
            Token op = next();
            checkChain(++chain, op);
            left = new Expr.Binary(left.pos(), "AND", left, not());
        }
        return left;
    }

    private Expr not() {
        if (at("NOT")) {
            Token t = next();
            enter();
            try {
                return new Expr.Unary(pos(t), "NOT", not());
            } finally {
                depth--;
            }
        }
        return predicate();
    }

    private Expr predicate() {
        Token start = peek();
        if (at("EXISTS")) {
            next();
            expect(TokenType.LEFT_PAREN, "'('");
            Query q = query(List.of());
            expect(TokenType.RIGHT_PAREN, "')'");
            return new Expr.Exists(pos(start), q);
        }
        Expr left = additive();
        if (pos >= end) {
            return left;
        }
        Token t = peek();
        if (t.type() == TokenType.OPERATOR && Keywords.isComparison(t.text())) {
            next();
            if ((at("ALL") || at("ANY") || at("SOME")) && peek(1) != null
                    && peek(1).type() == TokenType.LEFT_PAREN) {
                String quantifier = next().text().toUpperCase(Locale.ROOT);
                next();
                Query q = query(List.of());
                expect(TokenType.RIGHT_PAREN, "')'");
                return new Expr.Quantified(left.pos(), t.text(), quantifier, left, q);
            }
            return new Expr.Binary(left.pos(), t.text(), left, additive());
        }
        boolean not = false;
        if (at("NOT") && peek(1) != null && (peek(1).is("LIKE") || peek(1).is("IN") || peek(1).is("BETWEEN"))) {
            next();
            not = true;
        }
        if (acceptWord("LIKE")) {
            Expr pattern = additive();
            Optional<Expr> escape = acceptWord("ESCAPE") ? Optional.of(additive()) : Optional.empty();
            return new Expr.Like(left.pos(), not, left, pattern, escape);
        }
        if (acceptWord("BETWEEN")) {
            Expr low = additive();
            expectWord("AND");
            return new Expr.Between(left.pos(), not, left, low, additive());
        }
        if (acceptWord("IN")) {
            expect(TokenType.LEFT_PAREN, "'('");
            if (at("SELECT") || at("WITH") || isQueryAhead(pos)) {
                Query q = query(List.of());
                expect(TokenType.RIGHT_PAREN, "')'");
                return new Expr.InQuery(left.pos(), not, left, q);
            }
            List<Expr> values = new ArrayList<>();
            do {
                values.add(expr());
            } while (accept(TokenType.COMMA));
            expect(TokenType.RIGHT_PAREN, "')'");
            return new Expr.InList(left.pos(), not, left, values);
        }
        if (not) {
            throw error("expected LIKE, IN or BETWEEN after NOT");
        }
        if (at("IS")) {
            next();
            boolean isNot = acceptWord("NOT");
            expectWord("NULL");
            return new Expr.IsNull(left.pos(), isNot, left);
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        int chain = 0;
        while (pos < end) {
            Token t = peek();
            if (t.type() != TokenType.OPERATOR) {
                break;
            }
            String op = t.text();
            if (!(op.equals("+") || op.equals("-") || op.equals("&") || op.equals("|") || op.equals("^"))) {
                break;
            }
            next();
            checkChain(++chain, t);
            left = new Expr.Binary(left.pos(), op, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        int chain = 0;
        while (pos < end) {
            Token t = peek();
            if (t.type() != TokenType.OPERATOR) {
                break;
            }
            String op = t.text();
            if (!(op.equals("*") || op.equals("/") || op.equals("%"))) {
                break;
            }
            next();
            checkChain(++chain, t);
            left = new Expr.Binary(left.pos(), op, left, unary());
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.type() == TokenType.OPERATOR && pos < end
                && (t.text().equals("-") || t.text().equals("+") || t.text().equals("~"))) {
            next();
            enter();
            try {
                return new Expr.Unary(pos(t), t.text(), unary());
            } finally {
                depth--;
            }
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) {
        while (pos < end) {
            if (at("COLLATE")) {
                next();
                e = new Expr.Collate(e.pos(), e, expectName().text());
            } else if (atType(TokenType.DOT) && peek(1) != null && peek(1).isName() && peek(2) != null
                    && peek(2).type() == TokenType.LEFT_PAREN) {
                next();
                String method = next().text();
                e = new Expr.MethodCall(e.pos(), e, method, arguments());
            } else if (at("AT") && peek(1) != null && peek(1).is("TIME") && peek(2) != null && peek(2).is("ZONE")) {
                pos += 3;
                e = new Expr.AtTimeZone(e.pos(), e, primary());
            } else {
                return e;
            }
        }
        return e;
    }

    private List<Expr> arguments() {
        expect(TokenType.LEFT_PAREN, "'('");
        List<Expr> args = new ArrayList<>();
        if (!atType(TokenType.RIGHT_PAREN)) {
            do {
                args.add(expr());
            } while (accept(TokenType.COMMA));
        }
        expect(TokenType.RIGHT_PAREN, "')'");
        return args;
    }

    /** The literal kind of a literal token; the two enums name the same kinds. */
    private static LiteralKind literalKind(TokenType type) {
        return switch (type) {
            case STRING -> LiteralKind.STRING;
            case NATIONAL_STRING -> LiteralKind.NATIONAL_STRING;
            case INTEGER -> LiteralKind.INTEGER;
            case DECIMAL -> LiteralKind.DECIMAL;
            case FLOAT -> LiteralKind.FLOAT;
            case BINARY -> LiteralKind.BINARY;
            case MONEY -> LiteralKind.MONEY;
            default -> throw new IllegalArgumentException("not a literal token: " + type);
        };
    }

    private Expr primary() {
        if (pos >= end) {
            throw error("expected an expression");
        }
        Token t = peek();
        switch (t.type()) {
            case STRING, NATIONAL_STRING, INTEGER, DECIMAL, FLOAT, BINARY, MONEY:
                next();
                return new Expr.Literal(pos(t), literalKind(t.type()), t.text());
            case VARIABLE:
            case SYSTEM_VARIABLE:
                next();
                return new Expr.Variable(pos(t), t.text());
            case LEFT_PAREN: {
                next();
                if (at("SELECT") || at("WITH") || isQueryAhead(pos) && startsSetQuery()) {
                    Query q = query(List.of());
                    expect(TokenType.RIGHT_PAREN, "')'");
                    return new Expr.Subquery(pos(t), q);
                }
                Expr inner = expr();
                expect(TokenType.RIGHT_PAREN, "')'");
                return new Expr.Parenthesized(pos(t), inner);
            }
            case OPERATOR:
                if (t.text().equals("*")) {
                    next();
                    return new Expr.Star(pos(t), Optional.empty());
                }
                throw error("expected an expression");
            case IDENTIFIER:
                return keywordOrName(t);
            case BRACKETED_IDENTIFIER:
            case QUOTED_IDENTIFIER:
            case SQLCMD_VARIABLE:
            case TEMP_NAME:
                return nameOrCall();
            default:
                throw error("expected an expression");
        }
    }

    /** After '(' and more '(' then SELECT: a parenthesised query inside a subquery, as in ((SELECT ..) UNION ..). */
    private boolean startsSetQuery() {
        int depthHere = 0;
        for (int i = pos; i < end; i++) {
            TokenType type = tokens.get(i).type();
            if (type == TokenType.LEFT_PAREN) {
                depthHere++;
            } else if (type == TokenType.RIGHT_PAREN) {
                if (--depthHere == 0) {
                    Token after = i + 1 < end ? tokens.get(i + 1) : null;
                    return after != null && (after.is("UNION") || after.is("EXCEPT") || after.is("INTERSECT")
                            || after.is("ORDER"));
                }
            }
        }
        return false;
    }

    private Expr keywordOrName(Token t) {
        String text = t.text();
        Token after = peek(1);
        boolean call = after != null && after.type() == TokenType.LEFT_PAREN;
        if (text.equalsIgnoreCase("NULL")) {
            next();
            return new Expr.Literal(pos(t), LiteralKind.NULL, "NULL");
        }
        if (text.equalsIgnoreCase("DEFAULT")) {
            next();
            return new Expr.Literal(pos(t), LiteralKind.DEFAULT, "DEFAULT");
        }
        if (text.equalsIgnoreCase("CASE")) {
            return caseExpr();
        }
        if (call && (text.equalsIgnoreCase("CAST") || text.equalsIgnoreCase("TRY_CAST")
                || text.equalsIgnoreCase("PARSE") || text.equalsIgnoreCase("TRY_PARSE"))) {
            next();
            next();
            Expr e = expr();
            expectWord("AS");
            DataTypeRef type = dataType();
            Optional<Expr> culture = acceptWord("USING") ? Optional.of(expr()) : Optional.empty();
            expect(TokenType.RIGHT_PAREN, "')'");
            return new Expr.Cast(pos(t), text.toUpperCase(Locale.ROOT), type, e, culture);
        }
        if (call && (text.equalsIgnoreCase("CONVERT") || text.equalsIgnoreCase("TRY_CONVERT"))) {
            next();
            next();
            DataTypeRef type = dataType();
            expect(TokenType.COMMA, "','");
            Expr e = expr();
            Optional<Expr> style = accept(TokenType.COMMA) ? Optional.of(expr()) : Optional.empty();
            expect(TokenType.RIGHT_PAREN, "')'");
            return new Expr.Cast(pos(t), text.toUpperCase(Locale.ROOT), type, e, style);
        }
        if (text.equalsIgnoreCase("EXISTS")) {
            return predicate();
        }
        if (text.equalsIgnoreCase("NEXT") && after != null && after.is("VALUE")) {
            pos += 2;
            expectWord("FOR");
            Name sequence = name();
            return new Expr.NextValueFor(pos(t), sequence, over());
        }
        if (Keywords.NILADIC.contains(text) && !call) {
            next();
            return new Expr.FunctionCall(pos(t), new Name(pos(t), List.of(text)), Optional.empty(), List.of(),
                    List.of(), Optional.empty(), true);
        }
        if (Keywords.RESERVED.contains(text) && !(call && Keywords.FUNCTION_WORDS.contains(text))) {
            throw error("expected an expression");
        }
        return nameOrCall();
    }

    private Expr caseExpr() {
        Token t = next();
        enter();
        try {
            Optional<Expr> operand = at("WHEN") ? Optional.empty() : Optional.of(expr());
            List<Part.When> whens = new ArrayList<>();
            while (at("WHEN")) {
                Token w = next();
                Expr condition = expr();
                expectWord("THEN");
                whens.add(new Part.When(pos(w), condition, expr()));
            }
            if (whens.isEmpty()) {
                throw error("expected WHEN");
            }
            Optional<Expr> otherwise = acceptWord("ELSE") ? Optional.of(expr()) : Optional.empty();
            expectWord("END");
            return new Expr.Case(pos(t), operand, whens, otherwise);
        } finally {
            depth--;
        }
    }

    /** A column reference, {@code t.*}, or a function call; at a name token. */
    private Expr nameOrCall() {
        Token first = next();
        List<String> parts = new ArrayList<>(4);
        parts.add(first.value());
        while (atType(TokenType.DOT)) {
            Token after = peek(1);
            if (after == null) {
                break;
            }
            if (after.type() == TokenType.OPERATOR && after.text().equals("*")) {
                pos += 2;
                return new Expr.Star(pos(first), Optional.of(new Name(pos(first), parts)));
            }
            if (after.type() == TokenType.DOT) {
                next();
                parts.add("");
                continue;
            }
            if (!after.isName()) {
                break;
            }
            Token afterName = peek(2);
            if (parts.size() >= 1 && afterName != null && afterName.type() == TokenType.LEFT_PAREN
                    && parts.size() >= 3) {
                break; // col.method(): four parts before a call cannot be a function name
            }
            pos += 2;
            parts.add(after.value());
        }
        if (parts.size() > 4) {
            throw new ParseException(first, "a name has at most four parts");
        }
        Name name = new Name(pos(first), parts);
        if (atType(TokenType.LEFT_PAREN)) {
            return call(name, first);
        }
        return new Expr.ColumnRef(pos(first), name);
    }

    private Expr.FunctionCall call(Name name, Token first) {
        expect(TokenType.LEFT_PAREN, "'('");
        Optional<String> quantifier = Optional.empty();
        if (at("DISTINCT") || at("ALL")) {
            quantifier = Optional.of(next().text().toUpperCase(Locale.ROOT));
        }
        List<Expr> args = new ArrayList<>();
        boolean json = name.parts().size() == 1 && (name.last().equalsIgnoreCase("JSON_OBJECT")
                || name.last().equalsIgnoreCase("JSON_ARRAY"));
        if (!atType(TokenType.RIGHT_PAREN) && !(json && atJsonNullClause())) {
            do {
                Expr arg = expr();
                if (json && atType(TokenType.OPERATOR) && peek().text().equals(":")) {
                    // JSON_OBJECT's key : value
                    Token colon = next();
                    arg = new Expr.Binary(pos(colon), ":", arg, expr());
                }
                args.add(arg);
            } while (accept(TokenType.COMMA));
        }
        if (json && atJsonNullClause()) {
            // NULL ON NULL / ABSENT ON NULL: a bare-word argument, as DATEADD's datepart is
            Token clause = next();
            pos += 2;
            args.add(new Expr.ColumnRef(pos(clause), new Name(pos(clause),
                    List.of(clause.text().toUpperCase(Locale.ROOT) + " ON NULL"))));
        }
        expect(TokenType.RIGHT_PAREN, "')'");
        List<OrderItem> withinGroup = List.of();
        if (at("WITHIN") && peek(1) != null && peek(1).is("GROUP")) {
            pos += 2;
            expect(TokenType.LEFT_PAREN, "'('");
            expectWord("ORDER");
            expectWord("BY");
            withinGroup = orderItems();
            expect(TokenType.RIGHT_PAREN, "')'");
        }
        return new Expr.FunctionCall(pos(first), name, quantifier, args, withinGroup, over(), false);
    }

    private boolean atJsonNullClause() {
        return (at("NULL") || at("ABSENT")) && peek(1) != null && peek(1).is("ON") && peek(2) != null
                && peek(2).is("NULL");
    }

    private Optional<Part.Over> over() {
        if (!at("OVER")) {
            return Optional.empty();
        }
        Token t = next();
        expect(TokenType.LEFT_PAREN, "'('");
        List<Expr> partitionBy = new ArrayList<>();
        if (at("PARTITION")) {
            next();
            expectWord("BY");
            do {
                partitionBy.add(expr());
            } while (accept(TokenType.COMMA));
        }
        List<OrderItem> orderBy = List.of();
        if (at("ORDER")) {
            next();
            expectWord("BY");
            orderBy = orderItems();
        }
        Optional<Part.Frame> frame = Optional.empty();
        if (at("ROWS") || at("RANGE")) {
            Token f = next();
            String units = f.text().toUpperCase(Locale.ROOT);
            if (acceptWord("BETWEEN")) {
                Part.FrameBound start = frameBound();
                expectWord("AND");
                frame = Optional.of(new Part.Frame(pos(f), units, start, Optional.of(frameBound())));
            } else {
                frame = Optional.of(new Part.Frame(pos(f), units, frameBound(), Optional.empty()));
            }
        }
        expect(TokenType.RIGHT_PAREN, "')'");
        return Optional.of(new Part.Over(pos(t), partitionBy, orderBy, frame));
    }

    private Part.FrameBound frameBound() {
        Token t = peek();
        if (acceptWord("UNBOUNDED")) {
            if (acceptWord("PRECEDING")) {
                return new Part.FrameBound(pos(t), "UNBOUNDED PRECEDING", Optional.empty());
            }
            expectWord("FOLLOWING");
            return new Part.FrameBound(pos(t), "UNBOUNDED FOLLOWING", Optional.empty());
        }
        if (acceptWord("CURRENT")) {
            expectWord("ROW");
            return new Part.FrameBound(pos(t), "CURRENT ROW", Optional.empty());
        }
        Expr offset = primary();
        if (acceptWord("PRECEDING")) {
            return new Part.FrameBound(pos(t), "PRECEDING", Optional.of(offset));
        }
        expectWord("FOLLOWING");
        return new Part.FrameBound(pos(t), "FOLLOWING", Optional.of(offset));
    }

    private DataTypeRef dataType() {
        Token t = peek();
        Name name = name();
        if (name.parts().size() == 1 && (name.last().equalsIgnoreCase("double") && acceptWord("PRECISION"))) {
            name = new Name(name.pos(), List.of("float"));
        }
        List<String> arguments = new ArrayList<>();
        if (atType(TokenType.LEFT_PAREN)) {
            next();
            do {
                Token a = next0();
                if (a.is("MAX") || a.type() == TokenType.INTEGER) {
                    arguments.add(a.text());
                } else {
                    throw new ParseException(a, "expected a length, precision or MAX");
                }
            } while (accept(TokenType.COMMA));
            expect(TokenType.RIGHT_PAREN, "')'");
        }
        return new DataTypeRef(pos(t), name, arguments);
    }

    private Name name() {
        Token first = peek();
        List<String> parts = new ArrayList<>(4);
        parts.add(expectName().value());
        while (atType(TokenType.DOT)) {
            next();
            if (atType(TokenType.DOT)) {
                parts.add("");
                continue;
            }
            parts.add(expectName().value());
        }
        if (parts.size() > 4) {
            throw new ParseException(first, "a name has at most four parts");
        }
        return new Name(pos(first), parts);
    }

    // ================================================================ tokens

    private void enter() {
        if (++depth > MAX_DEPTH) {
            depth--;
            throw new ParseException(peek(), "nesting deeper than " + MAX_DEPTH + " levels; the rest of the body "
                    + "is not read", true);
        }
    }

    private void checkChain(int chain, Token at) {
        if (chain > MAX_CHAIN) {
            throw new ParseException(at, "more than " + MAX_CHAIN + " operators in a row");
        }
    }

    private Token peek() {
        return pos < end ? tokens.get(pos) : tokens.get(end - 1);
    }

    private Token peek(int ahead) {
        int i = pos + ahead;
        return i < end ? tokens.get(i) : null;
    }

    private boolean at(String word) {
        return pos < end && tokens.get(pos).is(word);
    }

    private boolean at(int ahead, String word) {
        Token t = peek(ahead);
        return t != null && t.is(word);
    }

    private boolean atType(TokenType type) {
        return pos < end && tokens.get(pos).type() == type;
    }

    private boolean atOperator(String op) {
        return pos < end && tokens.get(pos).type() == TokenType.OPERATOR && tokens.get(pos).text().equals(op);
    }

    private Token next() {
        if (pos >= end) {
            throw new ParseException(tokens.get(end - 1), "unexpected end of the body");
        }
        return tokens.get(pos++);
    }

    /** Like {@link #next()}, for a token that must exist. */
    private Token next0() {
        return next();
    }

    private boolean accept(TokenType type) {
        if (atType(type)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptWord(String word) {
        if (at(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private Token expectWord(String word) {
        if (!at(word)) {
            throw error("expected " + word);
        }
        return tokens.get(pos++);
    }

    private Token expect(TokenType type, String what) {
        if (!atType(type)) {
            throw error("expected " + what);
        }
        return tokens.get(pos++);
    }

    private Token expectName() {
        if (pos < end && peek().isName()) {
            return tokens.get(pos++);
        }
        throw error("expected a name");
    }

    private ParseException error(String expected) {
        if (pos >= end) {
            return new ParseException(tokens.get(end - 1), expected + " but the body ended");
        }
        Token t = tokens.get(pos);
        String shown = t.text().length() > 40 ? t.text().substring(0, 40) + "..." : t.text();
        return new ParseException(t, expected + " but found '" + shown + "'");
    }

    /** Whether the current token can begin an expression (used where one is optional: RETURN, THROW, EXEC). */
    private boolean startsExpression() {
        if (pos >= end) {
            return false;
        }
        Token t = peek();
        return switch (t.type()) {
            case STRING, NATIONAL_STRING, INTEGER, DECIMAL, FLOAT, BINARY, MONEY, VARIABLE, SYSTEM_VARIABLE,
                 LEFT_PAREN, BRACKETED_IDENTIFIER, QUOTED_IDENTIFIER, SQLCMD_VARIABLE, TEMP_NAME -> true;
            case OPERATOR -> t.text().equals("-") || t.text().equals("+") || t.text().equals("~");
            case IDENTIFIER -> !Keywords.STATEMENT_START.contains(t.text()) && !t.is("WITH")
                    && (!Keywords.RESERVED.contains(t.text()) || t.is("NULL") || t.is("CASE")
                    || t.is("DEFAULT") || Keywords.NILADIC.contains(t.text())
                    || Keywords.FUNCTION_WORDS.contains(t.text()));
            default -> false;
        };
    }

    /** Whether a new statement starts at token {@code i}, judged by the word and the token before it. */
    private boolean isStatementStart(int i) {
        Token t = tokens.get(i);
        if (t.type() == TokenType.SEMICOLON) {
            return true;
        }
        if (t.type() != TokenType.IDENTIFIER || !Keywords.STATEMENT_START.contains(t.text())) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        Token previous = tokens.get(i - 1);
        if (previous.type() == TokenType.COMMA || previous.type() == TokenType.LEFT_PAREN) {
            return false;
        }
        if (previous.type() != TokenType.IDENTIFIER) {
            return true;
        }
        if (Keywords.CONTINUING.contains(previous.text())) {
            return false;
        }
        return !(previous.is("ON") && previous.line() == t.line() && (t.is("DELETE") || t.is("UPDATE")));
    }

    /** Moves to the next statement: a statement word outside parentheses and CASE ... END, a semicolon, the end. */
    private void skipToStatementStart() {
        int parens = 0;
        int cases = 0;
        while (pos < end) {
            Token t = tokens.get(pos);
            if (t.type() == TokenType.LEFT_PAREN) {
                parens++;
            } else if (t.type() == TokenType.RIGHT_PAREN) {
                parens = Math.max(0, parens - 1);
            } else if (parens == 0) {
                if (t.is("CASE")) {
                    cases++;
                } else if (t.is("END") && cases > 0) {
                    cases--;
                } else if (isStatementStart(pos)) {
                    return;
                }
            }
            pos++;
        }
    }

    private void skipParens() {
        Token open = expect(TokenType.LEFT_PAREN, "'('");
        int parens = 1;
        while (pos < end) {
            TokenType type = tokens.get(pos++).type();
            if (type == TokenType.LEFT_PAREN) {
                parens++;
            } else if (type == TokenType.RIGHT_PAREN && --parens == 0) {
                return;
            }
        }
        throw new ParseException(open, "expected ')' for this '('");
    }

    /** The tokens inside the parentheses at the cursor, which moves past them. */
    private Tokens parenContents() {
        int open = pos;
        skipParens();
        return tokensOf(open + 1, pos - 1);
    }

    private Tokens tokensOf(int from, int to) {
        List<String> texts = new ArrayList<>(Math.max(0, to - from));
        for (int i = from; i < to; i++) {
            texts.add(tokens.get(i).text());
        }
        Token first = tokens.get(Math.min(from, tokens.size() - 1));
        return new Tokens(pos(first), texts);
    }

    private int indexOf(Token token) {
        for (int i = pos - 1; i >= 0; i--) {
            if (tokens.get(i) == token) {
                return i;
            }
        }
        return pos;
    }

    private String firstWords(int from, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = from; i < end && i < from + count; i++) {
            String text = tokens.get(i).text();
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(text.length() > 40 ? text.substring(0, 40) + "..." : text);
        }
        return words.toString();
    }

    private static Pos pos(Token t) {
        return new Pos(t.line(), t.column(), t.start());
    }
}
