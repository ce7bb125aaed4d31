package ai.datamigrate.plugin.mssql.internal.script;

import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import ai.datamigrate.plugin.mssql.internal.script.ScriptContext.Extent;
import ai.datamigrate.plugin.mssql.internal.script.ScriptContext.TypeRef;
import ai.datamigrate.plugin.mssql.internal.script.TableBuilder.CheckBuilder;
import ai.datamigrate.plugin.mssql.internal.script.TableBuilder.ColumnBuilder;
import ai.datamigrate.plugin.mssql.internal.script.TableBuilder.ForeignKeyBuilder;
import ai.datamigrate.spi.catalog.Identity;
import ai.datamigrate.spi.catalog.Index;
import ai.datamigrate.spi.catalog.IndexColumn;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.PrimaryKey;
import ai.datamigrate.spi.catalog.ReferentialAction;
import ai.datamigrate.spi.catalog.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code CREATE TABLE}, {@code ALTER TABLE} and {@code CREATE INDEX}. */
final class TableStatements {

    private final ScriptContext ctx;

    TableStatements(ScriptContext ctx) {
        this.ctx = ctx;
    }

    /** At {@code TABLE}, after {@code CREATE}. */
    void createTable(TokenCursor c, Token create) {
        c.expect("TABLE");
        ObjectName name = ctx.objectName(c);
        if (name.name().startsWith("#")) {
            ctx.skipToStatementEnd(c, true);
            ctx.info(create, "ignored CREATE TABLE of temporary table " + name.name(), Optional.empty());
            return;
        }
        TableBuilder table = new TableBuilder(name, ctx.location(create));
        c.expect(TokenType.LEFT_PAREN, "'(' and the column definitions");
        do {
            if (c.at(TokenType.RIGHT_PAREN)) {
                break; // a trailing comma, which SQL Server accepts
            }
            element(c, table, true);
        } while (c.accept(TokenType.COMMA));
        c.expect(TokenType.RIGHT_PAREN, "',' or ')'");
        while (true) {
            if (c.accept("ON")) {
                table.properties.put("filegroup", storage(c));
            } else if (c.accept("TEXTIMAGE_ON")) {
                table.properties.put("textimage_on", storage(c));
            } else if (c.accept("FILESTREAM_ON")) {
                table.properties.put("filestream_on", storage(c));
            } else if (c.at("WITH") && c.peek(1) != null && c.peek(1).is(TokenType.LEFT_PAREN)) {
                c.next();
                table.properties.put("with", ctx.parenthesizedText(c));
            } else {
                break;
            }
        }
        table.definition = ctx.text(create, c.previous());
        ctx.expectStatementEnd(c);
        if (ctx.catalog.addTable(table).isPresent()) {
            ctx.warning(ScriptContext.DUPLICATE_OBJECT, create, "table " + name
                    + " is created a second time; the later definition replaces the earlier one",
                    Optional.of(name.toString()));
        }
    }

    /** A filegroup or partition scheme, e.g. {@code [PRIMARY]} or {@code ps_date(OrderDate)}, as written. */
    private String storage(TokenCursor c) {
        Token first = c.peek();
        if (c.at(TokenType.STRING)) {
            c.next(); // ON "default"
        } else {
            ctx.name(c);
            if (c.at(TokenType.LEFT_PAREN)) {
                c.skipParenthesized();
            }
        }
        return ctx.text(first, c.previous());
    }

    /** A column definition or a table constraint, in CREATE TABLE or ALTER TABLE ADD. */
    private void element(TokenCursor c, TableBuilder table, boolean enforced) {
        if (c.at("CONSTRAINT") || c.at("PRIMARY") || c.at("UNIQUE") || c.at("FOREIGN") || c.at("CHECK")
                || c.at("DEFAULT")) {
            tableConstraint(c, table, enforced);
        } else if (c.at("INDEX")) {
            inlineIndex(c, table, Optional.empty());
        } else if (c.at("PERIOD")) {
            Token first = c.next();
            c.expect("FOR");
            c.next(); // SYSTEM_TIME
            c.skipParenthesized();
            table.properties.put("period", ctx.text(first, c.previous()));
        } else {
            column(c, table, enforced);
        }
    }

    private void column(TokenCursor c, TableBuilder table, boolean enforced) {
        if (c.atEnd() || !c.peek().isName()) {
            throw c.error("expected a column definition or a table constraint");
        }
        Token nameToken = c.next();
        ColumnBuilder column = new ColumnBuilder(ctx.value(nameToken), ctx.location(nameToken));
        if (table.column(column.name).isPresent()) {
            throw new SyntaxException(nameToken, "column " + column.name + " is declared twice");
        }
        if (c.accept("AS")) {
            column.computedExpression = ctx.expressionText(ctx.expression(c));
            column.persisted = c.accept("PERSISTED");
        } else {
            TypeRef type = ctx.dataType(c);
            column.type = type.type();
            column.aliasNullable = type.aliasNullable().orElse(null);
        }
        table.columns.add(column);
        while (!c.atEnd()) {
            if (c.acceptSequence("NOT", "NULL")) {
                column.declaredNullable = false;
            } else if (c.accept("NULL")) {
                column.declaredNullable = true;
            } else if (c.at("IDENTITY")) {
                c.next();
                column.identity = identity(c);
                c.acceptSequence("NOT", "FOR", "REPLICATION");
            } else if (c.accept("ROWGUIDCOL")) {
                column.rowGuid = true;
            } else if (c.accept("SPARSE") || c.accept("FILESTREAM") || c.accept("HIDDEN")) {
                continue;
            } else if (c.accept("PERSISTED")) {
                column.persisted = true;
            } else if (c.accept("COLLATE")) {
                column.collation = ctx.value(ctx.namePart(c));
            } else if (c.atSequence("GENERATED", "ALWAYS")) {
                Token first = c.next();
                c.next();
                c.expect("AS");
                while (!c.atEnd() && c.peek().type() == TokenType.IDENTIFIER && !c.at("NOT") && !c.at("NULL")
                        && !c.at("CONSTRAINT") && !c.at("HIDDEN")) {
                    c.next(); // ROW START, TRANSACTION_ID END, ...
                }
                table.properties.put("generated " + column.name, ctx.text(first, c.previous()));
            } else if ((c.at("MASKED") || c.at("ENCRYPTED")) && c.peek(1) != null && c.peek(1).is("WITH")) {
                c.next();
                c.next();
                c.skipParenthesized();
            } else if (c.at("INDEX")) {
                inlineIndex(c, table, Optional.of(column.name));
            } else if (c.at("CONSTRAINT") || c.at("DEFAULT") || c.at("PRIMARY") || c.at("UNIQUE")
                    || c.at("REFERENCES") || c.at("FOREIGN") || c.at("CHECK")) {
                columnConstraint(c, table, column, enforced);
            } else {
                break;
            }
        }
    }

    private Identity identity(TokenCursor c) {
        if (!c.accept(TokenType.LEFT_PAREN)) {
            return new Identity(1, 1);
        }
        long seed = signedNumber(c);
        c.expect(TokenType.COMMA, "','");
        long increment = signedNumber(c);
        c.expect(TokenType.RIGHT_PAREN, "')'");
        return new Identity(seed, increment);
    }

    private long signedNumber(TokenCursor c) {
        Token sign = null;
        if (c.at(TokenType.OPERATOR) && (c.peek().text().equals("-") || c.peek().text().equals("+"))) {
            sign = c.next();
        }
        if (!c.at(TokenType.INTEGER) && !c.at(TokenType.DECIMAL)) {
            throw c.error("expected a number");
        }
        return ScriptContext.parseLong(sign, c.next());
    }

    private void columnConstraint(TokenCursor c, TableBuilder table, ColumnBuilder column, boolean enforced) {
        Token first = c.peek();
        Optional<String> name = Optional.empty();
        if (c.accept("CONSTRAINT")) {
            name = Optional.of(ctx.value(ctx.namePart(c)));
        }
        if (c.accept("DEFAULT")) {
            column.defaultExpression = ctx.expressionText(ctx.expression(c));
            c.acceptSequence("WITH", "VALUES");
        } else if (c.at("PRIMARY")) {
            c.next();
            c.expect("KEY");
            boolean clustered = clustered(c, true);
            indexOptions(c);
            table.primaryKey(new PrimaryKey(name, List.of(column.name), clustered, ctx.location(first)));
        } else if (c.accept("UNIQUE")) {
            boolean clustered = clustered(c, false);
            indexOptions(c);
            table.uniqueConstraints.add(new UniqueConstraint(name, List.of(column.name), clustered,
                    ctx.location(first)));
        } else if (c.at("REFERENCES") || c.at("FOREIGN")) {
            if (c.accept("FOREIGN")) {
                c.expect("KEY");
            }
            ForeignKeyBuilder fk = references(c);
            fk.name = name;
            fk.columns = List.of(column.name);
            fk.enforced = enforced;
            fk.location = ctx.location(first);
            table.foreignKeys.add(fk);
        } else if (c.at("CHECK")) {
            CheckBuilder check = check(c);
            check.name = name;
            check.column = Optional.of(column.name);
            check.enforced = enforced;
            check.location = ctx.location(first);
            table.checks.add(check);
        } else if (c.acceptSequence("NOT", "NULL")) {
            column.declaredNullable = false;
        } else if (c.accept("NULL")) {
            column.declaredNullable = true;
        } else {
            throw c.error("expected DEFAULT, PRIMARY KEY, UNIQUE, REFERENCES or CHECK");
        }
    }

    private void tableConstraint(TokenCursor c, TableBuilder table, boolean enforced) {
        Token first = c.peek();
        Optional<String> name = Optional.empty();
        if (c.accept("CONSTRAINT")) {
            name = Optional.of(ctx.value(ctx.namePart(c)));
        }
        if (c.at("PRIMARY")) {
            c.next();
            c.expect("KEY");
            boolean clustered = clustered(c, true);
            List<String> columns = columns(c, table);
            indexOptions(c);
            table.primaryKey(new PrimaryKey(name, columns, clustered, ctx.location(first)));
        } else if (c.accept("UNIQUE")) {
            boolean clustered = clustered(c, false);
            List<String> columns = columns(c, table);
            indexOptions(c);
            table.uniqueConstraints.add(new UniqueConstraint(name, columns, clustered, ctx.location(first)));
        } else if (c.accept("FOREIGN")) {
            c.expect("KEY");
            List<String> columns = columns(c, table);
            ForeignKeyBuilder fk = references(c);
            fk.name = name;
            fk.columns = columns;
            fk.enforced = enforced;
            fk.location = ctx.location(first);
            table.foreignKeys.add(fk);
        } else if (c.at("CHECK")) {
            CheckBuilder check = check(c);
            check.name = name;
            check.enforced = enforced;
            check.location = ctx.location(first);
            table.checks.add(check);
        } else if (c.accept("DEFAULT")) {
            String expression = ctx.expressionText(ctx.expression(c));
            c.expect("FOR");
            Token columnToken = ctx.namePart(c);
            c.acceptSequence("WITH", "VALUES");
            Optional<ColumnBuilder> column = table.column(ctx.value(columnToken));
            if (column.isEmpty()) {
                throw new SyntaxException(columnToken, "DEFAULT FOR a column that " + table.name + " does not have");
            }
            column.get().defaultExpression = expression;
        } else {
            throw c.error("expected PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK or DEFAULT");
        }
    }

    /** {@code ( col [ASC|DESC], ... )}, spelled as the table declares them. */
    private List<String> columns(TokenCursor c, TableBuilder table) {
        return ctx.nameList(c).stream().map(table::columnSpelling).toList();
    }

    private static boolean clustered(TokenCursor c, boolean byDefault) {
        if (c.accept("CLUSTERED")) {
            return true;
        }
        if (c.accept("NONCLUSTERED")) {
            return false;
        }
        return byDefault;
    }

    /** {@code WITH (...)}, {@code WITH FILLFACTOR = n} and {@code ON filegroup} of a key or index: storage only. */
    private void indexOptions(TokenCursor c) {
        while (true) {
            if (c.at("WITH") && c.peek(1) != null && c.peek(1).is(TokenType.LEFT_PAREN)) {
                c.next();
                c.skipParenthesized();
            } else if (c.at("WITH") && c.peek(1) != null && c.peek(1).is("FILLFACTOR")) {
                c.next();
                c.next();
                c.expect(TokenType.OPERATOR, "'='");
                c.expect(TokenType.INTEGER, "a number");
            } else if (c.at("ON") && c.peek(1) != null && !c.peek(1).is("DELETE") && !c.peek(1).is("UPDATE")) {
                c.next();
                storage(c);
            } else {
                return;
            }
        }
    }

    private ForeignKeyBuilder references(TokenCursor c) {
        c.expect("REFERENCES");
        ForeignKeyBuilder fk = new ForeignKeyBuilder();
        fk.referencedTable = ctx.objectName(c);
        if (c.at(TokenType.LEFT_PAREN)) {
            fk.referencedColumns = ctx.nameList(c);
        }
        while (true) {
            if (c.acceptSequence("ON", "DELETE")) {
                fk.onDelete = action(c);
            } else if (c.acceptSequence("ON", "UPDATE")) {
                fk.onUpdate = action(c);
            } else if (!c.acceptSequence("NOT", "FOR", "REPLICATION")) {
                return fk;
            }
        }
    }

    private static ReferentialAction action(TokenCursor c) {
        if (c.accept("CASCADE")) {
            return ReferentialAction.CASCADE;
        }
        if (c.acceptSequence("NO", "ACTION")) {
            return ReferentialAction.NO_ACTION;
        }
        if (c.acceptSequence("SET", "NULL")) {
            return ReferentialAction.SET_NULL;
        }
        if (c.acceptSequence("SET", "DEFAULT")) {
            return ReferentialAction.SET_DEFAULT;
        }
        throw c.error("expected CASCADE, NO ACTION, SET NULL or SET DEFAULT");
    }

    private CheckBuilder check(TokenCursor c) {
        c.expect("CHECK");
        c.acceptSequence("NOT", "FOR", "REPLICATION");
        if (!c.at(TokenType.LEFT_PAREN)) {
            throw c.error("expected '(' and the check condition");
        }
        CheckBuilder check = new CheckBuilder();
        check.expression = ctx.parenthesizedText(c);
        return check;
    }

    /** {@code INDEX name [UNIQUE] [CLUSTERED|NONCLUSTERED] [(cols)]} inside CREATE TABLE. */
    private void inlineIndex(TokenCursor c, TableBuilder table, Optional<String> column) {
        Token first = c.next();
        String name = ctx.value(ctx.namePart(c));
        boolean unique = c.accept("UNIQUE");
        boolean clustered = clustered(c, false);
        String kind = c.accept("COLUMNSTORE") ? "columnstore" : "rowstore";
        List<IndexColumn> columns = new ArrayList<>();
        if (c.at(TokenType.LEFT_PAREN)) {
            columns = indexColumns(c, table);
        } else {
            if (column.isPresent()) {
                columns = List.of(new IndexColumn(column.get(), false));
            }
        }
        indexOptions(c);
        table.indexes.add(new Index(name, columns, List.of(), unique, clustered, kind, Optional.empty(),
                ctx.location(first)));
    }

    private List<IndexColumn> indexColumns(TokenCursor c, TableBuilder table) {
        c.expect(TokenType.LEFT_PAREN, "'('");
        List<IndexColumn> columns = new ArrayList<>();
        do {
            String name = ctx.value(ctx.namePart(c));
            boolean descending = c.accept("DESC");
            if (!descending) {
                c.accept("ASC");
            }
            columns.add(new IndexColumn(table == null ? name : table.columnSpelling(name), descending));
        } while (c.accept(TokenType.COMMA));
        c.expect(TokenType.RIGHT_PAREN, "')'");
        return columns;
    }

    /** After {@code CREATE}: {@code [UNIQUE] [CLUSTERED|NONCLUSTERED] [COLUMNSTORE|XML|SPATIAL] INDEX ...}. */
    void createIndex(TokenCursor c, Token create) {
        boolean unique = c.accept("UNIQUE");
        boolean clustered = clustered(c, false);
        String kind = "rowstore";
        if (c.accept("COLUMNSTORE")) {
            kind = "columnstore";
        } else if (c.accept("XML") || c.acceptSequence("PRIMARY", "XML")) {
            kind = "xml";
        } else if (c.accept("SPATIAL")) {
            kind = "spatial";
        }
        c.expect("INDEX");
        String name = ctx.value(ctx.namePart(c));
        c.expect("ON");
        ObjectName tableName = ctx.objectName(c);
        Optional<TableBuilder> table = ctx.catalog.table(tableName);
        List<IndexColumn> columns = c.at(TokenType.LEFT_PAREN) ? indexColumns(c, table.orElse(null)) : List.of();
        List<String> included = List.of();
        Optional<String> filter = Optional.empty();
        while (true) {
            if (c.accept("INCLUDE")) {
                included = ctx.nameList(c).stream().map(n -> table.map(t -> t.columnSpelling(n)).orElse(n)).toList();
            } else if (c.accept("WHERE")) {
                Token from = c.peek();
                skipFilter(c);
                filter = Optional.of(ctx.text(from, c.previous()));
            } else if (c.accept("USING")) {
                ctx.skipToStatementEnd(c, true); // XML and spatial index details
            } else if (c.at("WITH") || c.at("ON")) {
                indexOptions(c);
                if (c.at("WITH") || c.at("ON")) {
                    throw c.error("expected index options");
                }
            } else if (c.accept("FILESTREAM_ON")) {
                storage(c);
            } else {
                break;
            }
        }
        ctx.expectStatementEnd(c);
        if (table.isEmpty()) {
            ctx.deferIfPossible();
            ctx.warning(ScriptContext.UNKNOWN_OBJECT, create, "index " + name + " is on table " + tableName
                    + ", which this script does not create; the index is not kept", Optional.of(tableName.toString()));
            return;
        }
        table.get().indexes.add(new Index(name, columns, included, unique, clustered, kind, filter,
                ctx.location(create)));
    }

    /** A filtered index's WHERE condition ends at WITH or ON outside parentheses, or at the statement's end. */
    private void skipFilter(TokenCursor c) {
        int depth = 0;
        while (!c.atEnd()) {
            Token t = c.peek();
            if (t.is(TokenType.LEFT_PAREN)) {
                depth++;
            } else if (t.is(TokenType.RIGHT_PAREN)) {
                depth--;
            } else if (depth == 0 && (t.is("WITH") || t.is("ON") || ctx.isStatementStart(c, true))) {
                return;
            }
            c.next();
        }
    }

    /** After {@code ALTER}: {@code TABLE t [WITH CHECK|NOCHECK] ADD ...} or {@code [NOCHECK|CHECK] CONSTRAINT ...}. */
    void alterTable(TokenCursor c, Token alter) {
        c.expect("TABLE");
        ObjectName name = ctx.objectName(c);
        Optional<TableBuilder> found = ctx.catalog.table(name);
        if (found.isEmpty()) {
            ctx.deferIfPossible();
            ctx.skipToStatementEnd(c, true);
            ctx.warning(ScriptContext.UNKNOWN_OBJECT, alter, "ALTER TABLE of " + name
                    + ", which this script does not create; the change is not kept", Optional.of(name.toString()));
            return;
        }
        TableBuilder table = found.get();
        boolean enforced = true;
        if (c.acceptSequence("WITH", "NOCHECK")) {
            enforced = false;
        } else {
            c.acceptSequence("WITH", "CHECK");
        }
        if (c.accept("ADD")) {
            do {
                element(c, table, enforced);
            } while (c.accept(TokenType.COMMA));
        } else if ((c.at("CHECK") || c.at("NOCHECK")) && c.peek(1) != null && c.peek(1).is("CONSTRAINT")) {
            boolean enable = c.next().is("CHECK");
            c.next();
            if (c.accept("ALL")) {
                table.enforceAll(enable);
            } else {
                do {
                    Token constraint = ctx.namePart(c);
                    if (!table.enforce(ctx.value(constraint), enable)) {
                        ctx.warning(ScriptContext.UNKNOWN_OBJECT, constraint, "table " + table.name
                                + " has no foreign key or check constraint " + ctx.value(constraint),
                                Optional.of(table.name.toString()));
                    }
                } while (c.accept(TokenType.COMMA));
            }
        } else {
            int from = c.position();
            c.next();
            ctx.skipToStatementEnd(c, true);
            ctx.warning(ScriptContext.UNSUPPORTED, alter, "unsupported statement 'ALTER TABLE " + name + " "
                    + ctx.firstWords(from, 2) + "' was not read", Optional.of(table.name.toString()));
            return;
        }
        ctx.expectStatementEnd(c);
    }
}
