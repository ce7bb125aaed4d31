package ai.datamigrate.plugin.mssql.internal.translate;

import static ai.datamigrate.plugin.mssql.internal.translate.Sql.P;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.GroupingElement;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Cte;
import ai.datamigrate.plugin.mssql.internal.ast.Part.DataTypeRef;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Part.OrderItem;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import ai.datamigrate.plugin.mssql.internal.ast.Part.When;
import ai.datamigrate.plugin.mssql.internal.ast.Pos;
import ai.datamigrate.plugin.mssql.internal.ast.QueryBody;
import ai.datamigrate.plugin.mssql.internal.ast.SelectItem;
import ai.datamigrate.plugin.mssql.internal.ast.TableSource;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.target.TargetDialect;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;

/**
 * Turns one T-SQL query tree into a Calcite tree for the target, binding every column to the catalog and inferring
 * SQL Server's types on the way (they decide {@code +} versus {@code ||}, bit literals, date literals, casts).
 */
final class QueryConverter {

    /** What the translator knows about the relations a query can read. */
    interface Env {
        /** A table or view of the catalog with its columns; throws {@link Untranslated} when it has none. */
        Relation relation(Name name);

        String placeholder(ObjectName target);

        void info(Pos pos, String code, String message);

        /** A user scalar function whose body can be inlined, when the catalog has one by that name. */
        Optional<ScalarFunction> scalarFunction(Name name);

        /** A user inline table-valued function, when the catalog has one by that name. */
        default Optional<TableFunction> tableFunction(Name name) {
            return Optional.empty();
        }

        /** Runs {@code work} with unqualified names looked up as in {@code function}'s schema, as its body means. */
        default <T> T inside(ObjectName function, java.util.function.Supplier<T> work) {
            return work.get();
        }
    }

    /** An inline table-valued function: its parameters (name with {@code @}, type) and its one query. */
    record TableFunction(ObjectName name, List<Col> parameters, Query query) {
    }

    /** A scalar function's parameters (name, type), return type and parsed body. */
    record ScalarFunction(ObjectName name, List<Col> parameters, DataType returnType,
                          List<ai.datamigrate.plugin.mssql.internal.ast.Statement> body) {
    }

    /** An output or relation column; {@code collation} when its catalog column (or COLLATE) declares one. */
    record Col(String name, DataType type, Optional<String> collation) {
        Col(String name, DataType type) {
            this(name, type, Optional.empty());
        }
    }

    record Relation(ObjectName target, List<Col> columns) {
    }

    record Converted(SqlNode node, List<Col> columns) {
    }

    private record Rel(String alias, List<Col> columns) {
    }

    /** The relations visible at one query level, and the level around it (correlation, LATERAL). */
    static final class Scope {
        final Scope parent;
        final List<Rel> rels = new ArrayList<>();

        Scope(Scope parent) {
            this.parent = parent;
        }
    }

    private final Env env;
    private final TargetDialect dialect;
    private final Deque<Map<String, Rel>> ctes = new ArrayDeque<>();
    private final Deque<Map<String, Typed>> variables = new ArrayDeque<>();
    private final java.util.Set<String> usedCtes = new java.util.HashSet<>();
    private static final int MAX_INLINE_DEPTH = 16;
    private final BuiltinFunctions functions;
    private final Conversions conversions = new Conversions(this);
    private final SemanticLint lint;

    QueryConverter(Env env, TargetDialect dialect) {
        this(env, dialect, SemanticLint.Collation.PRESERVE);
    }

    QueryConverter(Env env, TargetDialect dialect, SemanticLint.Collation collation) {
        this.env = env;
        this.dialect = dialect;
        this.functions = new BuiltinFunctions(this);
        this.lint = new SemanticLint(collation);
    }

    /** The semantic-difference findings of the query converted since the last {@link #reset}. */
    List<SemanticLint.Finding> lintFindings() {
        return lint.findings();
    }

    TargetDialect dialect() {
        return dialect;
    }

    /**
     * Forgets what the last query left behind (also after an {@link Untranslated} cut it short), so that one
     * converter, with its table of built-in functions, serves many objects.
     */
    void reset() {
        ctes.clear();
        variables.clear();
        usedCtes.clear();
        lint.reset();
    }

    // ================================================================ queries

    Converted query(Query q, Scope outer) {
        if (q.forClause().isPresent()) {
            throw Untranslated.construct(q.forClause().get().pos(), "FOR XML/JSON clauses are not translated");
        }
        if (q.option().isPresent()) {
            env.info(q.option().get().pos(), "MSSQL-QUERY-HINT-DROPPED", "the OPTION (...) query hints were dropped");
        }
        Map<String, Rel> defined = new HashMap<>();
        ctes.push(defined);
        try {
            List<SqlNode> withItems = new ArrayList<>();
            boolean anyRecursive = false;
            for (Cte cte : q.ctes()) {
                String key = cte.name().toLowerCase(Locale.ROOT);
                if (cte.query().body() instanceof QueryBody.SetOperation op
                        && op.operator().toUpperCase(Locale.ROOT).startsWith("UNION")) {
                    // a recursive CTE reads itself: its columns are the anchor's (the leftmost member)
                    QueryBody anchor = op.left();
                    while (anchor instanceof QueryBody.SetOperation inner) {
                        anchor = inner.left();
                    }
                    Converted a = body(anchor, outer);
                    defined.put(key, new Rel(cte.name(), renamed(a.columns(), cte.columns(), cte.pos())));
                }
                usedCtes.remove(key);
                Converted c = query(cte.query(), outer);
                boolean recursive = usedCtes.contains(key);
                anyRecursive |= recursive;
                List<Col> cols = renamed(c.columns(), cte.columns(), cte.pos());
                withItems.add(new SqlWithItem(P, Sql.id(cte.name()), cte.columns().isEmpty() ? null
                        : new SqlNodeList(cte.columns().stream().<SqlNode>map(Sql::id).toList(), P), c.node(),
                        SqlLiteral.createBoolean(recursive, P)));
                defined.put(key, new Rel(cte.name(), cols));
            }
            if (anyRecursive) {
                // PostgreSQL's RECURSIVE covers the whole WITH list
                for (int i = 0; i < withItems.size(); i++) {
                    SqlWithItem item = (SqlWithItem) withItems.get(i);
                    withItems.set(i, new SqlWithItem(P, item.name, item.columnList, item.query,
                            SqlLiteral.createBoolean(true, P)));
                }
            }
            boolean limited = q.offset().isPresent()
                    || (q.body() instanceof QueryBody.Select s && s.top().isPresent());
            List<OrderItem> orderBy = q.orderBy();
            if (!orderBy.isEmpty() && !limited) {
                env.info(orderBy.get(0).pos(), "MSSQL-ORDER-BY-DROPPED",
                        "ORDER BY without TOP or OFFSET does not order a view's rows in SQL Server; it was dropped");
                orderBy = List.of();
            }
            Converted body;
            if (q.body() instanceof QueryBody.Select s) {
                body = select(s, outer, orderBy, q);
            } else {
                body = body(q.body(), outer);
                if (!orderBy.isEmpty() || q.offset().isPresent()) {
                    SqlNodeList order = new SqlNodeList(P);
                    for (OrderItem item : orderBy) {
                        order.add(ordered(item, outputReference(item.expr(), body.columns()).orElseThrow(() ->
                                Untranslated.construct(item.pos(), "ORDER BY of a set operation must name an output "
                                        + "column"))));
                    }
                    SqlNode[] offsetFetch = offsetFetch(q, Optional.empty());
                    body = new Converted(new SqlOrderBy(P, body.node(), order, offsetFetch[0], offsetFetch[1]),
                            body.columns());
                }
            }
            if (withItems.isEmpty()) {
                return body;
            }
            return new Converted(new SqlWith(P, new SqlNodeList(withItems, P), body.node()), body.columns());
        } finally {
            ctes.pop();
        }
    }

    private static List<Col> renamed(List<Col> columns, List<String> names, Pos pos) {
        if (names.isEmpty()) {
            return columns;
        }
        if (names.size() != columns.size()) {
            throw Untranslated.construct(pos, "the column list names " + names.size() + " columns, the query has "
                    + columns.size());
        }
        List<Col> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(new Col(names.get(i), columns.get(i).type()));
        }
        return out;
    }

    private Converted body(QueryBody body, Scope outer) {
        if (body instanceof QueryBody.Select s) {
            return select(s, outer, List.of(), null);
        }
        if (body instanceof QueryBody.Nested n) {
            return query(n.query(), outer);
        }
        QueryBody.SetOperation op = (QueryBody.SetOperation) body;
        Converted left = body(op.left(), outer);
        Converted right = body(op.right(), outer);
        SqlOperator operator = switch (op.operator().toUpperCase(Locale.ROOT)) {
            case "UNION" -> SqlStdOperatorTable.UNION;
            case "UNION ALL" -> SqlStdOperatorTable.UNION_ALL;
            case "EXCEPT" -> SqlStdOperatorTable.EXCEPT;
            case "INTERSECT" -> SqlStdOperatorTable.INTERSECT;
            default -> throw Untranslated.construct(op.pos(), "set operator " + op.operator());
        };
        if (left.columns().size() != right.columns().size()) {
            throw Untranslated.construct(op.pos(), "the sides of " + op.operator()
                    + " have different numbers of columns");
        }
        List<Col> cols = new ArrayList<>();
        for (int i = 0; i < left.columns().size(); i++) {
            cols.add(new Col(left.columns().get(i).name(), SqlServerTypes.higher(left.columns().get(i).type(),
                    right.columns().get(i).type())));
        }
        lint.setOperation(op.pos(), op.operator(), cols);
        return new Converted(Sql.call(operator, left.node(), right.node()), cols);
    }

    /** @param whole the query whose ORDER BY/OFFSET apply to this select, or null */
    private Converted select(QueryBody.Select s, Scope outer, List<OrderItem> orderBy, Query whole) {
        if (s.into().isPresent()) {
            throw Untranslated.construct(s.pos(), "SELECT ... INTO creates a table");
        }
        Scope scope = new Scope(outer);
        SqlNode from = null;
        for (TableSource source : s.from()) {
            SqlNode node = tableSource(source, scope);
            from = from == null ? node : new SqlJoin(P, from, SqlLiteral.createBoolean(false, P),
                    JoinType.COMMA.symbol(P), node, JoinConditionType.NONE.symbol(P), null);
        }
        SqlNode where = s.where().map(w -> predicate(w, scope)).orElse(null);
        SqlNodeList groupBy = null;
        if (s.groupBy().isPresent()) {
            var g = s.groupBy().get();
            if (g.all()) {
                throw Untranslated.construct(g.pos(), "GROUP BY ALL");
            }
            List<SqlNode> items = new ArrayList<>();
            int keys = lint.mark();
            for (GroupingElement e : g.items()) {
                items.add(grouping(e, scope));
            }
            lint.groupBy(g.pos(), keys);
            if (g.with().isPresent()) {
                SqlOperator op = g.with().get().equalsIgnoreCase("ROLLUP") ? SqlStdOperatorTable.ROLLUP
                        : SqlStdOperatorTable.CUBE;
                items = List.of(Sql.call(op, items));
            }
            groupBy = new SqlNodeList(items, P);
        }
        SqlNode having = s.having().map(h -> predicate(h, scope)).orElse(null);
        List<SqlNode> selectList = new ArrayList<>();
        List<Col> columns = new ArrayList<>();
        for (SelectItem item : s.items()) {
            if (!(item instanceof SelectItem.Column c)) {
                throw Untranslated.construct(item.pos(), "variable assignment in SELECT");
            }
            if (c.expr() instanceof Expr.Star star) {
                for (Rel rel : scope.rels) {
                    if (star.qualifier().isEmpty() || matchesQualifier(rel, star.qualifier().get().parts())) {
                        for (Col col : rel.columns()) {
                            selectList.add(Sql.id(rel.alias(), col.name()));
                            columns.add(col);
                        }
                    }
                }
                if (star.qualifier().isPresent() && scope.rels.stream()
                        .noneMatch(r -> matchesQualifier(r, star.qualifier().get().parts()))) {
                    throw Untranslated.construct(star.pos(), "unknown table " + star.qualifier().get().parts());
                }
                continue;
            }
            Typed t = value(c.expr(), scope);
            Optional<String> implicit = c.expr() instanceof Expr.ColumnRef && t.node() instanceof SqlIdentifier i
                    ? Optional.of(i.getComponent(1).getSimple()) : Optional.empty();
            String name = c.alias().or(() -> implicit).orElse("");
            boolean needsAlias = c.alias().isPresent() && !c.alias().equals(implicit);
            selectList.add(needsAlias ? Sql.as(t.node(), name) : t.node());
            columns.add(new Col(name, t.type(), lint.collationOf(t.node())));
        }
        SqlNodeList keywords = s.quantifier().filter(q -> q.equalsIgnoreCase("DISTINCT")).isPresent()
                ? SqlNodeList.of(SqlSelectKeyword.DISTINCT.symbol(P)) : null;
        if (keywords != null) {
            lint.distinct(s.pos(), columns);
        }
        SqlNodeList order = null;
        if (!orderBy.isEmpty()) {
            order = new SqlNodeList(P);
            for (OrderItem item : orderBy) {
                Optional<SqlNode> byOutput = outputReference(item.expr(), columns);
                Typed key = byOutput.map(n -> new Typed(n, outputType(item.expr(), columns)))
                        .orElseGet(() -> value(item.expr(), scope));
                boolean byWindow = s.top().isPresent() && (s.top().get().percent() || s.top().get().withTies());
                order.add(ordered(item, lint.sortKey(orderBy.get(0).pos(), "ORDER BY with TOP/OFFSET", key,
                        byOutput.isEmpty() && keywords == null && !byWindow)));
            }
        }
        if (s.top().isPresent() && (s.top().get().percent() || s.top().get().withTies())) {
            return topByWindow(s.top().get(), keywords, selectList, columns, from, where, groupBy, having, orderBy,
                    scope);
        }
        SqlNode[] offsetFetch = whole == null ? new SqlNode[2] : offsetFetch(whole, s.top());
        if (whole == null && s.top().isPresent()) {
            offsetFetch = offsetFetch(null, s.top());
        }
        SqlSelect select = new SqlSelect(P, keywords, new SqlNodeList(selectList, P), from, where, groupBy, having,
                null, null, order, offsetFetch[0], offsetFetch[1], null);
        return new Converted(select, columns);
    }

    /**
     * {@code TOP n WITH TIES} and {@code TOP n PERCENT} on window functions, which every target with windows runs:
     * the select computes {@code rank()} (ties) or {@code row_number()} over the ORDER BY, and {@code count(*) OVER ()}
     * for a percentage; an outer select keeps the rows whose rank is at most n, or at most
     * {@code CEILING(count * n / 100)} (SQL Server rounds a fraction of a row up). {@code rank() <= n} is exactly
     * "the first n rows and every row tied with the n-th". The outer select orders by {@code row_number()}, the
     * original order.
     */
    private Converted topByWindow(ai.datamigrate.plugin.mssql.internal.ast.Part.Top top, SqlNodeList keywords,
                                  List<SqlNode> selectList, List<Col> columns, SqlNode from, SqlNode where,
                                  SqlNodeList groupBy, SqlNode having, List<OrderItem> orderBy, Scope scope) {
        String what = top.withTies() && top.percent() ? "TOP ... PERCENT WITH TIES" : top.withTies()
                ? "TOP ... WITH TIES" : "TOP ... PERCENT";
        if (top.withTies() && orderBy.isEmpty()) {
            throw Untranslated.construct(top.pos(), what + " without ORDER BY");
        }
        if (keywords != null) {
            // DISTINCT comes before TOP: the distinct rows become a derived table, ranked by their output columns
            // (SQL Server requires ORDER BY items of a DISTINCT select to be in its select list)
            for (OrderItem item : orderBy) {
                boolean output = item.expr() instanceof Expr.Literal lit && lit.kind() == Expr.LiteralKind.INTEGER
                        || item.expr() instanceof Expr.ColumnRef ref && ref.name().parts().size() == 1
                        && columns.stream().anyMatch(c -> c.name().equalsIgnoreCase(ref.name().last()));
                if (!output) {
                    throw Untranslated.construct(item.pos(), what + " with DISTINCT, ordered by an expression");
                }
            }
            List<SqlNode> named = new ArrayList<>();
            for (int i = 0; i < selectList.size(); i++) {
                SqlNode item = selectList.get(i);
                named.add(item.getKind() == SqlKind.AS || item instanceof SqlIdentifier ? item
                        : Sql.as(item, columns.get(i).name()));
            }
            SqlSelect distinct = new SqlSelect(P, keywords, new SqlNodeList(named, P), from, where, groupBy, having,
                    null, null, null, null, null, null);
            List<SqlNode> ids = columns.stream().<SqlNode>map(c -> Sql.id("__dm_distinct", c.name())).toList();
            return topByWindow(top, null, ids, columns, aliased(distinct, "__dm_distinct", List.of()), null, null,
                    null, orderBy, scope);
        }
        Expr countExpr = top.count();
        while (countExpr instanceof Expr.Parenthesized p) {
            countExpr = p.expr();
        }
        if (!(countExpr instanceof Expr.Literal l) || !(l.kind() == Expr.LiteralKind.INTEGER
                || top.percent() && (l.kind() == Expr.LiteralKind.DECIMAL || l.kind() == Expr.LiteralKind.FLOAT))) {
            throw Untranslated.construct(top.pos(), what + " with a computed count");
        }
        SqlNode n = Sql.number(new BigDecimal(l.text()));
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Col c : columns) {
            if (c.name().isEmpty() || c.name().startsWith("__dm_") || !names.add(c.name().toLowerCase(Locale.ROOT))) {
                throw Untranslated.construct(top.pos(), what + " over columns without unique names");
            }
        }
        SqlNodeList order = new SqlNodeList(P);
        for (OrderItem item : orderBy) {
            SqlNode key = null;
            if (item.expr() instanceof Expr.Literal lit && lit.kind() == Expr.LiteralKind.INTEGER) {
                int i = Integer.parseInt(lit.text());
                if (i < 1 || i > selectList.size()) {
                    throw Untranslated.construct(item.pos(), "ORDER BY position " + i);
                }
                key = selectList.get(i - 1);
            } else if (item.expr() instanceof Expr.ColumnRef ref && ref.name().parts().size() == 1) {
                for (int i = 0; i < columns.size() && key == null; i++) {
                    if (columns.get(i).name().equalsIgnoreCase(ref.name().last())) {
                        key = selectList.get(i);
                    }
                }
            }
            if (key == null) {
                key = value(item.expr(), scope).node();
            } else if (key.getKind() == SqlKind.AS) {
                key = ((org.apache.calcite.sql.SqlCall) key).operand(0);
            }
            // a window's ORDER BY cannot name an output column: the select item's expression is repeated
            order.add(ordered(item, key));
        }
        List<SqlNode> inner = new ArrayList<>();
        for (int i = 0; i < selectList.size(); i++) {
            SqlNode item = selectList.get(i);
            // a column reference in the select list is named after its column (select() adds AS otherwise)
            boolean named = item.getKind() == SqlKind.AS || item instanceof SqlIdentifier;
            inner.add(named ? item : Sql.as(item, columns.get(i).name()));
        }
        inner.add(Sql.as(window(SqlStdOperatorTable.ROW_NUMBER, order), "__dm_row"));
        SqlNode kept = Sql.id("__dm_top", "__dm_row");
        if (top.withTies()) {
            inner.add(Sql.as(window(SqlStdOperatorTable.RANK, order), "__dm_rank"));
            kept = Sql.id("__dm_top", "__dm_rank");
        }
        SqlNode limit = n;
        if (top.percent()) {
            inner.add(Sql.as(Sql.call(SqlStdOperatorTable.OVER, Sql.call(SqlStdOperatorTable.COUNT,
                    SqlIdentifier.star(P)), org.apache.calcite.sql.SqlWindow.create(null, null, new SqlNodeList(P),
                    new SqlNodeList(P), SqlLiteral.createBoolean(false, P), null, null, null, P)), "__dm_count"));
            limit = Sql.fn("ceil", Sql.divide(Sql.times(Sql.id("__dm_top", "__dm_count"), n),
                    Sql.number(new BigDecimal("100.0"))));
        }
        SqlSelect rows = new SqlSelect(P, null, new SqlNodeList(inner, P), from, where, groupBy, having, null, null,
                null, null, null, null);
        List<SqlNode> outerList = columns.stream().<SqlNode>map(c -> Sql.id("__dm_top", c.name())).toList();
        SqlNodeList outerOrder = orderBy.isEmpty() ? null : SqlNodeList.of(Sql.id("__dm_top", "__dm_row"));
        SqlSelect outer = new SqlSelect(P, null, new SqlNodeList(outerList, P), aliased(rows, "__dm_top", List.of()),
                Sql.call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL, kept, limit), null, null, null, null, outerOrder,
                null, null, null);
        return new Converted(outer, columns);
    }

    private static SqlNode window(SqlOperator function, SqlNodeList order) {
        return Sql.call(SqlStdOperatorTable.OVER, Sql.call(function), org.apache.calcite.sql.SqlWindow.create(null,
                null, new SqlNodeList(P), order, SqlLiteral.createBoolean(false, P), null, null, null, P));
    }

    private SqlNode[] offsetFetch(Query whole, Optional<ai.datamigrate.plugin.mssql.internal.ast.Part.Top> top) {
        SqlNode offset = null;
        SqlNode fetch = null;
        if (top.isPresent()) {
            var t = top.get();
            if (t.percent()) {
                throw Untranslated.construct(t.pos(), "TOP ... PERCENT");
            }
            if (t.withTies()) {
                throw Untranslated.construct(t.pos(), "TOP ... WITH TIES");
            }
            fetch = count(t.count());
        }
        if (whole != null && whole.offset().isPresent()) {
            offset = count(whole.offset().get().offset());
            fetch = whole.offset().get().fetch().map(this::count).orElse(null);
        }
        return new SqlNode[] {offset, fetch};
    }

    private SqlNode count(Expr e) {
        Expr inner = e;
        while (inner instanceof Expr.Parenthesized p) {
            inner = p.expr();
        }
        if (inner instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            return Sql.integer(Long.parseLong(l.text()));
        }
        throw Untranslated.construct(e.pos(), "TOP/OFFSET with a computed row count");
    }

    /** The type of the output column an ORDER BY item names (by name or ordinal), for the lint. */
    private static DataType outputType(Expr e, List<Col> columns) {
        if (e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            int i = Integer.parseInt(l.text());
            return i >= 1 && i <= columns.size() ? columns.get(i - 1).type() : SqlServerTypes.UNKNOWN;
        }
        String name = e instanceof Expr.ColumnRef c ? c.name().last() : "";
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).map(Col::type).findFirst()
                .orElse(SqlServerTypes.UNKNOWN);
    }

    /** ORDER BY an output column by name or ordinal, as T-SQL resolves it before the FROM columns. */
    private static Optional<SqlNode> outputReference(Expr e, List<Col> columns) {
        if (e instanceof Expr.ColumnRef c && c.name().parts().size() == 1) {
            for (Col col : columns) {
                if (col.name().equalsIgnoreCase(c.name().last())) {
                    return Optional.of(Sql.id(col.name()));
                }
            }
        }
        if (e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            return Optional.of(Sql.integer(Long.parseLong(l.text())));
        }
        return Optional.empty();
    }

    /** SQL Server sorts NULL first ascending and last descending; PostgreSQL the other way round: say it. */
    SqlNode ordered(OrderItem item, SqlNode node) {
        boolean desc = item.direction().filter(d -> d.equalsIgnoreCase("DESC")).isPresent();
        if (desc) {
            return Sql.call(SqlStdOperatorTable.NULLS_LAST, Sql.call(SqlStdOperatorTable.DESC, node));
        }
        return Sql.call(SqlStdOperatorTable.NULLS_FIRST, node);
    }

    SqlNode ordered(OrderItem item, Scope scope) {
        return ordered(item, lint.sortKey(item.pos(), "a window's ORDER BY", value(item.expr(), scope), true));
    }

    private SqlNode grouping(GroupingElement e, Scope scope) {
        if (e instanceof GroupingElement.ByExpr b) {
            Typed key = value(b.expr(), scope);
            lint.groupKey(key);
            return key.node();
        }
        if (e instanceof GroupingElement.Set set) {
            return Sql.call(SqlStdOperatorTable.ROW, set.items().stream().map(i -> grouping(i, scope)).toList());
        }
        GroupingElement.Operator op = (GroupingElement.Operator) e;
        return Sql.call(switch (op.kind().toUpperCase(Locale.ROOT)) {
            case "ROLLUP" -> SqlStdOperatorTable.ROLLUP;
            case "CUBE" -> SqlStdOperatorTable.CUBE;
            default -> SqlStdOperatorTable.GROUPING_SETS;
        }, op.items().stream().map(i -> grouping(i, scope)).toList());
    }

    // ================================================================ FROM

    private SqlNode tableSource(TableSource source, Scope scope) {
        if (source instanceof TableSource.Named n) {
            return named(n, scope);
        }
        if (source instanceof TableSource.Parenthesized p) {
            return tableSource(p.inner(), scope);
        }
        if (source instanceof TableSource.Derived d) {
            String alias = d.alias().orElseThrow(() -> Untranslated.construct(d.pos(), "derived table without "
                    + "an alias"));
            Converted c = query(d.query(), scope.parent);
            List<Col> cols = renamed(c.columns(), d.columns(), d.pos());
            scope.rels.add(new Rel(alias, cols));
            return aliased(c.node(), alias, d.columns());
        }
        if (source instanceof TableSource.Join j) {
            return join(j, scope);
        }
        if (source instanceof TableSource.Function fn) {
            return builtinTable(fn, scope, false);
        }
        if (source instanceof TableSource.Pivot pv) {
            return pivot(pv, scope);
        }
        if (source instanceof TableSource.Unpivot up) {
            return unpivot(up, scope);
        }
        throw Untranslated.construct(source.pos(), "table source "
                + source.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " (table variables, VALUES, "
                + "table-valued functions, PIVOT/UNPIVOT) is not translated");
    }

    /** The relation a PIVOT or UNPIVOT reads: one named table or derived table, in a scope of its own. */
    private SqlNode pivotSource(TableSource source, Scope scope, Scope inner, String what) {
        TableSource src = source;
        while (src instanceof TableSource.Parenthesized p) {
            src = p.inner();
        }
        if (!(src instanceof TableSource.Named) && !(src instanceof TableSource.Derived)) {
            throw Untranslated.construct(source.pos(), what + " over a join or a table-valued function");
        }
        SqlNode node = tableSource(src, inner);
        if (inner.rels.size() != 1) {
            throw Untranslated.construct(source.pos(), what + " source");
        }
        return node;
    }

    /**
     * {@code src PIVOT (AGG(v) FOR q IN ([a], [b])) AS p} is conditional aggregation grouped by every other column of
     * src: {@code (SELECT g.., AGG(CASE WHEN q = 'a' THEN v END) AS a, .. FROM src GROUP BY g..) AS p}. The CASE is
     * built on the T-SQL tree, so the aggregate keeps SQL Server's types and the values compare as q's type.
     */
    private SqlNode pivot(TableSource.Pivot pv, Scope scope) {
        String alias = pv.alias().orElseThrow(() -> Untranslated.construct(pv.pos(), "PIVOT without an alias"));
        Scope inner = new Scope(scope.parent);
        SqlNode from = pivotSource(pv.source(), scope, inner, "PIVOT");
        Rel src = inner.rels.get(0);
        Expr.FunctionCall agg = pv.aggregate();
        if (agg.arguments().size() != 1 || !(agg.arguments().get(0) instanceof Expr.ColumnRef valueRef)
                || agg.over().isPresent() || agg.quantifier().isPresent()) {
            throw Untranslated.construct(agg.pos(), "PIVOT aggregate other than AGG(column)");
        }
        String valueColumn = valueRef.name().last();
        String forColumn = pv.forColumn().last();
        List<SqlNode> items = new ArrayList<>();
        List<SqlNode> groupBy = new ArrayList<>();
        List<Col> cols = new ArrayList<>();
        for (Col c : src.columns()) {
            if (!c.name().equalsIgnoreCase(valueColumn) && !c.name().equalsIgnoreCase(forColumn)) {
                items.add(Sql.id(src.alias(), c.name()));
                groupBy.add(Sql.id(src.alias(), c.name()));
                cols.add(c);
            }
        }
        for (String needed : List.of(forColumn, valueColumn)) {
            if (src.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(needed))) {
                throw Untranslated.construct(pv.pos(), "PIVOT column " + needed + " is not in the source");
            }
        }
        Expr forRef = new Expr.ColumnRef(pv.forColumn().pos(), new Name(pv.forColumn().pos(),
                List.of(src.alias(), forColumn)));
        Expr valueExpr = new Expr.ColumnRef(valueRef.pos(), new Name(valueRef.pos(), List.of(src.alias(),
                valueColumn)));
        for (String v : pv.values()) {
            Expr test = new Expr.Binary(pv.pos(), "=", forRef, new Expr.Literal(pv.pos(), Expr.LiteralKind.NATIONAL_STRING,
                    "N'" + v.replace("'", "''") + "'"));
            Expr when = new Expr.Case(pv.pos(), Optional.empty(), List.of(new When(pv.pos(), test, valueExpr)),
                    Optional.empty());
            Typed t = value(new Expr.FunctionCall(agg.pos(), agg.name(), Optional.empty(), List.of(when), List.of(),
                    Optional.empty(), false), inner);
            items.add(Sql.as(t.node(), v));
            cols.add(new Col(v, t.type()));
        }
        SqlSelect select = new SqlSelect(P, null, new SqlNodeList(items, P), from, null,
                groupBy.isEmpty() ? null : new SqlNodeList(groupBy, P), null, null, null, null, null, null, null);
        scope.rels.add(new Rel(alias, cols));
        return aliased(select, alias, List.of());
    }

    /**
     * {@code src UNPIVOT (v FOR q IN (a, b)) AS u}: one row per source row and listed column, NULL values left out:
     * {@code (SELECT others.., x.q, x.v FROM src CROSS JOIN LATERAL (VALUES ('a', src.a), ('b', src.b)) AS x (q, v)
     * WHERE x.v IS NOT NULL) AS u}.
     */
    private SqlNode unpivot(TableSource.Unpivot up, Scope scope) {
        String alias = up.alias().orElseThrow(() -> Untranslated.construct(up.pos(), "UNPIVOT without an alias"));
        Scope inner = new Scope(scope.parent);
        SqlNode from = pivotSource(up.source(), scope, inner, "UNPIVOT");
        Rel src = inner.rels.get(0);
        List<SqlNode> rows = new ArrayList<>();
        DataType type = null;
        for (String column : up.columns()) {
            Col c = src.columns().stream().filter(x -> x.name().equalsIgnoreCase(column)).findFirst().orElseThrow(() ->
                    Untranslated.construct(up.pos(), "UNPIVOT column " + column + " is not in the source"));
            if (type != null && !type.equals(c.type())) {
                // SQL Server requires the same type; a mismatch is an error there
                throw Untranslated.construct(up.pos(), "UNPIVOT columns of different types");
            }
            type = c.type();
            rows.add(Sql.call(SqlStdOperatorTable.ROW, Sql.string(column), Sql.id(src.alias(), c.name())));
        }
        List<SqlNode> items = new ArrayList<>();
        List<Col> cols = new ArrayList<>();
        for (Col c : src.columns()) {
            if (up.columns().stream().noneMatch(x -> x.equalsIgnoreCase(c.name()))) {
                items.add(Sql.id(src.alias(), c.name()));
                cols.add(c);
            }
        }
        items.add(Sql.id("__dm_unpivot", up.forColumn()));
        cols.add(new Col(up.forColumn(), DataType.withLength("nvarchar", 128)));
        items.add(Sql.id("__dm_unpivot", up.valueColumn()));
        cols.add(new Col(up.valueColumn(), type));
        SqlNode values = Sql.call(SqlStdOperatorTable.LATERAL, aliased(Sql.call(SqlStdOperatorTable.VALUES, rows),
                "__dm_unpivot", List.of(up.forColumn(), up.valueColumn())));
        SqlNode join = new SqlJoin(P, from, SqlLiteral.createBoolean(false, P), JoinType.CROSS.symbol(P), values,
                JoinConditionType.NONE.symbol(P), null);
        SqlSelect select = new SqlSelect(P, null, new SqlNodeList(items, P), join,
                Sql.call(SqlStdOperatorTable.IS_NOT_NULL, Sql.id("__dm_unpivot", up.valueColumn())), null, null, null,
                null, null, null, null, null);
        scope.rels.add(new Rel(alias, cols));
        return aliased(select, alias, List.of());
    }

    /** STRING_SPLIT or GENERATE_SERIES in FROM or APPLY: a derived table, LATERAL when applied. */
    private SqlNode builtinTable(TableSource.Function fn, Scope scope, boolean lateral) {
        Optional<Converted> builtin = functions.tableValued(fn.call(), scope);
        if (builtin.isEmpty()) {
            Optional<TableFunction> user = env.tableFunction(fn.call().name());
            if (user.isPresent()) {
                return userTable(fn, user.get(), scope, lateral);
            }
        }
        Converted c = builtin.orElseThrow(() -> Untranslated.construct(fn.pos(),
                "table-valued function " + String.join(".", fn.call().name().parts()) + " (only built-in ones and"
                        + " inline functions of the catalog, RETURNS TABLE RETURN SELECT, are expanded)"));
        if (fn.withSchema().isPresent()) {
            throw Untranslated.construct(fn.pos(), "a WITH schema on " + fn.call().name().last());
        }
        String alias = fn.alias().orElse(fn.call().name().last());
        scope.rels.add(new Rel(alias, renamed(c.columns(), fn.columns(), fn.pos())));
        SqlNode node = aliased(c.node(), alias, fn.columns());
        return lateral ? Sql.call(SqlStdOperatorTable.LATERAL, node) : node;
    }

    /**
     * A call of a user inline table-valued function: its query, with each parameter bound to the call's argument
     * cast to the parameter's type, as a derived table ({@code LATERAL} when applied). SQL Server expands an inline
     * function into the calling query the same way, so the rows are the same; the function's own model, whose
     * parameters are run-time vars, cannot stand for a call with given arguments.
     */
    private SqlNode userTable(TableSource.Function fn, TableFunction f, Scope scope, boolean lateral) {
        if (fn.withSchema().isPresent()) {
            throw Untranslated.construct(fn.pos(), "a WITH schema on " + f.name());
        }
        List<Expr> arguments = fn.call().arguments();
        if (arguments.size() != f.parameters().size()) {
            throw Untranslated.construct(fn.pos(), f.name() + " called with " + arguments.size() + " arguments for "
                    + f.parameters().size() + " parameters");
        }
        if (variables.size() >= MAX_INLINE_DEPTH) {
            throw Untranslated.construct(fn.pos(), "function " + f.name() + " nests too deep to inline (recursion?)");
        }
        // a derived table sees the enclosing query's relations, not its siblings' (LATERAL does)
        Scope visible = lateral ? scope : new Scope(scope.parent);
        Map<String, Typed> bound = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            Expr argument = arguments.get(i);
            if (ai.datamigrate.plugin.mssql.internal.parser.TsqlPrinter.print(argument).equalsIgnoreCase("DEFAULT")) {
                throw Untranslated.construct(argument.pos(), "DEFAULT as an argument of " + f.name());
            }
            Col p = f.parameters().get(i);
            bound.put(p.name().toLowerCase(Locale.ROOT), assigned(value(argument, visible), p.type()));
        }
        variables.push(bound);
        lint.enterInline(fn.pos(), f.name().toString());
        Converted c;
        try {
            c = env.inside(f.name(), () -> query(f.query(), visible));
        } catch (Untranslated u) {
            throw Untranslated.construct(fn.pos(), "function " + f.name() + " cannot be inlined: " + u.getMessage());
        } finally {
            lint.exitInline();
            variables.pop();
        }
        String alias = fn.alias().orElse(fn.call().name().last());
        scope.rels.add(new Rel(alias, renamed(c.columns(), fn.columns(), fn.pos())));
        env.info(fn.pos(), INLINED_TABLE_FUNCTION, "the call of inline function " + f.name() + " is its query"
                + " with the call's arguments, as SQL Server expands it");
        SqlNode node = aliased(c.node(), alias, fn.columns());
        return lateral ? Sql.call(SqlStdOperatorTable.LATERAL, node) : node;
    }

    static final String INLINED_TABLE_FUNCTION = "MSSQL-TABLE-FUNCTION-INLINED";

    private static SqlNode aliased(SqlNode node, String alias, List<String> columns) {
        List<SqlNode> operands = new ArrayList<>();
        operands.add(node);
        operands.add(Sql.id(alias));
        columns.forEach(c -> operands.add(Sql.id(c)));
        return Sql.call(SqlStdOperatorTable.AS, operands);
    }

    private SqlNode named(TableSource.Named n, Scope scope) {
        if (n.temporal().isPresent()) {
            throw Untranslated.construct(n.pos(), "FOR SYSTEM_TIME (temporal tables)");
        }
        if (n.name().isTemp()) {
            throw Untranslated.construct(n.pos(), "temporary table " + n.name().last());
        }
        if (n.hints().isPresent()) {
            env.info(n.pos(), "MSSQL-TABLE-HINT-DROPPED", "table hints on " + n.name().last() + " were dropped");
        }
        if (n.name().parts().size() == 1) {
            for (Map<String, Rel> level : ctes) {
                Rel cte = level.get(n.name().last().toLowerCase(Locale.ROOT));
                if (cte != null) {
                    usedCtes.add(n.name().last().toLowerCase(Locale.ROOT));
                    String alias = n.alias().orElse(cte.alias());
                    scope.rels.add(new Rel(alias, cte.columns()));
                    return alias.equals(cte.alias()) ? Sql.id(cte.alias()) : Sql.as(Sql.id(cte.alias()), alias);
                }
            }
        }
        Relation relation = env.relation(n.name());
        String alias = n.alias().orElse(relation.target().name());
        scope.rels.add(new Rel(alias, relation.columns()));
        return Sql.as(Sql.id(env.placeholder(relation.target())), alias);
    }

    private SqlNode join(TableSource.Join j, Scope scope) {
        String kind = j.kind().toUpperCase(Locale.ROOT).replace(" OUTER ", " ");
        SqlNode left = tableSource(j.left(), scope);
        if ((kind.equals("CROSS APPLY") || kind.equals("OUTER APPLY")) && j.right() instanceof TableSource.Function fn) {
            SqlNode right = builtinTable(fn, scope, true);
            return kind.equals("CROSS APPLY")
                    ? new SqlJoin(P, left, SqlLiteral.createBoolean(false, P), JoinType.CROSS.symbol(P), right,
                            JoinConditionType.NONE.symbol(P), null)
                    : new SqlJoin(P, left, SqlLiteral.createBoolean(false, P), JoinType.LEFT.symbol(P), right,
                            JoinConditionType.ON.symbol(P), Sql.bool(true));
        }
        if (kind.equals("CROSS APPLY") || kind.equals("OUTER APPLY")) {
            if (!(j.right() instanceof TableSource.Derived d) || d.alias().isEmpty()) {
                throw Untranslated.construct(j.right().pos(), kind + " of a table-valued function");
            }
            Converted c = query(d.query(), scope);
            scope.rels.add(new Rel(d.alias().get(), renamed(c.columns(), d.columns(), d.pos())));
            SqlNode right = Sql.call(SqlStdOperatorTable.LATERAL, aliased(c.node(), d.alias().get(), d.columns()));
            return kind.equals("CROSS APPLY")
                    ? new SqlJoin(P, left, SqlLiteral.createBoolean(false, P), JoinType.CROSS.symbol(P), right,
                            JoinConditionType.NONE.symbol(P), null)
                    : new SqlJoin(P, left, SqlLiteral.createBoolean(false, P), JoinType.LEFT.symbol(P), right,
                            JoinConditionType.ON.symbol(P), Sql.bool(true));
        }
        JoinType type = switch (kind) {
            case "JOIN", "INNER JOIN" -> JoinType.INNER;
            case "LEFT JOIN" -> JoinType.LEFT;
            case "RIGHT JOIN" -> JoinType.RIGHT;
            case "FULL JOIN" -> JoinType.FULL;
            case "CROSS JOIN" -> JoinType.CROSS;
            default -> throw Untranslated.construct(j.pos(), "join " + j.kind() + " (join hints)");
        };
        SqlNode right = tableSource(j.right(), scope);
        if (type == JoinType.CROSS) {
            return new SqlJoin(P, left, SqlLiteral.createBoolean(false, P), type.symbol(P), right,
                    JoinConditionType.NONE.symbol(P), null);
        }
        SqlNode on = predicate(j.on().orElseThrow(() -> Untranslated.construct(j.pos(), "join without ON")), scope);
        return new SqlJoin(P, left, SqlLiteral.createBoolean(false, P), type.symbol(P), right,
                JoinConditionType.ON.symbol(P), on);
    }

    private static boolean matchesQualifier(Rel rel, List<String> qualifier) {
        return !qualifier.isEmpty() && rel.alias().equalsIgnoreCase(qualifier.get(qualifier.size() - 1));
    }

    // ================================================================ expressions

    SqlNode predicate(Expr e, Scope scope) {
        Typed t = expr(e, scope);
        if (!isBooleanNode(t.node())) {
            throw Untranslated.construct(e.pos(), "a value used as a condition");
        }
        return t.node();
    }

    private static boolean isBooleanNode(SqlNode node) {
        if (node instanceof SqlLiteral l) {
            return l.getTypeName() == SqlTypeName.BOOLEAN;
        }
        SqlKind k = node.getKind();
        return SqlKind.COMPARISON.contains(k) || k == SqlKind.AND || k == SqlKind.OR || k == SqlKind.NOT
                || k == SqlKind.LIKE || k == SqlKind.IN || k == SqlKind.NOT_IN || k == SqlKind.BETWEEN
                || k == SqlKind.IS_NULL || k == SqlKind.IS_NOT_NULL || k == SqlKind.EXISTS
                || k == SqlKind.SOME || k == SqlKind.ALL || k == SqlKind.SIMILAR
                || k == SqlKind.POSIX_REGEX_CASE_SENSITIVE;
    }

    /** An expression in a value position. */
    Typed value(Expr e, Scope scope) {
        Typed t = expr(e, scope);
        if (isBooleanNode(t.node()) && !(t.node() instanceof SqlLiteral)) {
            throw Untranslated.construct(e.pos(), "a condition used as a value");
        }
        return t;
    }

    Typed expr(Expr e, Scope scope) {
        if (e instanceof Expr.Literal l) {
            return literal(l);
        }
        if (e instanceof Expr.ColumnRef c) {
            return column(c, scope);
        }
        if (e instanceof Expr.Parenthesized p) {
            return expr(p.expr(), scope);
        }
        if (e instanceof Expr.Unary u) {
            return unary(u, scope);
        }
        if (e instanceof Expr.Binary b) {
            return binary(b, scope);
        }
        if (e instanceof Expr.Like l) {
            return like(l, scope);
        }
        if (e instanceof Expr.InList in) {
            Typed left = value(in.expr(), scope);
            List<SqlNode> values = new ArrayList<>();
            for (Expr v : in.values()) {
                values.add(coerced(value(v, scope), v, left.type()).node());
            }
            return lint.inList(in.pos(), new Typed(Sql.call(in.not() ? SqlStdOperatorTable.NOT_IN
                    : SqlStdOperatorTable.IN, left.node(), new SqlNodeList(values, P)), SqlServerTypes.BIT), left);
        
        }
        if (e instanceof Expr.InQuery in) {
            Typed left = value(in.expr(), scope);
            Converted q = query(in.query(), scope);
            return new Typed(Sql.call(in.not() ? SqlStdOperatorTable.NOT_IN : SqlStdOperatorTable.IN,
                    left.node(), q.node()), SqlServerTypes.BIT);
        
        }
        if (e instanceof Expr.Between b) {
            Typed v = value(b.expr(), scope);
            Typed low = coerced(value(b.low(), scope), b.low(), v.type());
            Typed high = coerced(value(b.high(), scope), b.high(), v.type());
            return lint.between(b.pos(), new Typed(Sql.call(b.not() ? SqlStdOperatorTable.NOT_BETWEEN
                    : SqlStdOperatorTable.BETWEEN, v.node(), low.node(), high.node()), SqlServerTypes.BIT), v, low,
                    high);
        
        }
        if (e instanceof Expr.IsNull n) {
            return new Typed(Sql.call(n.not() ? SqlStdOperatorTable.IS_NOT_NULL
                    : SqlStdOperatorTable.IS_NULL, value(n.expr(), scope).node()), SqlServerTypes.BIT);
        }
        if (e instanceof Expr.Exists x) {
            return new Typed(Sql.call(SqlStdOperatorTable.EXISTS, query(x.query(), scope).node()),
                    SqlServerTypes.BIT);
        }
        if (e instanceof Expr.Quantified q) {
            SqlKind kind = comparison(q.operator(), q.pos());
            SqlOperator op = q.quantifier().equalsIgnoreCase("ALL") ? SqlStdOperatorTable.all(kind)
                    : SqlStdOperatorTable.some(kind);
            return new Typed(Sql.call(op, value(q.left(), scope).node(), query(q.query(), scope).node()),
                    SqlServerTypes.BIT);
        
        }
        if (e instanceof Expr.Case c) {
            return caseExpr(c, scope);
        }
        if (e instanceof Expr.Collate c) {
            return lint.collate(c.pos(), expr(c.expr(), scope), c.collation());
        }
        if (e instanceof Expr.Cast c) {
            return cast(c, scope);
        }
        if (e instanceof Expr.FunctionCall f) {
            return functions.call(f, scope);
        }
        if (e instanceof Expr.Subquery s && s.query().forClause().isPresent()) {
            return forXmlPath(s.query(), scope, true);
        }
        if (e instanceof Expr.MethodCall m) {
            return xmlValue(m, scope);
        }
        if (e instanceof Expr.Subquery s) {
            Converted q = query(s.query(), scope);
            return new Typed(q.node(), q.columns().isEmpty() ? SqlServerTypes.UNKNOWN : q.columns().get(0).type());
        
        }
        if (e instanceof Expr.Star s) {
            throw Untranslated.construct(s.pos(), "* outside a select list");
        }
        if (e instanceof Expr.Variable v && v.name().startsWith("@@")) {
            // configuration functions such as @@DATEFIRST are in the function table
            return functions.call(new Expr.FunctionCall(v.pos(), new Name(v.pos(), List.of(v.name())),
                    Optional.empty(), List.of(), List.of(), Optional.empty(), true), scope);
        }
        if (e instanceof Expr.Variable v) {
            Typed bound = variables.isEmpty() ? null : variables.peek().get(v.name().toLowerCase(Locale.ROOT));
            if (bound == null) {
                throw Untranslated.construct(v.pos(), "variable " + v.name());
            }
            return bound;
        }
        throw Untranslated.construct(e.pos(), e.getClass().getSimpleName() + " expressions");
    }

    /**
     * {@code (SELECT ... FOR XML PATH(''), TYPE).value('.', 'nvarchar(max)')}: the unescaped text of the
     * concatenation idiom; other methods of xml values are not translated.
     */
    private Typed xmlValue(Expr.MethodCall m, Scope scope) {
        Expr target = m.target();
        while (target instanceof Expr.Parenthesized p) {
            target = p.expr();
        }
        List<String> args = m.arguments().stream().map(a -> a instanceof Expr.Literal l
                && (l.kind() == Expr.LiteralKind.STRING || l.kind() == Expr.LiteralKind.NATIONAL_STRING)
                ? unquote(l.text()).replace(" ", "").toLowerCase(Locale.ROOT) : "").toList();
        if (target instanceof Expr.Subquery s && s.query().forClause().isPresent() && m.method().equalsIgnoreCase(
                "value") && args.size() == 2 && (args.get(0).equals(".") || args.get(0).equals("(./text())[1]"))
                && (args.get(1).equals("nvarchar(max)") || args.get(1).equals("varchar(max)"))) {
            if (!forXmlOptions(s.query()).equals(List.of("XML", "PATH", "(", "''", ")", ",", "TYPE"))) {
                throw Untranslated.construct(s.pos(), "FOR XML other than PATH(''), TYPE under .value()");
            }
            Typed t = forXmlPath(s.query(), scope, false);
            return new Typed(t.node(), DataType.withMaxLength(args.get(1).substring(0, args.get(1).indexOf('('))));
        }
        throw Untranslated.construct(m.pos(), "the method ." + m.method() + "() of an xml or CLR value");
    }

    private static List<String> forXmlOptions(Query q) {
        return q.forClause().orElseThrow().texts().stream().map(t -> t.toUpperCase(Locale.ROOT)).toList();
    }

    /**
     * The string-concatenation idiom {@code (SELECT ',' + x FROM t ORDER BY x FOR XML PATH(''))}: each row's
     * unnamed value is written without an element, in the query's order, and the XML text escapes {@code & < >}
     * and carriage returns. It becomes {@code (SELECT string_agg(v, '' ORDER BY ...) FROM (the rows) AS x)}; NULL
     * values add nothing and no rows give NULL, in both. Under {@code .value('.', ...)} nothing is escaped.
     */
    private Typed forXmlPath(Query q, Scope scope, boolean escape) {
        List<String> options = forXmlOptions(q);
        boolean typed = options.equals(List.of("XML", "PATH", "(", "''", ")", ",", "TYPE"));
        if (!options.equals(List.of("XML", "PATH", "(", "''", ")")) && !typed) {
            throw Untranslated.construct(q.forClause().get().pos(), "FOR " + String.join(" ", options)
                    + " (only the FOR XML PATH('') concatenation idiom is translated)");
        }
        if (typed && escape) {
            throw Untranslated.construct(q.forClause().get().pos(), "FOR XML ..., TYPE outside .value()");
        }
        if (!(q.body() instanceof QueryBody.Select s) || !q.ctes().isEmpty() || q.offset().isPresent()) {
            throw Untranslated.construct(q.pos(), "FOR XML PATH('') over a set operation, CTE or OFFSET");
        }
        if (s.top().isPresent() || s.quantifier().filter(x -> x.equalsIgnoreCase("DISTINCT")).isPresent()
                && !q.orderBy().isEmpty()) {
            throw Untranslated.construct(s.pos(), "FOR XML PATH('') with TOP, or DISTINCT with ORDER BY");
        }
        List<SelectItem> items = new ArrayList<>();
        for (SelectItem item : s.items()) {
            if (!(item instanceof SelectItem.Column c) || c.alias().isPresent() || c.expr() instanceof Expr.ColumnRef
                    || c.expr() instanceof Expr.Star) {
                throw Untranslated.construct(item.pos(), "FOR XML PATH('') with a named column (it becomes an "
                        + "element)");
            }
            items.add(new SelectItem.Column(c.pos(), c.expr(), Optional.of("__dm_v" + items.size()), c.style()));
        }
        int values = items.size();
        for (int i = 0; i < q.orderBy().size(); i++) {
            OrderItem o = q.orderBy().get(i);
            Expr key = o.expr();
            if (key instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
                int ordinal = Integer.parseInt(l.text());
                if (ordinal < 1 || ordinal > values) {
                    throw Untranslated.construct(o.pos(), "ORDER BY position " + ordinal);
                }
                key = ((SelectItem.Column) s.items().get(ordinal - 1)).expr();
            }
            items.add(new SelectItem.Column(o.pos(), key, Optional.of("__dm_o" + i), SelectItem.AliasStyle.AS));
        }
        QueryBody.Select rows = new QueryBody.Select(s.pos(), s.quantifier(), Optional.empty(), items, s.into(),
                s.from(), s.where(), s.groupBy(), s.having());
        Converted inner = query(new Query(q.pos(), List.of(), rows, List.of(), Optional.empty(), Optional.empty(),
                q.option()), scope);
        SqlNode text = null;
        for (int i = 0; i < values; i++) {
            DataType t = inner.columns().get(i).type();
            if (!SqlServerTypes.isString(t) && !SqlServerTypes.isInteger(t)) {
                throw Untranslated.construct(s.items().get(i).pos(), "FOR XML PATH('') of a " + t
                        + " value (its XML text format)");
            }
            SqlNode v = Sql.id("__dm_xml", "__dm_v" + i);
            if (!SqlServerTypes.isString(t)) {
                v = cast(v, SqlServerTypes.VARCHAR);
            }
            if (escape) {
                v = Sql.fn("replace", Sql.fn("replace", Sql.fn("replace", Sql.fn("replace", v, Sql.string("&"),
                        Sql.string("&amp;")), Sql.string("<"), Sql.string("&lt;")), Sql.string(">"),
                        Sql.string("&gt;")), Sql.fn("chr", Sql.integer(13)), Sql.string("&#x0D;"));
            }
            // several unnamed values of one row are written one after the other; a NULL one writes nothing
            text = text == null ? v : Sql.fn("concat", text, v);
        }
        SqlNodeList order = new SqlNodeList(P);
        for (int i = 0; i < q.orderBy().size(); i++) {
            order.add(ordered(q.orderBy().get(i), Sql.id("__dm_xml", "__dm_o" + i)));
        }
        SqlNode agg = Sql.fn("string_agg", text, Sql.string(""));
        if (!order.isEmpty()) {
            agg = Sql.call(SqlStdOperatorTable.WITHIN_GROUP, Sql.call(SqlStdOperatorTable.LISTAGG, text,
                    Sql.string("")), order);
        }
        SqlSelect outer = new SqlSelect(P, null, SqlNodeList.of(agg), aliased(inner.node(), "__dm_xml", List.of()),
                null, null, null, null, null, null, null, null, null);
        return new Typed(outer, DataType.withMaxLength("nvarchar"));
    }

    private Typed literal(Expr.Literal l) {
        String text = l.text();
        return switch (l.kind()) {
            case STRING, NATIONAL_STRING -> {
                String value = unquote(text);
                DataType type = l.kind() == Expr.LiteralKind.NATIONAL_STRING
                        ? DataType.withLength("nvarchar", Math.max(1, value.length()))
                        : DataType.withLength("varchar", Math.max(1, value.length()));
                yield new Typed(Sql.string(value), type);
            }
            case INTEGER -> {
                BigDecimal v = new BigDecimal(text);
                yield new Typed(Sql.number(v), v.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0
                        ? SqlServerTypes.INT : DataType.withPrecision("decimal", Math.max(1, v.precision()), 0));
            }
            case DECIMAL -> {
                BigDecimal v = new BigDecimal(text);
                yield new Typed(Sql.number(v), DataType.withPrecision("decimal", Math.max(v.precision(), v.scale()),
                        Math.max(0, v.scale())));
            }
            case FLOAT -> new Typed(SqlLiteral.createApproxNumeric(text, P), SqlServerTypes.FLOAT);
            case MONEY -> new Typed(cast(Sql.number(new BigDecimal(text.substring(1).replace(",", ""))),
                    SqlServerTypes.MONEY), SqlServerTypes.MONEY);
            case NULL -> new Typed(Sql.nullLiteral(), SqlServerTypes.UNKNOWN);
            case BINARY -> {
                // 0xCAFE: PostgreSQL's X'..' is a bit string, bytea is decode('cafe', 'hex')
                String hex = text.substring(2);
                if (hex.length() % 2 == 1) {
                    hex = "0" + hex;
                }
                yield new Typed(Sql.fn("decode", Sql.string(hex.toLowerCase(Locale.ROOT)), Sql.string("hex")),
                        DataType.withLength("varbinary", Math.max(1, hex.length() / 2)));
            }
            default -> throw Untranslated.construct(l.pos(), "literal " + text);
        };
    }

    static String unquote(String text) {
        String t = text.startsWith("N") || text.startsWith("n") ? text.substring(1) : text;
        return t.substring(1, t.length() - 1).replace("''", "'");
    }

    private Typed column(Expr.ColumnRef c, Scope scope) {
        List<String> parts = c.name().parts();
        String name = parts.get(parts.size() - 1);
        List<String> qualifier = parts.subList(0, parts.size() - 1);
        for (Scope s = scope; s != null; s = s.parent) {
            List<Rel> found = new ArrayList<>();
            Col col = null;
            for (Rel rel : s.rels) {
                if (!qualifier.isEmpty() && !matchesQualifier(rel, qualifier)) {
                    continue;
                }
                for (Col candidate : rel.columns()) {
                    if (candidate.name().equalsIgnoreCase(name)) {
                        found.add(rel);
                        col = candidate;
                        break;
                    }
                }
            }
            if (found.size() > 1) {
                throw Untranslated.construct(c.pos(), "ambiguous column " + name);
            }
            if (found.size() == 1) {
                return lint.column(new Typed(Sql.id(found.get(0).alias(), col.name()), col.type()), col);
            }
        }
        throw Untranslated.construct(c.pos(), "column " + String.join(".", parts) + " is not in the catalog");
    }

    private Typed unary(Expr.Unary u, Scope scope) {
        switch (u.operator().toUpperCase(Locale.ROOT)) {
            case "NOT":
                return new Typed(Sql.call(SqlStdOperatorTable.NOT, predicate(u.operand(), scope)), SqlServerTypes.BIT);
            case "-": {
                Typed t = value(u.operand(), scope);
                if (t.node() instanceof SqlLiteral l && l.getValue() instanceof BigDecimal v) {
                    return new Typed(Sql.number(v.negate()), t.type());
                }
                return new Typed(Sql.call(SqlStdOperatorTable.UNARY_MINUS, t.node()), t.type());
            }
            case "+":
                return value(u.operand(), scope);
            default:
                throw Untranslated.construct(u.pos(), "operator " + u.operator());
        }
    }

    private static SqlKind comparison(String op, Pos pos) {
        return switch (op) {
            case "=" -> SqlKind.EQUALS;
            case "<>", "!=" -> SqlKind.NOT_EQUALS;
            case "<", "!>" -> op.equals("<") ? SqlKind.LESS_THAN : SqlKind.LESS_THAN_OR_EQUAL;
            case ">", "!<" -> op.equals(">") ? SqlKind.GREATER_THAN : SqlKind.GREATER_THAN_OR_EQUAL;
            case "<=" -> SqlKind.LESS_THAN_OR_EQUAL;
            case ">=" -> SqlKind.GREATER_THAN_OR_EQUAL;
            default -> throw Untranslated.construct(pos, "operator " + op);
        };
    }

    private static SqlOperator comparisonOperator(SqlKind kind) {
        return switch (kind) {
            case EQUALS -> SqlStdOperatorTable.EQUALS;
            case NOT_EQUALS -> SqlStdOperatorTable.NOT_EQUALS;
            case LESS_THAN -> SqlStdOperatorTable.LESS_THAN;
            case GREATER_THAN -> SqlStdOperatorTable.GREATER_THAN;
            case LESS_THAN_OR_EQUAL -> SqlStdOperatorTable.LESS_THAN_OR_EQUAL;
            default -> SqlStdOperatorTable.GREATER_THAN_OR_EQUAL;
        };
    }

    private Typed binary(Expr.Binary b, Scope scope) {
        String op = b.operator().toUpperCase(Locale.ROOT);
        switch (op) {
            case "AND":
                return new Typed(Sql.call(SqlStdOperatorTable.AND, predicate(b.left(), scope),
                        predicate(b.right(), scope)), SqlServerTypes.BIT);
            case "OR":
                return new Typed(Sql.call(SqlStdOperatorTable.OR, predicate(b.left(), scope),
                        predicate(b.right(), scope)), SqlServerTypes.BIT);
            case "=", "<>", "!=", "<", ">", "<=", ">=", "!<", "!>": {
                SqlKind kind = comparison(op, b.pos());
                Typed left = value(b.left(), scope);
                Typed right = value(b.right(), scope);
                left = coerced(left, b.left(), right.type());
                right = coerced(right, b.right(), left.type());
                return lint.comparison(b.pos(), op, new Typed(Sql.call(comparisonOperator(kind),
                        bitOperand(left, right), bitOperand(right, left)), SqlServerTypes.BIT), left, right);
            }
            case "+", "-", "*", "/", "%":
                return arithmetic(op, value(b.left(), scope), value(b.right(), scope), b.pos());
            default:
                throw Untranslated.construct(b.pos(), "operator " + b.operator());
        }
    }

    /** A bit compared with a non-literal number: PostgreSQL's boolean needs a cast to compare with integers. */
    private SqlNode bitOperand(Typed t, Typed other) {
        if (SqlServerTypes.isBit(t.type()) && !SqlServerTypes.isBit(other.type())
                && SqlServerTypes.isNumeric(other.type())) {
            return cast(t.node(), SqlServerTypes.INT);
        }
        return t.node();
    }

    Typed arithmetic(String op, Typed left, Typed right, Pos pos) {
        DataType lt = left.type();
        DataType rt = right.type();
        if (op.equals("+") && SqlServerTypes.isString(lt) && SqlServerTypes.isString(rt)) {
            DataType type = lt.name().startsWith("n") || rt.name().startsWith("n") ? SqlServerTypes.NVARCHAR
                    : SqlServerTypes.VARCHAR;
            return new Typed(Sql.call(SqlStdOperatorTable.CONCAT, padded(left), padded(right)), type);
        }
        if (SqlServerTypes.isString(lt) || SqlServerTypes.isString(rt)) {
            if (op.equals("+") && (isNullLiteral(left) || isNullLiteral(right))) {
                // string + NULL is NULL, as || with NULL is
                return new Typed(Sql.call(SqlStdOperatorTable.CONCAT, padded(left), padded(right)),
                        SqlServerTypes.isString(lt) ? lt : rt);
            }
            throw Untranslated.construct(pos, "operator " + op + " between " + lt + " and " + rt
                    + " (implicit conversion)");
        }
        if ((op.equals("+") || op.equals("-")) && SqlServerTypes.isDateTime(lt) && !lt.name().equals("date")
                && SqlServerTypes.isNumeric(rt)) {
            // datetime + n adds n days in SQL Server
            if (!SqlServerTypes.isInteger(rt)) {
                throw Untranslated.construct(pos, "datetime " + op + " a fractional number of days");
            }
            SqlNode days = Sql.times(right.node(), BuiltinFunctions.interval(1, "DAY"));
            return new Typed(op.equals("+") ? Sql.plus(left.node(), days) : Sql.minus(left.node(), days), lt);
        }
        if (!SqlServerTypes.isNumeric(lt) && !isNullLiteral(left) || !SqlServerTypes.isNumeric(rt)
                && !isNullLiteral(right)) {
            if (!SqlServerTypes.isBit(lt) && !SqlServerTypes.isBit(rt)) {
                throw Untranslated.construct(pos, "operator " + op + " between " + lt + " and " + rt);
            }
            throw Untranslated.construct(pos, "arithmetic on bit values");
        }
        DataType type = SqlServerTypes.arithmetic(lt, rt);
        SqlNode l = left.node();
        SqlNode r = right.node();
        if (type.name().equals("real")) {
            // SQL Server computes in single precision; PostgreSQL would widen numeric * real to double precision
            l = lt.name().equals("real") ? l : cast(l, type);
            r = rt.name().equals("real") ? r : cast(r, type);
        }
        SqlNode node = switch (op) {
            case "+" -> Sql.plus(l, r);
            case "-" -> Sql.minus(l, r);
            case "*" -> Sql.times(l, r);
            case "/" -> Sql.divide(l, r);
            default -> {
                if (!SqlServerTypes.isExactNumeric(lt) || !SqlServerTypes.isExactNumeric(rt)) {
                    throw Untranslated.construct(pos, "% on approximate numbers");
                }
                yield Sql.call(SqlStdOperatorTable.MOD, l, r);
            }
        };
        return lint.arithmetic(pos, op, left, right, new Typed(node, type));
    }

    private static boolean isNullLiteral(Typed t) {
        return t.node() instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.NULL;
    }

    /** char(n) keeps its trailing spaces when SQL Server concatenates it; PostgreSQL's bpchar drops them. */
    private SqlNode padded(Typed t) {
        if (SqlServerTypes.isFixedChar(t.type()) && !(t.node() instanceof SqlLiteral)) {
            return Sql.fn("rpad", t.node(), Sql.integer(t.type().length().getAsInt()));
        }
        return t.node();
    }

    /**
     * A literal compared with a typed value converts to that type the way SQL Server does it: '19970101' becomes a
     * timestamp, '2013' a number, 0/1 against a bit a boolean.
     */
    Typed coerced(Typed t, Expr raw, DataType target) {
        Expr e = raw;
        while (e instanceof Expr.Parenthesized p) {
            e = p.expr();
        }
        if (!(e instanceof Expr.Literal l)) {
            return t;
        }
        if (SqlServerTypes.isBit(target) && l.kind() == Expr.LiteralKind.INTEGER) {
            return new Typed(Sql.bool(!new BigDecimal(l.text()).equals(BigDecimal.ZERO)), SqlServerTypes.BIT);
        }
        boolean string = l.kind() == Expr.LiteralKind.STRING || l.kind() == Expr.LiteralKind.NATIONAL_STRING;
        if (!string) {
            return t;
        }
        String value = unquote(l.text()).trim();
        if (SqlServerTypes.isDateTime(target)) {
            LocalDateTime ts = parseDateTime(value).orElseThrow(() -> Untranslated.construct(l.pos(),
                    "date literal '" + value + "' in a format that is not translated"));
            lint.dateTimeLiteral(l.pos(), ts, target);
            if (target.name().equals("date")) {
                return new Typed(SqlLiteral.createDate(new DateString(ts.getYear(), ts.getMonthValue(),
                        ts.getDayOfMonth()), P), target);
            }
            TimestampString s = new TimestampString(ts.getYear(), ts.getMonthValue(), ts.getDayOfMonth(),
                    ts.getHour(), ts.getMinute(), ts.getSecond());
            if (ts.getNano() != 0) {
                s = s.withNanos(ts.getNano());
            }
            return new Typed(SqlLiteral.createTimestamp(SqlTypeName.TIMESTAMP, s, ts.getNano() == 0 ? 0 : 3, P),
                    target);
        }
        if (SqlServerTypes.isNumeric(target)) {
            try {
                return new Typed(Sql.number(new BigDecimal(value)), target);
            } catch (NumberFormatException ex) {
                throw Untranslated.construct(l.pos(), "'" + value + "' compared with a number");
            }
        }
        return t;
    }

    private static final Pattern MDY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    // immutable and thread-safe: built once, not per literal
    // strict: 2024-02-30 is no date (SQL Server raises an error), not February 29th
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuuMMdd[ HH:mm[:ss[.SSS]]]"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd['T'HH:mm[:ss[.SSS]]]"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd[ HH:mm[:ss[.SSS]]]")).stream()
            .map(f -> f.withResolverStyle(java.time.format.ResolverStyle.STRICT)).toList();

    /** The date formats SQL Server reads whatever SET DATEFORMAT says, plus us_english m/d/y. */
    static Optional<LocalDateTime> parseDateTime(String value) {
        // a format that cannot match is not tried (a failed parse throws, which cost more than the rest of a view's
        // translation): yyyyMMdd needs eight digits first (after a year's sign), yyyy-MM-dd a '-' after the year
        int first = !value.isEmpty() && (value.charAt(0) == '+' || value.charAt(0) == '-') ? 1 : 0;
        boolean compact = value.length() >= first + 8 && digits(value, first, first + 8);
        boolean dashed = value.indexOf('-', first + 1) > 0;
        for (int i = 0; i < DATE_FORMATS.size(); i++) {
            if (i == 0 ? !compact : !dashed) {
                continue;
            }
            DateTimeFormatter f = DATE_FORMATS.get(i);
            try {
                var parsed = f.parseBest(value, LocalDateTime::from, LocalDate::from);
                return Optional.of(parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed);
            } catch (DateTimeParseException ex) {
                // next format
            }
        }
        Matcher m = MDY.matcher(value);
        if (m.matches()) {
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2))).atStartOfDay());
            } catch (java.time.DateTimeException ex) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private Typed like(Expr.Like l, Scope scope) {
        Typed v = value(l.expr(), scope);
        Typed pattern = value(l.pattern(), scope);
        if (!(pattern.node() instanceof SqlLiteral lit) || lit.toValue() == null || lit.toValue().contains("[")) {
            if (!(pattern.node() instanceof SqlLiteral)) {
                throw Untranslated.construct(l.pos(), "LIKE with a computed pattern ([...] classes cannot be checked)");
            }
            throw Untranslated.construct(l.pos(), "LIKE with a [...] character class");
        }
        List<SqlNode> operands = new ArrayList<>(List.of(v.node(), pattern.node()));
        if (l.escape().isPresent()) {
            operands.add(value(l.escape().get(), scope).node());
        }
        boolean letterEscape = l.escape().isPresent() && l.escape().get() instanceof Expr.Literal x
                && unquote(x.text()).chars().anyMatch(Character::isLetter);
        return lint.like(l.pos(), new Typed(Sql.call(l.not() ? SqlStdOperatorTable.NOT_LIKE
                : SqlStdOperatorTable.LIKE, operands), SqlServerTypes.BIT), v, pattern, letterEscape);
    }

    private Typed caseExpr(Expr.Case c, Scope scope) {
        List<SqlNode> whens = new ArrayList<>();
        List<SqlNode> thens = new ArrayList<>();
        DataType type = SqlServerTypes.UNKNOWN;
        Optional<Typed> operand = c.operand().map(o -> value(o, scope));
        List<Typed> compared = new ArrayList<>();
        for (When w : c.whens()) {
            if (operand.isPresent()) {
                Typed when = coerced(value(w.condition(), scope), w.condition(), operand.get().type());
                whens.add(when.node());
                compared.add(when);
            } else {
                whens.add(predicate(w.condition(), scope));
            }
            Typed result = value(w.result(), scope);
            thens.add(result.node());
            type = SqlServerTypes.higher(type, result.type());
        }
        SqlNode otherwise = null;
        if (c.otherwise().isPresent()) {
            Typed result = value(c.otherwise().get(), scope);
            otherwise = result.node();
            type = SqlServerTypes.higher(type, result.type());
        }
        Typed result = new Typed(new SqlCase(P, operand.map(Typed::node).orElse(null), new SqlNodeList(whens, P),
                new SqlNodeList(thens, P), otherwise), type);
        return operand.isPresent() ? lint.simpleCase(c.pos(), result, operand.get(), compared) : result;
    }

    private Typed cast(Expr.Cast c, Scope scope) {
        String function = c.function().toUpperCase(Locale.ROOT);
        if (!function.equals("CAST") && !function.equals("CONVERT")) {
            return conversions.convert(c, scope);
        }
        DataType target = castType(c.type());
        Typed value = value(c.expr(), scope);
        DataType from = value.type();
        if (!(value.node() instanceof SqlLiteral)) {
            lint.dateTimeCast(c.pos(), from, target);
        }
        if (c.extra().isPresent()) {
            return BuiltinFunctions.convertWithStyle(this, c, target, value);
        }
        if (SqlServerTypes.isString(target) && !SqlServerTypes.isString(from) && !SqlServerTypes.isInteger(from)
                && !(value.node() instanceof SqlLiteral l && l.getTypeName() == SqlTypeName.NULL)) {
            throw new Untranslated(Untranslated.FUNCTION, c.pos(), function + " of " + from + " to " + target
                    + " (SQL Server's default text format differs)");
        }
        if (SqlServerTypes.isInteger(target) && (SqlServerTypes.isApproximate(from)
                || SqlServerTypes.base(from).equals("decimal") || SqlServerTypes.base(from).equals("numeric"))) {
            // decimal and float truncate to an integer in SQL Server, PostgreSQL rounds (money rounds in both)
            return new Typed(cast(Sql.fn("trunc", value.node()), target), target);
        }
        Typed source = coerced(value, c.expr(), target);
        if (source != value) {
            return new Typed(cast(source.node(), target), target);
        }
        return new Typed(cast(value.node(), target), target);
    }

    /** A CAST/CONVERT target; char types without a length are 30 long there (not 1 as in declarations). */
    static DataType castType(DataTypeRef ref) {
        String name = ref.name().last().toLowerCase(Locale.ROOT);
        List<String> args = ref.arguments();
        if (args.isEmpty() && (name.equals("varchar") || name.equals("nvarchar") || name.equals("char")
                || name.equals("nchar"))) {
            return DataType.withLength(name, 30);
        }
        return SqlServerTypes.parse(name, args);
    }

    /** CAST to the target type the dialect maps the SQL Server type to. */
    SqlNode cast(SqlNode node, DataType sqlServerType) {
        String target = dialect.mapType(sqlServerType).targetType();
        return Sql.call(SqlStdOperatorTable.CAST, node, typeSpec(target));
    }

    static SqlDataTypeSpec typeSpec(String targetType) {
        return new SqlDataTypeSpec(new SqlAlienSystemTypeNameSpec(targetType.toUpperCase(Locale.ROOT),
                SqlTypeName.ANY, P), P);
    }

    /**
     * Inlines a call of a user scalar function whose body is straight-line code: DECLARE, SET, IF/ELSE and RETURN
     * become one expression (an IF's assignments merge into CASE), parameters and the result cast to their types.
     */
    Optional<Typed> inline(Expr.FunctionCall f, Scope scope) {
        Optional<ScalarFunction> function = env.scalarFunction(f.name());
        if (function.isEmpty()) {
            return Optional.empty();
        }
        ScalarFunction fn = function.get();
        if (fn.parameters().size() != f.arguments().size()) {
            throw Untranslated.construct(f.pos(), fn.name() + " called with " + f.arguments().size() + " arguments");
        }
        if (variables.size() >= MAX_INLINE_DEPTH) {
            throw Untranslated.construct(f.pos(), "function " + fn.name() + " nests too deep to inline (recursion?)");
        }
        Map<String, Typed> bound = new HashMap<>();
        for (int i = 0; i < fn.parameters().size(); i++) {
            Col p = fn.parameters().get(i);
            bound.put(p.name().toLowerCase(Locale.ROOT), assigned(value(f.arguments().get(i), scope), p.type()));
        }
        variables.push(bound);
        lint.enterInline(f.pos(), fn.name().toString());
        try {
            Typed result = run(fn.body(), scope).orElseThrow(() -> Untranslated.construct(f.pos(), "function "
                    + fn.name() + " does not end in RETURN"));
            return Optional.of(assigned(result, fn.returnType()));
        } catch (Untranslated u) {
            throw Untranslated.construct(f.pos(), "function " + fn.name() + " cannot be inlined: " + u.getMessage());
        } finally {
            lint.exitInline();
            variables.pop();
        }
    }

    /**
     * A scalar function's value as one expression of its parameters, which {@link #bindParameters} has bound: what
     * {@link #inline} puts at a call site, with the parameters in place of the arguments.
     */
    Typed returned(ScalarFunction fn) {
        Typed result = run(fn.body(), new Scope(null)).orElseThrow(() -> Untranslated.construct(Pos.NONE,
                "the function does not end in RETURN"));
        return assigned(result, fn.returnType());
    }

    /**
     * Makes a routine's parameters visible to the query that follows, as {@code variables} (name with its {@code @},
     * lower-case); {@link #reset} forgets them.
     */
    void bindParameters(Map<String, Typed> parameters) {
        variables.push(new HashMap<>(parameters));
    }

    /** Runs statements that only assign the bound parameters ({@link RoutineBody}'s preamble) into their values. */
    void assignParameters(List<ai.datamigrate.plugin.mssql.internal.ast.Statement> statements) {
        Optional<Typed> returned = run(statements, new Scope(null));
        if (returned.isPresent()) {
            throw Untranslated.construct(Pos.NONE, "a RETURN with a value in a procedure");
        }
    }

    private Typed assigned(Typed value, DataType type) {
        if (value.type().equals(type)) {
            return value;
        }
        return new Typed(cast(value.node(), type), type);
    }

    private Optional<Typed> run(List<ai.datamigrate.plugin.mssql.internal.ast.Statement> statements, Scope scope) {
        for (var st : statements) {
            if (st instanceof ai.datamigrate.plugin.mssql.internal.ast.Statement.Block b) {
                Optional<Typed> r = run(b.statements(), scope);
                if (r.isPresent()) {
                    return r;
                }
            } else if (st instanceof ai.datamigrate.plugin.mssql.internal.ast.Statement.Declare d) {
                for (var v : d.variables()) {
                    DataType type = SqlServerTypes.parse(v.type().name().last(), v.type().arguments());
                    Typed initial = v.initial().map(e -> assigned(value(e, scope), type))
                            .orElseGet(() -> new Typed(cast(Sql.nullLiteral(), type), type));
                    variables.peek().put(v.name().toLowerCase(Locale.ROOT), initial);
                }
            } else if (st instanceof ai.datamigrate.plugin.mssql.internal.ast.Statement.SetVariable sv
                    && sv.operator().equals("=")) {
                String key = sv.variable().toLowerCase(Locale.ROOT);
                Typed old = variables.peek().get(key);
                if (old == null) {
                    throw Untranslated.construct(sv.pos(), "SET of undeclared " + sv.variable());
                }
                variables.peek().put(key, assigned(value(sv.value(), scope), old.type()));
            } else if (st instanceof ai.datamigrate.plugin.mssql.internal.ast.Statement.If i) {
                SqlNode condition = predicate(i.condition(), scope);
                Map<String, Typed> before = variables.peek();
                Map<String, Typed> thenVars = new HashMap<>(before);
                Map<String, Typed> elseVars = new HashMap<>(before);
                variables.push(thenVars);
                Optional<Typed> thenResult;
                try {
                    thenResult = run(List.of(i.then()), scope);
                } finally {
                    variables.pop();
                }
                variables.push(elseVars);
                Optional<Typed> elseResult;
                try {
                    elseResult = i.otherwise().isPresent() ? run(List.of(i.otherwise().get()), scope)
                            : Optional.empty();
                } finally {
                    variables.pop();
                }
                if (thenResult.isPresent() != elseResult.isPresent()) {
                    throw Untranslated.construct(i.pos(), "RETURN in only one branch of IF");
                }
                if (thenResult.isPresent()) {
                    DataType type = SqlServerTypes.higher(thenResult.get().type(), elseResult.get().type());
                    return Optional.of(new Typed(new SqlCase(P, null, SqlNodeList.of(condition),
                            SqlNodeList.of(thenResult.get().node()), elseResult.get().node()), type));
                }
                for (String key : before.keySet()) {
                    Typed a = thenVars.get(key);
                    Typed b = elseVars.get(key);
                    if (a != b) {
                        before.put(key, new Typed(new SqlCase(P, null, SqlNodeList.of(condition), SqlNodeList.of(
                                a.node()), b.node()), a.type()));
                    }
                }
            } else if (st instanceof ai.datamigrate.plugin.mssql.internal.ast.Statement.Select sel
                    && sel.query().body() instanceof QueryBody.Select body && body.from().isEmpty()
                    && body.items().stream().allMatch(i -> i instanceof SelectItem.Assignment a
                    && a.operator().equals("="))) {
                // SELECT @a = x, @b = y without FROM: SET, one variable after the other
                List<ai.datamigrate.plugin.mssql.internal.ast.Statement> sets = new ArrayList<>();
                for (SelectItem item : body.items()) {
                    SelectItem.Assignment a = (SelectItem.Assignment) item;
                    sets.add(new ai.datamigrate.plugin.mssql.internal.ast.Statement.SetVariable(a.pos(),
                            a.variable(), "=", a.value()));
                }
                run(sets, scope);
            } else if (st instanceof ai.datamigrate.plugin.mssql.internal.ast.Statement.Return r
                    && r.value().isPresent()) {
                return Optional.of(value(r.value().get(), scope));
            } else {
                throw Untranslated.construct(st.pos(), "statement " + st.getClass().getSimpleName()
                        .toUpperCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    Optional<SqlNode> window(Expr.FunctionCall f, SqlNode call, Scope scope) {
        if (f.over().isEmpty()) {
            return Optional.empty();
        }
        var over = f.over().get();
        SqlNodeList partition = new SqlNodeList(over.partitionBy().stream().map(p -> lint.sortKey(p.pos(),
                "PARTITION BY", value(p, scope), true)).toList(), P);
        SqlNodeList order = new SqlNodeList(over.orderBy().stream().map(o -> ordered(o, scope)).toList(), P);
        SqlLiteral rows = SqlLiteral.createBoolean(false, P);
        SqlNode lower = null;
        SqlNode upper = null;
        if (over.frame().isPresent()) {
            var frame = over.frame().get();
            rows = SqlLiteral.createBoolean(frame.units().equalsIgnoreCase("ROWS"), P);
            lower = bound(frame.start(), scope);
            upper = frame.end().map(b -> bound(b, scope)).orElse(null);
        }
        var window = org.apache.calcite.sql.SqlWindow.create(null, null, partition, order, rows, lower, upper,
                null, P);
        return Optional.of(Sql.call(SqlStdOperatorTable.OVER, call, window));
    }

    private SqlNode bound(ai.datamigrate.plugin.mssql.internal.ast.Part.FrameBound b, Scope scope) {
        return switch (b.kind().toUpperCase(Locale.ROOT)) {
            case "UNBOUNDED PRECEDING" -> org.apache.calcite.sql.SqlWindow.createUnboundedPreceding(P);
            case "UNBOUNDED FOLLOWING" -> org.apache.calcite.sql.SqlWindow.createUnboundedFollowing(P);
            case "CURRENT ROW" -> org.apache.calcite.sql.SqlWindow.createCurrentRow(P);
            case "PRECEDING" -> org.apache.calcite.sql.SqlWindow.createPreceding(
                    value(b.offset().orElseThrow(), scope).node(), P);
            default -> org.apache.calcite.sql.SqlWindow.createFollowing(value(b.offset().orElseThrow(), scope).node(),
                    P);
        };
    }
}
