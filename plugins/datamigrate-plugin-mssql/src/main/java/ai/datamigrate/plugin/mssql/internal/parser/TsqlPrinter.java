package ai.datamigrate.plugin.mssql.internal.parser;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.GroupingElement;
import ai.datamigrate.plugin.mssql.internal.ast.InsertSource;
import ai.datamigrate.plugin.mssql.internal.ast.MergeAction;
import ai.datamigrate.plugin.mssql.internal.ast.Node;
import ai.datamigrate.plugin.mssql.internal.ast.Part;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Part.OrderItem;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Tokens;
import ai.datamigrate.plugin.mssql.internal.ast.QueryBody;
import ai.datamigrate.plugin.mssql.internal.ast.SelectItem;
import ai.datamigrate.plugin.mssql.internal.ast.Statement;
import ai.datamigrate.plugin.mssql.internal.ast.TableSource;
import java.util.List;
import java.util.Optional;

/**
 * Prints a syntax tree back as T-SQL that {@link TsqlParser} reads into an equal tree (positions aside): names are
 * bracketed when they need it, statements end with semicolons, parentheses are those of the tree.
 */
public final class TsqlPrinter {

    private final StringBuilder out = new StringBuilder(256);
    private int indent;

    private TsqlPrinter() {
    }

    public static String print(List<Statement> statements) {
        TsqlPrinter p = new TsqlPrinter();
        p.statements(statements);
        return p.out.toString();
    }

    public static String print(Node node) {
        TsqlPrinter p = new TsqlPrinter();
        p.node(node);
        return p.out.toString();
    }

    private void node(Node node) {
        if (node instanceof Statement s) {
            statement(s);
        } else if (node instanceof Expr e) {
            expr(e);
        } else if (node instanceof Query q) {
            query(q);
        } else if (node instanceof TableSource t) {
            table(t);
        } else {
            throw new IllegalArgumentException("cannot print a " + node.getClass().getSimpleName() + " alone");
        }
    }

    // ---------------------------------------------------------------- statements

    private void statements(List<Statement> statements) {
        for (Statement s : statements) {
            newLine();
            statement(s);
            out.append(';');
        }
    }

    private void newLine() {
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append("    ".repeat(indent));
    }

    private void statement(Statement s) {
        if (s instanceof Statement.Select x) {
            query(x.query());
        } else if (s instanceof Statement.Insert x) {
            ctes(x.ctes());
            out.append("INSERT ");
            x.top().ifPresent(this::dmlTop);
            out.append("INTO ");
            table(x.target());
            if (!x.columns().isEmpty()) {
                out.append(' ');
                nameList(x.columns());
            }
            x.output().ifPresent(this::output);
            out.append(' ');
            InsertSource source = x.source();
            if (source instanceof InsertSource.Values v) {
                out.append("VALUES ");
                rows(v.rows());
            } else if (source instanceof InsertSource.FromQuery q) {
                query(q.query());
            } else if (source instanceof InsertSource.FromExecute e) {
                statement(e.execute());
            } else {
                out.append("DEFAULT VALUES");
            }
        } else if (s instanceof Statement.Update x) {
            ctes(x.ctes());
            out.append("UPDATE ");
            x.top().ifPresent(this::dmlTop);
            table(x.target());
            out.append(" SET ");
            sets(x.sets());
            x.output().ifPresent(this::output);
            from(x.from());
            where(x.where(), x.currentOf());
            option(x.option());
        } else if (s instanceof Statement.Delete x) {
            ctes(x.ctes());
            out.append("DELETE ");
            x.top().ifPresent(this::dmlTop);
            out.append("FROM ");
            table(x.target());
            x.output().ifPresent(this::output);
            from(x.from());
            where(x.where(), x.currentOf());
            option(x.option());
        } else if (s instanceof Statement.Merge x) {
            ctes(x.ctes());
            out.append("MERGE ");
            x.top().ifPresent(this::dmlTop);
            out.append("INTO ");
            table(x.target());
            out.append(" USING ");
            table(x.source());
            out.append(" ON ");
            expr(x.on());
            for (Part.MergeWhen w : x.clauses()) {
                out.append(" WHEN ").append(w.match());
                w.and().ifPresent(a -> {
                    out.append(" AND ");
                    expr(a);
                });
                out.append(" THEN ");
                MergeAction a = w.action();
                if (a instanceof MergeAction.Update u) {
                    out.append("UPDATE SET ");
                    sets(u.sets());
                } else if (a instanceof MergeAction.Delete) {
                    out.append("DELETE");
                } else if (a instanceof MergeAction.Insert i) {
                    out.append("INSERT");
                    if (!i.columns().isEmpty()) {
                        out.append(' ');
                        nameList(i.columns());
                    }
                    if (i.values().isPresent()) {
                        out.append(" VALUES (");
                        exprs(i.values().get());
                        out.append(')');
                    } else {
                        out.append(" DEFAULT VALUES");
                    }
                }
            }
            x.output().ifPresent(this::output);
            option(x.option());
        } else if (s instanceof Statement.Declare x) {
            out.append("DECLARE ");
            for (int i = 0; i < x.variables().size(); i++) {
                Part.VariableDecl v = x.variables().get(i);
                comma(i);
                out.append(v.name()).append(' ');
                dataType(v.type());
                v.initial().ifPresent(e -> {
                    out.append(" = ");
                    expr(e);
                });
            }
        } else if (s instanceof Statement.DeclareTable x) {
            out.append("DECLARE ").append(x.name()).append(" TABLE ");
            elements(x.elements());
        } else if (s instanceof Statement.DeclareCursor x) {
            out.append("DECLARE ");
            name(x.name());
            out.append(" CURSOR");
            x.options().forEach(o -> out.append(' ').append(o));
            out.append(" FOR ");
            query(x.query());
            x.forUpdate().ifPresent(f -> {
                out.append(" FOR ");
                tokens(f);
            });
        } else if (s instanceof Statement.SetVariable x) {
            out.append("SET ").append(x.variable()).append(' ').append(x.operator()).append(' ');
            expr(x.value());
        } else if (s instanceof Statement.SetOption x) {
            out.append("SET ");
            tokens(x.words());
        } else if (s instanceof Statement.If x) {
            out.append("IF ");
            expr(x.condition());
            nested(x.then());
            x.otherwise().ifPresent(e -> {
                newLine();
                out.append("ELSE");
                nested(e);
            });
        } else if (s instanceof Statement.While x) {
            out.append("WHILE ");
            expr(x.condition());
            nested(x.body());
        } else if (s instanceof Statement.Block x) {
            out.append("BEGIN");
            block(x.statements());
            out.append("END");
        } else if (s instanceof Statement.TryCatch x) {
            out.append("BEGIN TRY");
            block(x.tryStatements());
            out.append("END TRY");
            newLine();
            out.append("BEGIN CATCH");
            block(x.catchStatements());
            out.append("END CATCH");
        } else if (s instanceof Statement.Return x) {
            out.append("RETURN");
            x.value().ifPresent(e -> {
                out.append(' ');
                expr(e);
            });
        } else if (s instanceof Statement.Break) {
            out.append("BREAK");
        } else if (s instanceof Statement.Continue) {
            out.append("CONTINUE");
        } else if (s instanceof Statement.Goto x) {
            out.append("GOTO ").append(x.label());
        } else if (s instanceof Statement.Label x) {
            out.append(x.name()).append(':');
        } else if (s instanceof Statement.CursorCommand x) {
            out.append(x.verb()).append(' ');
            if (x.global()) {
                out.append("GLOBAL ");
            }
            cursor(x.cursor());
        } else if (s instanceof Statement.Fetch x) {
            out.append("FETCH ");
            x.direction().ifPresent(d -> {
                out.append(d).append(' ');
                x.offset().ifPresent(o -> {
                    expr(o);
                    out.append(' ');
                });
                out.append("FROM ");
            });
            if (x.global()) {
                out.append("GLOBAL ");
            }
            cursor(x.cursor());
            if (!x.into().isEmpty()) {
                out.append(" INTO ").append(String.join(", ", x.into()));
            }
        } else if (s instanceof Statement.CreateTable x) {
            out.append("CREATE TABLE ");
            name(x.name());
            out.append(' ');
            elements(x.elements());
        } else if (s instanceof Statement.Execute x) {
            out.append("EXEC ");
            x.returnVariable().ifPresent(v -> out.append(v).append(" = "));
            x.procedure().ifPresent(this::name);
            x.procedureVariable().ifPresent(out::append);
            for (int i = 0; i < x.arguments().size(); i++) {
                Part.Argument a = x.arguments().get(i);
                out.append(i == 0 ? " " : ", ");
                a.name().ifPresent(n -> out.append(n).append(" = "));
                expr(a.value());
                if (a.output()) {
                    out.append(" OUTPUT");
                }
            }
            x.options().ifPresent(o -> {
                out.append(" WITH ");
                tokens(o);
            });
        } else if (s instanceof Statement.ExecuteString x) {
            out.append("EXEC (");
            expr(x.sql());
            out.append(')');
            x.at().ifPresent(a -> {
                out.append(" AT ");
                name(a);
            });
        } else if (s instanceof Statement.Throw x) {
            out.append("THROW");
            if (!x.arguments().isEmpty()) {
                out.append(' ');
                exprs(x.arguments());
            }
        } else if (s instanceof Statement.Raiserror x) {
            out.append("RAISERROR (");
            exprs(x.arguments());
            out.append(')');
            if (!x.options().isEmpty()) {
                out.append(" WITH ").append(String.join(", ", x.options()));
            }
        } else if (s instanceof Statement.Transaction x) {
            out.append(x.verb());
            x.name().ifPresent(n -> {
                out.append(' ');
                if (n.startsWith("@")) {
                    out.append(n);
                } else {
                    name(n);
                }
            });
        } else if (s instanceof Statement.Waitfor x) {
            out.append("WAITFOR ").append(x.kind()).append(' ');
            expr(x.value());
        } else if (s instanceof Statement.Print x) {
            out.append("PRINT ");
            expr(x.value());
        } else if (s instanceof Statement.Truncate x) {
            out.append("TRUNCATE TABLE ");
            name(x.table());
        } else if (s instanceof Statement.Drop x) {
            out.append("DROP ").append(x.kind()).append(x.ifExists() ? " IF EXISTS " : " ");
            for (int i = 0; i < x.names().size(); i++) {
                comma(i);
                name(x.names().get(i));
            }
        } else if (s instanceof Statement.Other x) {
            tokens(x.words());
        } else if (s instanceof Statement.Unparsed x) {
            tokens(x.words());
        }
    }

    private void nested(Statement s) {
        indent++;
        newLine();
        statement(s);
        indent--;
    }

    private void block(List<Statement> statements) {
        indent++;
        statements(statements);
        indent--;
        newLine();
    }

    private void cursor(String cursor) {
        if (cursor.startsWith("@")) {
            out.append(cursor);
        } else {
            name(cursor);
        }
    }

    private void dmlTop(Part.Top top) {
        out.append("TOP (");
        expr(top.count());
        out.append(top.percent() ? ") PERCENT " : ") ");
    }

    private void sets(List<Part.SetClause> sets) {
        for (int i = 0; i < sets.size(); i++) {
            comma(i);
            Part.SetClause c = sets.get(i);
            expr(c.target());
            out.append(' ').append(c.operator()).append(' ');
            expr(c.value());
        }
    }

    private void output(Part.OutputClause o) {
        out.append(" OUTPUT ");
        selectItems(o.items());
        o.into().ifPresent(t -> {
            out.append(" INTO ");
            table(t);
            if (!o.intoColumns().isEmpty()) {
                out.append(' ');
                nameList(o.intoColumns());
            }
        });
    }

    private void from(List<TableSource> from) {
        if (from.isEmpty()) {
            return;
        }
        out.append(" FROM ");
        for (int i = 0; i < from.size(); i++) {
            comma(i);
            table(from.get(i));
        }
    }

    private void where(Optional<Expr> where, Optional<String> currentOf) {
        where.ifPresent(w -> {
            out.append(" WHERE ");
            expr(w);
        });
        currentOf.ifPresent(c -> {
            out.append(" WHERE CURRENT OF ");
            cursor(c);
        });
    }

    private void option(Optional<Tokens> option) {
        option.ifPresent(o -> {
            out.append(" OPTION (");
            tokens(o);
            out.append(')');
        });
    }

    private void elements(List<Part.TableElement> elements) {
        out.append('(');
        for (int i = 0; i < elements.size(); i++) {
            comma(i);
            Part.TableElement e = elements.get(i);
            e.column().ifPresent(c -> {
                name(c);
                out.append(' ');
            });
            e.type().ifPresent(this::dataType);
            e.computed().ifPresent(c -> {
                out.append("AS ");
                expr(c);
            });
            if (!e.rest().texts().isEmpty()) {
                if (e.column().isPresent()) {
                    out.append(' ');
                }
                tokens(e.rest());
            }
        }
        out.append(')');
    }

    // ---------------------------------------------------------------- queries

    private void ctes(List<Part.Cte> ctes) {
        if (ctes.isEmpty()) {
            return;
        }
        out.append("WITH ");
        for (int i = 0; i < ctes.size(); i++) {
            comma(i);
            Part.Cte c = ctes.get(i);
            name(c.name());
            if (!c.columns().isEmpty()) {
                out.append(' ');
                nameList(c.columns());
            }
            out.append(" AS (");
            query(c.query());
            out.append(')');
        }
        out.append(' ');
    }

    private void query(Query q) {
        ctes(q.ctes());
        body(q.body());
        if (!q.orderBy().isEmpty()) {
            out.append(" ORDER BY ");
            orderItems(q.orderBy());
        }
        q.offset().ifPresent(o -> {
            out.append(" OFFSET ");
            expr(o.offset());
            out.append(" ROWS");
            o.fetch().ifPresent(f -> {
                out.append(" FETCH NEXT ");
                expr(f);
                out.append(" ROWS ONLY");
            });
        });
        q.forClause().ifPresent(f -> {
            out.append(" FOR ");
            tokens(f);
        });
        option(q.option());
    }

    private void body(QueryBody body) {
        if (body instanceof QueryBody.Select s) {
            out.append("SELECT ");
            s.quantifier().ifPresent(q -> out.append(q).append(' '));
            s.top().ifPresent(t -> {
                out.append("TOP (");
                expr(t.count());
                out.append(')');
                if (t.percent()) {
                    out.append(" PERCENT");
                }
                if (t.withTies()) {
                    out.append(" WITH TIES");
                }
                out.append(' ');
            });
            selectItems(s.items());
            s.into().ifPresent(i -> {
                out.append(" INTO ");
                name(i);
            });
            from(s.from());
            s.where().ifPresent(w -> {
                out.append(" WHERE ");
                expr(w);
            });
            s.groupBy().ifPresent(g -> {
                out.append(" GROUP BY ");
                if (g.all()) {
                    out.append("ALL ");
                }
                grouping(g.items());
                g.with().ifPresent(w -> out.append(" WITH ").append(w));
            });
            s.having().ifPresent(h -> {
                out.append(" HAVING ");
                expr(h);
            });
        } else if (body instanceof QueryBody.SetOperation s) {
            java.util.ArrayDeque<QueryBody.SetOperation> spine = new java.util.ArrayDeque<>();
            QueryBody left = s;
            while (left instanceof QueryBody.SetOperation op) {
                spine.push(op);
                left = op.left();
            }
            body(left);
            while (!spine.isEmpty()) {
                QueryBody.SetOperation op = spine.pop();
                out.append(' ').append(op.operator()).append(' ');
                body(op.right());
            }
        } else if (body instanceof QueryBody.Nested n) {
            out.append('(');
            query(n.query());
            out.append(')');
        }
    }

    private void grouping(List<GroupingElement> items) {
        for (int i = 0; i < items.size(); i++) {
            comma(i);
            GroupingElement g = items.get(i);
            if (g instanceof GroupingElement.ByExpr b) {
                expr(b.expr());
            } else if (g instanceof GroupingElement.Set set) {
                out.append('(');
                grouping(set.items());
                out.append(')');
            } else if (g instanceof GroupingElement.Operator op) {
                out.append(op.kind()).append(" (");
                grouping(op.items());
                out.append(')');
            }
        }
    }

    private void selectItems(List<SelectItem> items) {
        for (int i = 0; i < items.size(); i++) {
            comma(i);
            SelectItem item = items.get(i);
            if (item instanceof SelectItem.Assignment a) {
                out.append(a.variable()).append(' ').append(a.operator()).append(' ');
                expr(a.value());
            } else if (item instanceof SelectItem.Column c) {
                String alias = c.alias().orElse("");
                switch (c.style()) {
                    case NONE -> expr(c.expr());
                    case AS -> {
                        expr(c.expr());
                        out.append(" AS ");
                        name(alias);
                    }
                    case BARE -> {
                        expr(c.expr());
                        out.append(' ');
                        name(alias);
                    }
                    case EQUALS -> {
                        name(alias);
                        out.append(" = ");
                        expr(c.expr());
                    }
                    case AS_STRING -> {
                        expr(c.expr());
                        out.append(" AS ");
                        string(alias);
                    }
                    case EQUALS_STRING -> {
                        string(alias);
                        out.append(" = ");
                        expr(c.expr());
                    }
                }
            }
        }
    }

    private void orderItems(List<OrderItem> items) {
        for (int i = 0; i < items.size(); i++) {
            comma(i);
            expr(items.get(i).expr());
            items.get(i).direction().ifPresent(d -> out.append(' ').append(d));
        }
    }

    private void table(TableSource t) {
        if (t instanceof TableSource.Named n) {
            name(n.name());
            n.temporal().ifPresent(f -> {
                out.append(" FOR ");
                tokens(f);
            });
            alias(n.alias());
            n.hints().ifPresent(h -> {
                out.append(n.withKeyword() ? " WITH (" : " (");
                tokens(h);
                out.append(')');
            });
        } else if (t instanceof TableSource.Variable v) {
            out.append(v.name());
            alias(v.alias());
        } else if (t instanceof TableSource.Derived d) {
            out.append('(');
            query(d.query());
            out.append(')');
            alias(d.alias());
            columnAliases(d.columns());
        } else if (t instanceof TableSource.Values v) {
            out.append("(VALUES ");
            rows(v.rows());
            out.append(')');
            alias(v.alias());
            columnAliases(v.columns());
        } else if (t instanceof TableSource.Function f) {
            expr(f.call());
            f.withSchema().ifPresent(w -> {
                out.append(" WITH (");
                tokens(w);
                out.append(')');
            });
            alias(f.alias());
            columnAliases(f.columns());
        } else if (t instanceof TableSource.Join j) {
            java.util.ArrayDeque<TableSource.Join> spine = new java.util.ArrayDeque<>();
            TableSource left = j;
            while (left instanceof TableSource.Join join) {
                spine.push(join);
                left = join.left();
            }
            table(left);
            while (!spine.isEmpty()) {
                TableSource.Join join = spine.pop();
                out.append(' ').append(join.kind()).append(' ');
                table(join.right());
                join.on().ifPresent(on -> {
                    out.append(" ON ");
                    expr(on);
                });
            }
        } else if (t instanceof TableSource.Parenthesized p) {
            out.append('(');
            table(p.inner());
            out.append(')');
        } else if (t instanceof TableSource.Pivot p) {
            table(p.source());
            out.append(" PIVOT (");
            expr(p.aggregate());
            out.append(" FOR ");
            name(p.forColumn());
            out.append(" IN ");
            nameList(p.values());
            out.append(')');
            alias(p.alias());
        } else if (t instanceof TableSource.Unpivot u) {
            table(u.source());
            out.append(" UNPIVOT (");
            name(u.valueColumn());
            out.append(" FOR ");
            name(u.forColumn());
            out.append(" IN ");
            nameList(u.columns());
            out.append(')');
            alias(u.alias());
        }
    }

    private void alias(Optional<String> alias) {
        alias.ifPresent(a -> {
            out.append(" AS ");
            name(a);
        });
    }

    private void columnAliases(List<String> columns) {
        if (!columns.isEmpty()) {
            out.append(' ');
            nameList(columns);
        }
    }

    private void rows(List<List<Expr>> rows) {
        for (int i = 0; i < rows.size(); i++) {
            comma(i);
            out.append('(');
            exprs(rows.get(i));
            out.append(')');
        }
    }

    // ---------------------------------------------------------------- expressions

    private void exprs(List<Expr> list) {
        for (int i = 0; i < list.size(); i++) {
            comma(i);
            expr(list.get(i));
        }
    }

    private void expr(Expr e) {
        if (e instanceof Expr.Literal x) {
            out.append(x.text());
        } else if (e instanceof Expr.ColumnRef x) {
            name(x.name());
        } else if (e instanceof Expr.Star x) {
            x.qualifier().ifPresent(q -> {
                name(q);
                out.append('.');
            });
            out.append('*');
        } else if (e instanceof Expr.Variable x) {
            out.append(x.name());
        } else if (e instanceof Expr.Unary x) {
            out.append(x.operator()).append(' ');
            expr(x.operand());
        } else if (e instanceof Expr.Binary x) {
            // Left-deep chains (a + b + c ...) may be thousands long: walk the spine without recursing.
            java.util.ArrayDeque<Expr.Binary> spine = new java.util.ArrayDeque<>();
            Expr left = x;
            while (left instanceof Expr.Binary b) {
                spine.push(b);
                left = b.left();
            }
            expr(left);
            while (!spine.isEmpty()) {
                Expr.Binary b = spine.pop();
                out.append(' ').append(b.operator()).append(' ');
                expr(b.right());
            }
        } else if (e instanceof Expr.Like x) {
            expr(x.expr());
            out.append(x.not() ? " NOT LIKE " : " LIKE ");
            expr(x.pattern());
            x.escape().ifPresent(esc -> {
                out.append(" ESCAPE ");
                expr(esc);
            });
        } else if (e instanceof Expr.InList x) {
            expr(x.expr());
            out.append(x.not() ? " NOT IN (" : " IN (");
            exprs(x.values());
            out.append(')');
        } else if (e instanceof Expr.InQuery x) {
            expr(x.expr());
            out.append(x.not() ? " NOT IN (" : " IN (");
            query(x.query());
            out.append(')');
        } else if (e instanceof Expr.Between x) {
            expr(x.expr());
            out.append(x.not() ? " NOT BETWEEN " : " BETWEEN ");
            expr(x.low());
            out.append(" AND ");
            expr(x.high());
        } else if (e instanceof Expr.IsNull x) {
            expr(x.expr());
            out.append(x.not() ? " IS NOT NULL" : " IS NULL");
        } else if (e instanceof Expr.Exists x) {
            out.append("EXISTS (");
            query(x.query());
            out.append(')');
        } else if (e instanceof Expr.Quantified x) {
            expr(x.left());
            out.append(' ').append(x.operator()).append(' ').append(x.quantifier()).append(" (");
            query(x.query());
            out.append(')');
        } else if (e instanceof Expr.Case x) {
            out.append("CASE");
            x.operand().ifPresent(o -> {
                out.append(' ');
                expr(o);
            });
            for (Part.When w : x.whens()) {
                out.append(" WHEN ");
                expr(w.condition());
                out.append(" THEN ");
                expr(w.result());
            }
            x.otherwise().ifPresent(o -> {
                out.append(" ELSE ");
                expr(o);
            });
            out.append(" END");
        } else if (e instanceof Expr.Cast x) {
            out.append(x.function()).append('(');
            if (x.function().endsWith("CONVERT")) {
                dataType(x.type());
                out.append(", ");
                expr(x.expr());
                x.extra().ifPresent(style -> {
                    out.append(", ");
                    expr(style);
                });
            } else {
                expr(x.expr());
                out.append(" AS ");
                dataType(x.type());
                x.extra().ifPresent(culture -> {
                    out.append(" USING ");
                    expr(culture);
                });
            }
            out.append(')');
        } else if (e instanceof Expr.FunctionCall x) {
            functionName(x.name());
            if (x.niladic()) {
                return;
            }
            out.append('(');
            x.quantifier().ifPresent(q -> out.append(q).append(' '));
            exprs(x.arguments());
            out.append(')');
            if (!x.withinGroup().isEmpty()) {
                out.append(" WITHIN GROUP (ORDER BY ");
                orderItems(x.withinGroup());
                out.append(')');
            }
            x.over().ifPresent(this::over);
        } else if (e instanceof Expr.MethodCall x) {
            expr(x.target());
            out.append('.').append(x.method()).append('(');
            exprs(x.arguments());
            out.append(')');
        } else if (e instanceof Expr.Collate x) {
            expr(x.expr());
            out.append(" COLLATE ").append(x.collation());
        } else if (e instanceof Expr.AtTimeZone x) {
            expr(x.expr());
            out.append(" AT TIME ZONE ");
            expr(x.zone());
        } else if (e instanceof Expr.Subquery x) {
            out.append('(');
            query(x.query());
            out.append(')');
        } else if (e instanceof Expr.Parenthesized x) {
            out.append('(');
            expr(x.expr());
            out.append(')');
        } else if (e instanceof Expr.NextValueFor x) {
            out.append("NEXT VALUE FOR ");
            name(x.sequence());
            x.over().ifPresent(this::over);
        }
    }

    private void over(Part.Over over) {
        out.append(" OVER (");
        boolean space = false;
        if (!over.partitionBy().isEmpty()) {
            out.append("PARTITION BY ");
            exprs(over.partitionBy());
            space = true;
        }
        if (!over.orderBy().isEmpty()) {
            out.append(space ? " ORDER BY " : "ORDER BY ");
            orderItems(over.orderBy());
            space = true;
        }
        if (over.frame().isPresent()) {
            Part.Frame f = over.frame().get();
            out.append(space ? " " : "").append(f.units()).append(' ');
            if (f.end().isPresent()) {
                out.append("BETWEEN ");
                bound(f.start());
                out.append(" AND ");
                bound(f.end().get());
            } else {
                bound(f.start());
            }
        }
        out.append(')');
    }

    private void bound(Part.FrameBound b) {
        b.offset().ifPresent(o -> {
            expr(o);
            out.append(' ');
        });
        out.append(b.kind());
    }

    private void dataType(Part.DataTypeRef type) {
        functionName(type.name()); // CURSOR, TABLE: type names that are reserved words, never bracketed
        if (!type.arguments().isEmpty()) {
            out.append('(').append(String.join(", ", type.arguments())).append(')');
        }
    }

    // ---------------------------------------------------------------- names and words

    private void functionName(Name name) {
        if (name.parts().size() == 1 && isRegular(name.last())) {
            out.append(name.last()); // built-ins such as LEFT and COALESCE are reserved words, never bracketed
        } else {
            name(name);
        }
    }

    private void name(Name name) {
        List<String> parts = name.parts();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append('.');
            }
            name(parts.get(i));
        }
    }

    private void name(String part) {
        if (part.isEmpty()) {
            return; // db..table
        }
        if (part.startsWith("$(") && part.endsWith(")")
                || part.startsWith("#") && isRegular(part.substring(part.startsWith("##") ? 2 : 1))
                || isRegular(part) && !Keywords.RESERVED.contains(part) && !Keywords.NOT_ALIAS.contains(part)
                && !Keywords.STATEMENT_START.contains(part)) {
            out.append(part);
            return;
        }
        out.append('[').append(part.replace("]", "]]")).append(']');
    }

    private static boolean isRegular(String s) {
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        if (!(Character.isLetter(first) || first == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '@' || c == '#' || c == '$')) {
                return false;
            }
        }
        return true;
    }

    private void nameList(List<String> names) {
        out.append('(');
        for (int i = 0; i < names.size(); i++) {
            comma(i);
            name(names.get(i));
        }
        out.append(')');
    }

    private void string(String value) {
        out.append('\'').append(value.replace("'", "''")).append('\'');
    }

    private void tokens(Tokens tokens) {
        out.append(String.join(" ", tokens.texts()));
    }

    private void comma(int i) {
        if (i > 0) {
            out.append(", ");
        }
    }
}
