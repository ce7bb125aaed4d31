package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import ai.datamigrate.plugin.mssql.internal.script.ScriptContext.NameParts;
import ai.datamigrate.spi.catalog.AliasType;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Function;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Parameter;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.Sequence;
import ai.datamigrate.spi.catalog.Trigger;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.plugin.mssql.internal.parser.ParseResult;
import ai.datamigrate.plugin.mssql.internal.parser.TsqlParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Views, procedures, functions and triggers (their headers only: the body is kept as text for the next step),
 * plus schemas, sequences and alias types.
 */
final class ModuleStatements {

    private final ScriptContext ctx;

    ModuleStatements(ScriptContext ctx) {
        this.ctx = ctx;
    }

    /** At VIEW, PROCEDURE, FUNCTION or TRIGGER after {@code CREATE [OR ALTER]} or {@code ALTER}. */
    void module(TokenCursor c, Token start) {
        Token kind = c.next();
        String word = kind.text().toUpperCase(Locale.ROOT);
        NameParts nameParts = ctx.name(c);
        ObjectName name = ctx.objectName(nameParts);
        CatalogObject object = switch (word) {
            case "VIEW" -> view(c, name, start);
            case "PROC", "PROCEDURE" -> procedure(c, name, start);
            case "FUNCTION" -> function(c, name, start);
            default -> trigger(c, nameParts, start);
        };
        // The body runs to the end of the batch.
        int from = c.position();
        int end = c.end();
        List<Token> tokens = ctx.tokens;
        LineMap lines = ctx.lines;
        ctx.state.parseBody(object.kind() + ":" + object.name().toString().toLowerCase(Locale.ROOT), () -> {
            ParseResult body = TsqlParser.parseStatements(tokens, from, end, lines,
                    Optional.of(object.name().toString()));
            return new ReadState.ParsedBody(new ModuleBody(object.name(), object.kind(), body.statements(),
                    body.unparsed(), lines), body.diagnostics());
        });
        c.reset(c.end());
        if (ctx.catalog.addObject(object).isPresent() && start.is("CREATE")) {
            ctx.warning(ScriptContext.DUPLICATE_OBJECT, start, object.kind() + " " + object.name()
                    + " is created a second time; the later definition replaces the earlier one",
                    Optional.of(object.name().toString()));
        }
    }

    private String definition(Token start, TokenCursor c) {
        return ctx.text(start, c.last());
    }

    private View view(TokenCursor c, ObjectName name, Token start) {
        List<String> columns = c.at(TokenType.LEFT_PAREN) ? ctx.nameList(c) : List.of();
        boolean schemaBound = false;
        if (c.accept("WITH")) {
            do {
                schemaBound |= c.next().is("SCHEMABINDING");
            } while (c.accept(TokenType.COMMA));
        }
        c.expect("AS");
        return new View(name, columns, schemaBound, Optional.empty(), definition(start, c), ctx.location(start));
    }

    private Procedure procedure(TokenCursor c, ObjectName name, Token start) {
        if (c.accept(TokenType.SEMICOLON)) {
            c.expect(TokenType.INTEGER, "a procedure number"); // numbered procedures: name;2
        }
        boolean parenthesized = c.accept(TokenType.LEFT_PAREN);
        List<Parameter> parameters = parameters(c);
        if (parenthesized) {
            c.expect(TokenType.RIGHT_PAREN, "')'");
        }
        skipUntilAs(c);
        return new Procedure(name, parameters, Optional.empty(), definition(start, c), ctx.location(start));
    }

    private Function function(TokenCursor c, ObjectName name, Token start) {
        c.expect(TokenType.LEFT_PAREN, "'(' and the parameters");
        List<Parameter> parameters = parameters(c);
        c.expect(TokenType.RIGHT_PAREN, "')'");
        c.expect("RETURNS");
        FunctionKind kind;
        Optional<DataType> returnType = Optional.empty();
        if (c.accept(TokenType.VARIABLE)) {
            c.expect("TABLE");
            kind = FunctionKind.MULTI_STATEMENT_TABLE_VALUED;
            if (c.at(TokenType.LEFT_PAREN)) {
                int open = c.position();
                TsqlParser.parseTableDefinition(ctx.tokens, open, c.end())
                        .ifPresentOrElse(d -> c.reset(d.next()), () -> {
                            c.reset(open);
                            c.skipParenthesized();
                        });
            }
        } else if (c.accept("TABLE")) {
            kind = FunctionKind.INLINE_TABLE_VALUED;
        } else {
            kind = FunctionKind.SCALAR;
            returnType = Optional.of(ctx.dataType(c).type());
        }
        // WITH SCHEMABINDING, RETURNS NULL ON NULL INPUT, EXECUTE AS ...: options up to AS or the body.
        if (c.at("WITH")) {
            while (!c.atEnd() && !c.at("AS") && !c.at("BEGIN") && !c.at("RETURN")) {
                if (skipExecuteAs(c)) {
                    continue;
                }
                c.next();
            }
        }
        c.accept("AS");
        return new Function(name, kind, parameters, returnType, Optional.empty(), definition(start, c),
                ctx.location(start));
    }

    private Trigger trigger(TokenCursor c, NameParts nameParts, Token start) {
        c.expect("ON");
        Optional<ObjectName> table = Optional.empty();
        if (!c.accept("DATABASE") && !c.acceptSequence("ALL", "SERVER")) {
            table = Optional.of(ctx.objectName(c));
        }
        while (c.accept("WITH")) {
            while (!c.atEnd() && !c.at("FOR") && !c.at("AFTER") && !c.at("INSTEAD")) {
                c.next(); // ENCRYPTION, EXECUTE AS 'user', ...
            }
        }
        String timing;
        if (c.acceptSequence("INSTEAD", "OF")) {
            timing = "INSTEAD OF";
        } else if (c.accept("AFTER")) {
            timing = "AFTER";
        } else {
            c.expect("FOR");
            timing = "FOR";
        }
        List<String> events = new ArrayList<>();
        do {
            events.add(c.next().text().toUpperCase(Locale.ROOT));
        } while (c.accept(TokenType.COMMA));
        c.acceptSequence("WITH", "APPEND");
        c.acceptSequence("NOT", "FOR", "REPLICATION");
        c.accept("AS");
        // A DML trigger lives in its table's schema.
        String schema = nameParts.schemaPart().map(ctx::value)
                .orElse(table.map(ObjectName::schema).orElse(ScriptContext.DEFAULT_SCHEMA));
        ObjectName name = new ObjectName(schema, ctx.value(nameParts.last()));
        Optional<ObjectName> onTable = table.map(t -> ctx.catalog.table(t).map(b -> b.name).orElse(t));
        return new Trigger(name, onTable, timing, events, Optional.empty(), definition(start, c), ctx.location(start));
    }

    /** {@code @name [AS] type [VARYING] [= default] [OUT|OUTPUT] [READONLY]}, comma separated. */
    private List<Parameter> parameters(TokenCursor c) {
        List<Parameter> parameters = new ArrayList<>();
        while (c.at(TokenType.VARIABLE)) {
            String name = c.next().text();
            c.accept("AS");
            DataType type = ctx.dataType(c).type();
            c.accept("VARYING");
            Optional<String> defaultExpression = Optional.empty();
            if (c.at(TokenType.OPERATOR) && c.peek().text().equals("=")) {
                c.next();
                defaultExpression = Optional.of(ctx.expressionText(ctx.expression(c)));
            }
            boolean output = false;
            boolean readOnly = false;
            while (true) {
                if (c.accept("OUT") || c.accept("OUTPUT")) {
                    output = true;
                } else if (c.accept("READONLY")) {
                    readOnly = true;
                } else {
                    break;
                }
            }
            parameters.add(new Parameter(name, type, defaultExpression, output, readOnly));
            if (!c.accept(TokenType.COMMA)) {
                break;
            }
        }
        return parameters;
    }

    /** Procedure options ({@code WITH RECOMPILE}, {@code FOR REPLICATION}) up to {@code AS}. */
    private static void skipUntilAs(TokenCursor c) {
        while (!c.atEnd() && !c.at("AS")) {
            if (skipExecuteAs(c)) {
                continue;
            }
            if (!c.at("WITH") && !c.at("FOR") && !c.at(TokenType.COMMA) && !c.at(TokenType.IDENTIFIER)
                    && !c.at(TokenType.STRING)) {
                throw c.error("expected AS");
            }
            c.next();
        }
        c.expect("AS");
    }

    /** The option {@code EXECUTE AS CALLER|OWNER|SELF|'user'}, whose AS is not the one before the body. */
    private static boolean skipExecuteAs(TokenCursor c) {
        if (c.atSequence("EXECUTE", "AS") || c.atSequence("EXEC", "AS")) {
            c.next();
            c.next();
            if (!c.atEnd()) {
                c.next();
            }
            return true;
        }
        return false;
    }

    /** At SCHEMA after CREATE. */
    void schema(TokenCursor c) {
        c.expect("SCHEMA");
        String name = ctx.value(ctx.namePart(c));
        if (c.accept("AUTHORIZATION")) {
            ctx.namePart(c);
        }
        ctx.catalog.schema(name);
    }

    /** At SEQUENCE after CREATE. */
    void sequence(TokenCursor c, Token start) {
        c.expect("SEQUENCE");
        ObjectName name = ctx.objectName(c);
        DataType type = DataType.of("bigint");
        OptionalLong startWith = OptionalLong.empty();
        OptionalLong increment = OptionalLong.empty();
        OptionalLong min = OptionalLong.empty();
        OptionalLong max = OptionalLong.empty();
        boolean cycle = false;
        while (!c.atEnd()) {
            if (c.accept("AS")) {
                type = ctx.dataType(c).type();
            } else if (c.acceptSequence("START", "WITH")) {
                startWith = OptionalLong.of(number(c));
            } else if (c.acceptSequence("INCREMENT", "BY")) {
                increment = OptionalLong.of(number(c));
            } else if (c.accept("MINVALUE")) {
                min = OptionalLong.of(number(c));
            } else if (c.accept("MAXVALUE")) {
                max = OptionalLong.of(number(c));
            } else if (c.accept("CYCLE")) {
                cycle = true;
            } else if (c.accept("NO")) {
                c.next(); // NO MINVALUE, NO MAXVALUE, NO CYCLE, NO CACHE
            } else if (c.accept("CACHE")) {
                c.accept(TokenType.INTEGER);
            } else {
                break;
            }
        }
        Token last = c.previous();
        ctx.expectStatementEnd(c);
        ctx.catalog.addObject(new Sequence(name, type, startWith, increment, min, max, cycle, Optional.empty(),
                ctx.text(start, last), ctx.location(start)));
    }

    private static long number(TokenCursor c) {
        Token sign = null;
        if (c.at(TokenType.OPERATOR) && (c.peek().text().equals("-") || c.peek().text().equals("+"))) {
            sign = c.next();
        }
        return ScriptContext.parseLong(sign, c.expect(TokenType.INTEGER, "a whole number"));
    }

    /** At TYPE after CREATE: {@code CREATE TYPE x FROM base [NULL|NOT NULL]}; table types are not read yet. */
    void type(TokenCursor c, Token start) {
        c.expect("TYPE");
        ObjectName name = ctx.objectName(c);
        if (!c.accept("FROM")) {
            ctx.skipToStatementEnd(c, true);
            ctx.warning(ScriptContext.UNSUPPORTED, start, "unsupported statement 'CREATE TYPE " + name
                    + " AS ...' (table and CLR types) was not read", Optional.of(name.toString()));
            return;
        }
        DataType base = ctx.dataType(c).type();
        boolean nullable = true;
        if (c.acceptSequence("NOT", "NULL")) {
            nullable = false;
        } else {
            c.accept("NULL");
        }
        Token last = c.previous();
        ctx.expectStatementEnd(c);
        ctx.catalog.addObject(new AliasType(name, base, nullable, Optional.empty(), ctx.text(start, last),
                ctx.location(start)));
    }
}
