package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import ai.datamigrate.spi.catalog.AliasType;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the statement readers share: the script text and tokens, the catalog being built, the diagnostics, and the
 * grammar pieces every statement uses (names, data types, expressions, statement boundaries).
 */
final class ScriptContext {

    static final String DEFAULT_SCHEMA = "dbo";
    static final String IGNORED = "MSSQL-IGNORED-STATEMENT";
    static final String UNSUPPORTED = "MSSQL-UNSUPPORTED-STATEMENT";
    static final String SYNTAX_ERROR = "MSSQL-SYNTAX-ERROR";
    static final String UNKNOWN_OBJECT = "MSSQL-UNKNOWN-OBJECT";
    static final String DUPLICATE_OBJECT = "MSSQL-DUPLICATE-OBJECT";

    /** Words that start a statement; T-SQL needs no semicolons, so these are where one statement ends. */
    private static final Set<String> STATEMENT_KEYWORDS = Set.of("ALTER", "BACKUP", "BEGIN", "BREAK", "BULK",
            "CHECKPOINT", "CLOSE", "COMMIT", "CONTINUE", "CREATE", "DBCC", "DEALLOCATE", "DECLARE", "DELETE", "DENY",
            "DISABLE", "DROP", "DUMP", "ELSE", "ENABLE", "END", "EXEC", "EXECUTE", "FETCH", "GOTO", "GRANT", "IF",
            "INSERT", "KILL", "MERGE", "OPEN", "PRINT", "RAISERROR", "RECONFIGURE", "RESTORE", "RETURN", "REVOKE",
            "ROLLBACK", "SAVE", "SELECT", "SET", "SETUSER", "SHUTDOWN", "THROW", "TRUNCATE", "UPDATE", "USE",
            "WAITFOR", "WHILE");
    /** After these words a statement keyword belongs to the current statement (GRANT SELECT, FOR INSERT, ...). */
    private static final Set<String> CONTINUING_WORDS = Set.of("GRANT", "DENY", "REVOKE", "FOR", "AFTER", "OF",
            "INSTEAD", "WITH", "INSERT");
    private static final Set<String> SET_OPERATORS = Set.of("UNION", "ALL", "EXCEPT", "INTERSECT");

    final String file;
    final String text;
    final List<Token> tokens;
    final ReadState state;
    final CatalogBuilder catalog;
    final List<Diagnostic> diagnostics;
    final Map<String, String> variables;

    /** Where the lines of {@code text} come from (SQLCMD includes move them). */
    final LineMap lines;

    ScriptContext(String file, String text, List<Token> tokens, Map<String, String> variables, LineMap lines,
                  ReadState state) {
        this.state = state;
        this.catalog = state.catalog;
        this.diagnostics = state.diagnostics;
        this.file = file;
        this.lines = lines;
        this.text = text;
        this.tokens = tokens;
        this.variables = new HashMap<>(variables);
    }

    SourceLocation location(Token token) {
        return lines.at(token.line(), token.column());
    }

    /** The exact source text from the start of {@code first} to the end of {@code last}. */
    String text(Token first, Token last) {
        return last.end() <= first.start() ? "" : text.substring(first.start(), last.end());
    }

    void info(Token at, String message, Optional<String> object) {
        Diagnostic d = Diagnostic.info(IGNORED, location(at), message);
        diagnostics.add(object.map(d::withObject).orElse(d));
    }

    /**
     * Puts the current statement off while the scripts are still being read: it names an object that a later
     * statement or file may create. Once everything is read the statement is read again and reports for real.
     */
    void deferIfPossible() {
        if (state.deferring) {
            throw new ReadState.Defer();
        }
    }

    void warning(String code, Token at, String message, Optional<String> object) {
        Diagnostic d = Diagnostic.warning(code, location(at), message);
        diagnostics.add(object.map(d::withObject).orElse(d));
    }

    /** The first few words of the statement starting at {@code from}, for messages. */
    String firstWords(int from, int count) {
        StringBuilder words = new StringBuilder();
        Token first = tokens.get(from);
        for (int i = from; i < tokens.size() && i < from + count; i++) {
            Token t = tokens.get(i);
            if (i > from && (t.line() != first.line() || t.type() == TokenType.LEFT_PAREN
                    || t.type() == TokenType.SEMICOLON)) {
                break;
            }
            String shown = t.text().length() > 40 ? t.text().substring(0, 40) + "..." : t.text();
            if (words.length() > 0 && t.type() != TokenType.DOT && tokens.get(i - 1).type() != TokenType.DOT) {
                words.append(' ');
            }
            words.append(shown);
        }
        return words.toString();
    }

    // ---------------------------------------------------------------- statement boundaries

    boolean isStatementStart(TokenCursor c, boolean setStartsStatement) {
        Token t = c.peek(0);
        if (t == null) {
            return true;
        }
        if (t.type() == TokenType.SEMICOLON || t.type() == TokenType.SQLCMD_COMMAND) {
            return true;
        }
        if (t.type() != TokenType.IDENTIFIER) {
            return false;
        }
        String word = t.text().toUpperCase(Locale.ROOT);
        if (!STATEMENT_KEYWORDS.contains(word)) {
            return false;
        }
        if (word.equals("SET") && !setStartsStatement) {
            return false;
        }
        Token previous = c.previous();
        if (previous == null) {
            return true;
        }
        if (previous.type() == TokenType.COMMA || previous.type() == TokenType.LEFT_PAREN) {
            return false;
        }
        if (previous.type() != TokenType.IDENTIFIER) {
            return true;
        }
        String before = previous.text().toUpperCase(Locale.ROOT);
        if (CONTINUING_WORDS.contains(before)) {
            return false;
        }
        if (before.equals("ON") && previous.line() == t.line() && (word.equals("DELETE") || word.equals("UPDATE"))) {
            return false; // a foreign key's ON DELETE / ON UPDATE, not SET ... ON followed by a statement
        }
        return !(word.equals("SELECT") && SET_OPERATORS.contains(before));
    }

    /**
     * Moves to the next statement of the batch: the next statement keyword outside parentheses and CASE ... END,
     * a semicolon, or the end of the batch.
     */
    void skipToStatementEnd(TokenCursor c, boolean setStartsStatement) {
        int depth = 0;
        int caseDepth = 0;
        while (!c.atEnd()) {
            Token t = c.peek();
            if (t.type() == TokenType.LEFT_PAREN) {
                depth++;
            } else if (t.type() == TokenType.RIGHT_PAREN) {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                if (t.is("CASE")) {
                    caseDepth++;
                } else if (t.is("END") && caseDepth > 0) {
                    caseDepth--;
                } else if (isStatementStart(c, setStartsStatement)) {
                    return;
                }
            }
            c.next();
        }
    }

    /** Fails unless the statement ended: end of batch, semicolon or the start of another statement. */
    void expectStatementEnd(TokenCursor c) {
        if (!c.atEnd() && !isStatementStart(c, true)) {
            throw c.error("expected the end of the statement");
        }
    }

    // ---------------------------------------------------------------- names

    /** A multi-part name as written: {@code server.db.schema.name}, parts possibly empty ({@code db..name}). */
    record NameParts(List<Token> parts, Token first) {

        Token last() {
            return parts.get(parts.size() - 1);
        }

        Optional<Token> schemaPart() {
            return parts.size() >= 2 ? Optional.ofNullable(parts.get(parts.size() - 2)) : Optional.empty();
        }
    }

    NameParts name(TokenCursor c) {
        List<Token> parts = new ArrayList<>(3);
        Token first = c.peek();
        parts.add(namePart(c));
        while (c.at(TokenType.DOT)) {
            c.next();
            if (c.at(TokenType.DOT)) {
                parts.add(null); // db..name: the schema is the default one
                continue;
            }
            parts.add(namePart(c));
        }
        return new NameParts(parts, first);
    }

    Token namePart(TokenCursor c) {
        if (!c.atEnd() && c.peek().isName()) {
            return c.next();
        }
        throw c.error("expected a name");
    }

    /** The value of a name part: unquoted, with SQLCMD variables replaced when they are known. */
    String value(Token part) {
        if (part.type() == TokenType.SQLCMD_VARIABLE) {
            String variable = part.text().substring(2, part.text().length() - 1);
            String known = variables.get(variable);
            return known != null ? known : part.text();
        }
        return part.value();
    }

    ObjectName objectName(NameParts name) {
        String schema = name.schemaPart().map(this::value).orElse(DEFAULT_SCHEMA);
        return new ObjectName(schema, value(name.last()));
    }

    ObjectName objectName(TokenCursor c) {
        return objectName(name(c));
    }

    /** {@code ( name [ASC|DESC], ... )} without the sort orders. */
    List<String> nameList(TokenCursor c) {
        c.expect(TokenType.LEFT_PAREN, "'('");
        List<String> names = new ArrayList<>();
        do {
            names.add(value(namePart(c)));
            if (!c.accept("ASC")) {
                c.accept("DESC");
            }
        } while (c.accept(TokenType.COMMA));
        c.expect(TokenType.RIGHT_PAREN, "')'");
        return names;
    }

    /** The table a data or DDL statement names, spelled as it was created when it was. */
    String tableDisplayName(ObjectName name) {
        return catalog.table(name).map(t -> t.name).orElse(name).toString();
    }

    // ---------------------------------------------------------------- data types

    /** Holds a parsed column type and, for alias types, the alias's nullability. */
    record TypeRef(DataType type, Optional<Boolean> aliasNullable) {
    }

    TypeRef dataType(TokenCursor c) {
        NameParts name = name(c);
        String typeName = value(name.last());
        String lower = typeName.toLowerCase(Locale.ROOT);
        // The few multi-word type names of the standard.
        if (lower.equals("double") && c.accept("PRECISION")) {
            lower = "float";
        } else if (lower.equals("national")) {
            String base = c.next().text().toLowerCase(Locale.ROOT);
            lower = base.equals("text") ? "ntext" : "nchar";
            if (c.accept("VARYING")) {
                lower = "nvarchar";
            }
        } else if ((lower.equals("char") || lower.equals("character")) && c.accept("VARYING")) {
            lower = "varchar";
        } else if ((lower.equals("binary")) && c.accept("VARYING")) {
            lower = "varbinary";
        }
        lower = switch (lower) {
            case "dec" -> "decimal";
            case "integer" -> "int";
            case "character" -> "char";
            default -> lower;
        };
        OptionalInt first = OptionalInt.empty();
        OptionalInt second = OptionalInt.empty();
        boolean max = false;
        if (c.at(TokenType.LEFT_PAREN)) {
            int open = c.position();
            c.next();
            if (c.accept("MAX")) {
                max = true;
                c.expect(TokenType.RIGHT_PAREN, "')'");
            } else if (c.at(TokenType.INTEGER)) {
                first = OptionalInt.of(parseInt(c.next()));
                if (c.accept(TokenType.COMMA)) {
                    second = OptionalInt.of(parseInt(c.expect(TokenType.INTEGER, "a number")));
                }
                c.expect(TokenType.RIGHT_PAREN, "')'");
            } else {
                c.reset(open); // xml(CONTENT schema_collection) and the like: not a size
                c.skipParenthesized();
            }
        }
        if (!max && first.isEmpty() && name.parts().size() <= 2) {
            Optional<AliasType> alias = catalog.aliasType(name.schemaPart().map(this::value), typeName);
            if (alias.isPresent()) {
                return new TypeRef(alias.get().baseType().withAlias(alias.get().name()),
                        Optional.of(alias.get().nullable()));
            }
        }
        return new TypeRef(dataType(lower, first, second, max), Optional.empty());
    }

    static DataType dataType(String name, OptionalInt first, OptionalInt second, boolean max) {
        if (max) {
            return DataType.withMaxLength(name);
        }
        if (first.isEmpty()) {
            return DataType.of(name);
        }
        boolean sized = switch (name) {
            case "char", "varchar", "nchar", "nvarchar", "binary", "varbinary" -> true;
            default -> false;
        };
        if (sized) {
            return DataType.withLength(name, first.getAsInt());
        }
        if (second.isPresent()) {
            return DataType.withPrecision(name, first.getAsInt(), second.getAsInt());
        }
        boolean exact = name.equals("decimal") || name.equals("numeric");
        // decimal(p) has scale 0; float(n), datetime2(n), time(n) have a precision only.
        return new DataType(name, OptionalInt.empty(), first, exact ? OptionalInt.of(0) : OptionalInt.empty(), false,
                Optional.empty());
    }

    /** Parses a type written as a string, as in {@code sp_addtype id, 'varchar(11)'}. */
    Optional<DataType> dataType(String typeText) {
        List<Token> typeTokens = Lexer.tokenize(typeText);
        if (typeTokens.isEmpty()) {
            return Optional.empty();
        }
        try {
            TokenCursor c = new TokenCursor(typeTokens, 0, typeTokens.size());
            DataType type = dataType(c).type();
            return c.atEnd() ? Optional.of(type) : Optional.empty();
        } catch (SyntaxException e) {
            return Optional.empty();
        }
    }

    static int parseInt(Token token) {
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw new SyntaxException(token, "expected a number that fits an int");
        }
    }

    static long parseLong(Token sign, Token number) {
        try {
            long value = new java.math.BigDecimal(number.text()).longValueExact();
            return sign != null && sign.text().equals("-") ? -value : value;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new SyntaxException(number, "expected a whole number");
        }
    }

    // ---------------------------------------------------------------- expressions

    /** The token range of a scalar expression: {@code first} and {@code last} inclusive. */
    record Extent(int first, int last) {
    }

    /**
     * Reads a scalar expression just far enough to know where it ends: operands (literals, names, function calls,
     * parenthesised groups, CASE ... END) joined by operators. The parser of the next issue will build its tree.
     */
    Extent expression(TokenCursor c) {
        int first = c.position();
        operand(c);
        while (c.at(TokenType.OPERATOR) && !c.peek().text().equals("=")) {
            c.next();
            operand(c);
        }
        return new Extent(first, c.position() - 1);
    }

    private void operand(TokenCursor c) {
        if (c.atEnd()) {
            throw c.error("expected an expression");
        }
        Token t = c.peek();
        switch (t.type()) {
            case OPERATOR -> {
                // Signs are skipped in a loop: '- - - ... 1' must not recurse once per sign.
                while (c.at(TokenType.OPERATOR) && (c.peek().text().equals("-") || c.peek().text().equals("+")
                        || c.peek().text().equals("~"))) {
                    c.next();
                }
                if (c.at(TokenType.OPERATOR) || c.atEnd()) {
                    throw c.error("expected an expression");
                }
                operand(c);
            }
            case LEFT_PAREN -> c.skipParenthesized();
            case STRING, NATIONAL_STRING, INTEGER, DECIMAL, FLOAT, BINARY, MONEY, VARIABLE, SYSTEM_VARIABLE -> c.next();
            case IDENTIFIER, BRACKETED_IDENTIFIER, QUOTED_IDENTIFIER, SQLCMD_VARIABLE, TEMP_NAME -> {
                if (t.is("CASE")) {
                    skipCase(c);
                    return;
                }
                name(c);
                if (c.at(TokenType.LEFT_PAREN)) {
                    c.skipParenthesized();
                }
            }
            default -> throw c.error("expected an expression");
        }
    }

    private static void skipCase(TokenCursor c) {
        Token start = c.next();
        int depth = 1;
        while (!c.atEnd()) {
            Token t = c.next();
            if (t.is("CASE")) {
                depth++;
            } else if (t.is("END") && --depth == 0) {
                return;
            }
        }
        throw new SyntaxException(start, "expected END for this CASE");
    }

    /** The text of an expression without one pair of enclosing parentheses: {@code getdate()} for {@code (getdate())}. */
    String expressionText(Extent extent) {
        Token first = tokens.get(extent.first());
        Token last = tokens.get(extent.last());
        if (first.type() == TokenType.LEFT_PAREN && last.type() == TokenType.RIGHT_PAREN
                && matchingParen(extent.first()) == extent.last()) {
            return text.substring(first.end(), last.start()).strip();
        }
        return text(first, last);
    }

    /** The text inside the parenthesised group that starts at the cursor; the cursor moves past it. */
    String parenthesizedText(TokenCursor c) {
        int open = c.position();
        int close = c.skipParenthesized();
        return text.substring(tokens.get(open).end(), tokens.get(close).start()).strip();
    }

    private int matchingParen(int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            TokenType type = tokens.get(i).type();
            if (type == TokenType.LEFT_PAREN) {
                depth++;
            } else if (type == TokenType.RIGHT_PAREN && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
