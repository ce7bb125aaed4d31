package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.InsertSource;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Top;
import ai.datamigrate.plugin.mssql.internal.ast.Pos;
import ai.datamigrate.plugin.mssql.internal.ast.QueryBody;
import ai.datamigrate.plugin.mssql.internal.ast.SelectItem;
import ai.datamigrate.plugin.mssql.internal.ast.Statement;
import ai.datamigrate.plugin.mssql.internal.ast.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a procedure's body does, when it is one of the shapes a dbt model can stand for. Works on the statement
 * trees only; the translator converts the queries. The shapes:
 * <ul>
 *   <li>{@link Returns}: one query, after {@code SET} options, parameter guards ({@code IF @p IS NULL RAISERROR ...
 *       RETURN}: dropped, reported) and assignments to parameters ({@code IF @y NOT IN (...) SET @y = '1998'}:
 *       evaluated into the parameter's value);</li>
 *   <li>{@link Reload}: {@code TRUNCATE TABLE t} (or {@code DELETE FROM t} without a condition) then
 *       {@code INSERT INTO t SELECT ...}: the table's whole content, a table model;</li>
 *   <li>{@link Merge}: {@code MERGE INTO t USING ... WHEN MATCHED THEN UPDATE ... WHEN NOT MATCHED THEN INSERT ...}:
 *       an incremental model keyed by the ON columns;</li>
 *   <li>{@link Scalar}: a scalar function's straight-line body, one expression (the translator builds it).</li>
 * </ul>
 * Anything else (loops, cursors, dynamic SQL, temporary tables, several writes) is {@link Untranslated}, with the
 * statement that is in the way.
 */
final class RoutineBody {

    sealed interface Shape {
        /** Statements that only assign parameters, in order: the translator evaluates them into the values. */
        List<Statement> preamble();

        /** What was dropped on the way (guards), as notes for the report. */
        List<Dropped> dropped();
    }

    /** A statement the model leaves out, and why. */
    record Dropped(Pos pos, String why) {
    }

    record Returns(List<Statement> preamble, List<Dropped> dropped, Query query) implements Shape {
    }

    record Reload(List<Statement> preamble, List<Dropped> dropped, Name table, List<String> columns, Query query)
            implements Shape {
    }

    record Merge(List<Statement> preamble, List<Dropped> dropped, Statement.Merge merge) implements Shape {
    }

    /**
     * A scalar function made of {@code DECLARE}/{@code SET}/{@code IF}/{@code RETURN}: one expression of its
     * parameters, a macro.
     */
    record Scalar(List<Statement> preamble, List<Dropped> dropped, QueryConverter.ScalarFunction function)
            implements Shape {
    }

    private RoutineBody() {
    }

    /**
     * @param statements the body
     * @param parameters the routine's parameter names, lower-case with their {@code @}
     */
    static Shape of(List<Statement> statements, Set<String> parameters) {
        List<Statement> flat = new ArrayList<>();
        flatten(statements, flat);
        Optional<Expr> rowcount = Optional.empty();
        List<Statement> preamble = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        List<Statement> work = new ArrayList<>();
        for (Statement st : flat) {
            if (st instanceof Statement.SetOption option && !option.words().texts().isEmpty()) {
                List<String> words = option.words().texts();
                String first = words.get(0).toUpperCase(Locale.ROOT);
                if (first.equals("NOCOUNT") || first.equals("ANSI_NULLS") || first.equals("QUOTED_IDENTIFIER")
                        || first.equals("XACT_ABORT")) {
                    continue;
                }
                if (first.equals("ROWCOUNT") && words.size() == 2 && words.get(1).matches("[0-9]+")
                        && work.isEmpty()) {
                    rowcount = words.get(1).equals("0") ? Optional.empty() : Optional.of(new Expr.Literal(
                            option.pos(), Expr.LiteralKind.INTEGER, words.get(1)));
                    continue;
                }
            }
            if (st instanceof Statement.Transaction t && (t.verb().toUpperCase(Locale.ROOT).startsWith("BEGIN")
                    ? work.isEmpty() : t.verb().toUpperCase(Locale.ROOT).startsWith("COMMIT") && !work.isEmpty())) {
                // BEGIN TRAN before the work, COMMIT after it: a dbt model is built atomically anyway
                continue;
            }
            if (work.isEmpty() && st instanceof Statement.If i && i.otherwise().isEmpty() && onlyParameters(
                    i.condition(), parameters) && guard(i.then())) {
                dropped.add(new Dropped(i.pos(), "a parameter guard (IF ... RAISERROR/RETURN): a model cannot refuse"
                        + " to run; with values the guard rejects, the model returns what its query returns for them"));
                continue;
            }
            if (work.isEmpty() && assignsParameters(st, parameters)) {
                preamble.add(st);
                continue;
            }
            if (st instanceof Statement.Return r && r.value().isEmpty() && !work.isEmpty()) {
                continue; // a RETURN at the end
            }
            work.add(st);
        }
        Shape shape = shape(work, preamble, dropped);
        if (rowcount.isPresent()) {
            if (!(shape instanceof Returns r)) {
                throw Untranslated.construct(work.get(0).pos(), "SET ROWCOUNT before a write");
            }
            return new Returns(r.preamble(), r.dropped(), limited(r.query(), rowcount.get()));
        }
        return shape;
    }

    private static Shape shape(List<Statement> work, List<Statement> preamble, List<Dropped> dropped) {
        if (work.isEmpty()) {
            throw Untranslated.construct(Pos.NONE, "the procedure returns no query");
        }
        if (work.size() == 1 && work.get(0) instanceof Statement.Select s) {
            return new Returns(preamble, dropped, s.query());
        }
        if (work.size() == 1 && work.get(0) instanceof Statement.Merge m) {
            return new Merge(preamble, dropped, m);
        }
        if (work.size() == 2 && emptied(work.get(0)).isPresent() && work.get(1) instanceof Statement.Insert insert
                && insert.target() instanceof TableSource.Named target
                && sameName(target.name(), emptied(work.get(0)).get())) {
            if (!(insert.source() instanceof InsertSource.FromQuery q) || !insert.ctes().isEmpty()
                    || insert.top().isPresent() || insert.output().isPresent()) {
                throw Untranslated.construct(insert.pos(), "the INSERT after emptying " + target.name().parts()
                        + " is not INSERT ... SELECT");
            }
            return new Reload(preamble, dropped, target.name(), insert.columns(), q.query());
        }
        if (work.size() == 2 && work.get(0) instanceof Statement.Delete d && d.where().isPresent()
                && d.target() instanceof TableSource.Named deleted && work.get(1) instanceof Statement.Insert insert
                && insert.target() instanceof TableSource.Named target && sameName(target.name(), deleted.name())) {
            // dbt's delete+insert deletes the held rows whose key the new rows have: rows the WHERE selects that the
            // SELECT no longer returns would stay, and a model cannot run the DELETE itself
            throw Untranslated.construct(d.pos(), "a partial reload (DELETE FROM " + String.join(".",
                    target.name().parts()) + " WHERE " + ai.datamigrate.plugin.mssql.internal.parser.TsqlPrinter
                    .print(d.where().get()) + ", then INSERT): an incremental model with incremental_strategy"
                    + " 'delete+insert' deletes the held rows whose unique_key the new rows have, not the rows the"
                    + " WHERE selects, so a row the WHERE selects that the SELECT no longer returns would stay;"
                    + " not provably the same");
        }
        List<String> found = new ArrayList<>();
        procedural(work, found);
        if (found.isEmpty()) {
            work.forEach(st -> found.add(describe(st)));
        }
        throw Untranslated.construct(work.get(0).pos(), "the procedure body is not a single query, a TRUNCATE +"
                + " INSERT ... SELECT or a MERGE: it has " + String.join(", ", found.stream().distinct().toList()));
    }

    /** The procedural constructs in the statements (loops, cursors, dynamic SQL, temporary tables), in order. */
    private static void procedural(List<Statement> statements, List<String> found) {
        for (Statement st : statements) {
            String d = describe(st);
            if (!d.endsWith(" statement")) {
                found.add(d);
            }
            if (st instanceof Statement.Block b) {
                procedural(b.statements(), found);
            } else if (st instanceof Statement.While w) {
                procedural(List.of(w.body()), found);
            } else if (st instanceof Statement.If i) {
                procedural(List.of(i.then()), found);
                i.otherwise().ifPresent(o -> procedural(List.of(o), found));
            } else if (st instanceof Statement.TryCatch t) {
                found.add("TRY/CATCH");
                procedural(t.tryStatements(), found);
                procedural(t.catchStatements(), found);
            }
        }
    }

    private static String describe(Statement st) {
        if (st instanceof Statement.Select s && s.query().body() instanceof QueryBody.Select b && b.into().isPresent()) {
            return b.into().get().last().startsWith("#") ? "a temporary table" : "a SELECT ... INTO";
        }
        String name = st.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
        return switch (name) {
            case "WHILE" -> "a WHILE loop";
            case "DECLARE CURSOR", "FETCH", "CURSOR COMMAND" -> "a cursor";
            case "EXECUTE STRING" -> "dynamic SQL";
            case "CREATE TABLE", "DECLARE TABLE" -> "a temporary table";
            case "EXECUTE" -> "a procedure call";
            default -> "a " + name + " statement";
        };
    }

    /** The table a {@code TRUNCATE TABLE t} or an unconditional {@code DELETE FROM t} empties. */
    private static Optional<Name> emptied(Statement st) {
        if (st instanceof Statement.Truncate t) {
            return Optional.of(t.table());
        }
        if (st instanceof Statement.Delete d && d.where().isEmpty() && d.from().isEmpty() && d.top().isEmpty()
                && d.output().isEmpty() && d.ctes().isEmpty() && d.target() instanceof TableSource.Named n) {
            return Optional.of(n.name());
        }
        return Optional.empty();
    }

    static boolean sameName(Name a, Name b) {
        List<String> x = a.parts();
        List<String> y = b.parts();
        if (!x.get(x.size() - 1).equalsIgnoreCase(y.get(y.size() - 1))) {
            return false;
        }
        String sx = x.size() > 1 ? x.get(x.size() - 2) : "dbo";
        String sy = y.size() > 1 ? y.get(y.size() - 2) : "dbo";
        return sx.equalsIgnoreCase(sy);
    }

    private static void flatten(List<Statement> statements, List<Statement> out) {
        for (Statement st : statements) {
            if (st instanceof Statement.Block b) {
                flatten(b.statements(), out);
            } else {
                out.add(st);
            }
        }
    }

    /** {@code RAISERROR}, {@code THROW}, {@code PRINT} and a plain {@code RETURN}, alone or in a block. */
    private static boolean guard(Statement st) {
        if (st instanceof Statement.Block b) {
            return !b.statements().isEmpty() && b.statements().stream().allMatch(RoutineBody::guard);
        }
        return st instanceof Statement.Raiserror || st instanceof Statement.Throw || st instanceof Statement.Print
                || (st instanceof Statement.Return r && r.value().isEmpty());
    }

    /**
     * {@code SET @p = ...}, {@code SELECT @p = ...} (no FROM), or an {@code IF} on parameters whose branches only do
     * that: the translator turns them into the parameters' values (an IF's into CASE).
     */
    private static boolean assignsParameters(Statement st, Set<String> parameters) {
        if (st instanceof Statement.Block b) {
            return !b.statements().isEmpty() && b.statements().stream().allMatch(s -> assignsParameters(s,
                    parameters));
        }
        if (st instanceof Statement.SetVariable sv) {
            return parameters.contains(sv.variable().toLowerCase(Locale.ROOT)) && onlyParameters(sv.value(),
                    parameters);
        }
        if (st instanceof Statement.Select s && s.query().ctes().isEmpty()
                && s.query().body() instanceof QueryBody.Select body && body.from().isEmpty()
                && body.where().isEmpty() && !body.items().isEmpty()) {
            return body.items().stream().allMatch(i -> i instanceof SelectItem.Assignment a
                    && parameters.contains(a.variable().toLowerCase(Locale.ROOT)) && onlyParameters(a.value(),
                    parameters));
        }
        if (st instanceof Statement.If i) {
            return onlyParameters(i.condition(), parameters) && assignsParameters(i.then(), parameters)
                    && i.otherwise().map(o -> assignsParameters(o, parameters)).orElse(true);
        }
        return false;
    }

    /** An expression of parameters and constants only: no table, no subquery, no function. */
    static boolean onlyParameters(Expr e, Set<String> parameters) {
        if (e instanceof Expr.Variable v) {
            return parameters.contains(v.name().toLowerCase(Locale.ROOT));
        }
        if (e instanceof Expr.Literal) {
            return true;
        }
        if (e instanceof Expr.Parenthesized p) {
            return onlyParameters(p.expr(), parameters);
        }
        if (e instanceof Expr.Unary u) {
            return onlyParameters(u.operand(), parameters);
        }
        if (e instanceof Expr.Binary b) {
            return onlyParameters(b.left(), parameters) && onlyParameters(b.right(), parameters);
        }
        if (e instanceof Expr.IsNull n) {
            return onlyParameters(n.expr(), parameters);
        }
        if (e instanceof Expr.InList in) {
            return onlyParameters(in.expr(), parameters) && in.values().stream().allMatch(v -> onlyParameters(v,
                    parameters));
        }
        if (e instanceof Expr.Between b) {
            return onlyParameters(b.expr(), parameters) && onlyParameters(b.low(), parameters)
                    && onlyParameters(b.high(), parameters);
        }
        if (e instanceof Expr.Like l) {
            return onlyParameters(l.expr(), parameters) && onlyParameters(l.pattern(), parameters)
                    && l.escape().map(x -> onlyParameters(x, parameters)).orElse(true);
        }
        return false;
    }

    /** {@code SET ROWCOUNT n} before a SELECT is its TOP n. */
    private static Query limited(Query query, Expr rowcount) {
        if (!(query.body() instanceof QueryBody.Select s) || s.top().isPresent()) {
            throw Untranslated.construct(query.pos(), "SET ROWCOUNT with TOP or a set operation");
        }
        Top top = new Top(s.pos(), rowcount, false, false);
        QueryBody.Select body = new QueryBody.Select(s.pos(), s.quantifier(), Optional.of(top), s.items(), s.into(),
                s.from(), s.where(), s.groupBy(), s.having());
        return new Query(query.pos(), query.ctes(), body, query.orderBy(), query.offset(), query.forClause(),
                query.option());
    }
}
