package ai.datamigrate.plugin.mssql.internal.translate;

import static ai.datamigrate.plugin.mssql.internal.translate.Sql.P;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.Pos;
import ai.datamigrate.spi.catalog.DataType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelectKeyword;
import org.apache.calcite.sql.fun.SqlCase;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;

/**
 * The table of SQL Server built-in functions and what each becomes in PostgreSQL, with SQL Server's semantics kept:
 * argument order, result types ({@code AVG(int)} is an int), trailing spaces, boundary-counting {@code DATEDIFF}.
 * A function not in the table is reported as {@code MSSQL-UNTRANSLATED-FUNCTION}.
 */
final class BuiltinFunctions {

    /** One mapping: the call's arguments in, the target tree and SQL Server's result type out. */
    @FunctionalInterface
    interface Rule {
        Typed apply(Call c);
    }

    /** A call being translated: lazy access to its arguments, converted in the caller's scope. */
    final class Call {
        final Expr.FunctionCall f;
        final QueryConverter.Scope scope;
        final String name;

        Call(Expr.FunctionCall f, QueryConverter.Scope scope) {
            this.f = f;
            this.scope = scope;
            this.name = f.name().last().toUpperCase(Locale.ROOT);
        }

        int count() {
            return f.arguments().size();
        }

        Typed arg(int i) {
            return converter.value(f.arguments().get(i), scope);
        }

        SqlNode node(int i) {
            return arg(i).node();
        }

        /** A string argument; integers convert exactly, other types format differently in SQL Server. */
        Typed string(int i) {
            Typed t = arg(i);
            if (SqlServerTypes.isString(t.type()) || isNull(t)) {
                return t;
            }
            if (SqlServerTypes.isInteger(t.type())) {
                return new Typed(converter.cast(t.node(), SqlServerTypes.VARCHAR), SqlServerTypes.VARCHAR);
            }
            throw fail("argument " + (i + 1) + " of type " + t.type() + " converts to text differently");
        }

        /** A datepart keyword argument such as {@code yy} or {@code day}, normalised. */
        String datepart(int i) {
            Expr e = f.arguments().get(i);
            String word = e instanceof Expr.ColumnRef c && c.name().parts().size() == 1 ? c.name().last()
                    : e instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.STRING ? QueryConverter.unquote(
                            l.text()) : "";
            String part = DATEPARTS.get(word.toLowerCase(Locale.ROOT));
            if (part == null) {
                throw fail("datepart '" + word + "'");
            }
            return part;
        }

        Untranslated fail(String why) {
            return new Untranslated(Untranslated.FUNCTION, f.pos(), name + ": " + why);
        }

        void arity(int min, int max) {
            if (count() < min || count() > max) {
                throw fail("called with " + count() + " arguments");
            }
        }
    }

    static final Map<String, String> DATEPARTS = new TreeMap<>();

    static {
        String[][] parts = {{"year", "yy", "yyyy"}, {"quarter", "qq", "q"}, {"month", "mm", "m"},
            {"dayofyear", "dy", "y"}, {"day", "dd", "d"}, {"week", "wk", "ww"}, {"weekday", "dw", "w"},
            {"hour", "hh"}, {"minute", "mi", "n"}, {"second", "ss", "s"}, {"millisecond", "ms"},
            {"microsecond", "mcs"}, {"nanosecond", "ns"}, {"iso_week", "isowk", "isoww"}};
        for (String[] p : parts) {
            for (String alias : p) {
                DATEPARTS.put(alias, p[0]);
            }
        }
    }

    private final QueryConverter converter;
    private final Map<String, Rule> rules = new TreeMap<>();

    BuiltinFunctions(QueryConverter converter) {
        this.converter = converter;
        register();
    }

    /** The names of all SQL Server functions with a rule, for reports and tests. */
    Set<String> names() {
        Set<String> all = new java.util.TreeSet<>(rules.keySet());
        // the conversions are Expr.Cast nodes, translated by Conversions and the converter's cast
        all.addAll(Conversions.NAMES);
        all.addAll(TABLE_VALUED);
        return Collections.unmodifiableSet(all);
    }

    Typed call(Expr.FunctionCall f, QueryConverter.Scope scope) {
        Call c = new Call(f, scope);
        Rule rule = f.name().parts().size() > 1 ? null : rules.get(c.name);
        if (rule == null) {
            var inlined = converter.inline(f, scope);
            if (inlined.isPresent()) {
                return inlined.get();
            }
        }
        if (f.name().parts().size() > 1) {
            throw Untranslated.construct(f.pos(), "user-defined function " + String.join(".", f.name().parts()));
        }
        if (rule == null) {
            throw new Untranslated(Untranslated.FUNCTION, f.pos(), c.name + " has no translation rule");
        }
        if (!f.withinGroup().isEmpty() && !c.name.equals("STRING_AGG") && !c.name.startsWith("APPROX_PERCENTILE")) {
            throw c.fail("WITHIN GROUP");
        }
        Typed t = rule.apply(c);
        if (f.over().isPresent()) {
            if (!WINDOWED.contains(c.name) && !AGGREGATES.contains(c.name)) {
                throw c.fail("OVER on a function that is not an aggregate or window function");
            }
            return new Typed(windowed(c, t.node()), t.type());
        }
        return t;
    }

    /** Puts OVER on the aggregate inside the casts a rule wrapped around it. */
    private SqlNode windowed(Call c, SqlNode node) {
        if (node instanceof org.apache.calcite.sql.SqlBasicCall call && call.getOperator().isAggregator()) {
            return converter.window(c.f, node, c.scope).orElseThrow();
        }
        if (node instanceof org.apache.calcite.sql.SqlBasicCall call && call.operandCount() > 0) {
            List<SqlNode> ops = new ArrayList<>(call.getOperandList());
            for (int i = 0; i < ops.size(); i++) {
                if (ops.get(i) instanceof org.apache.calcite.sql.SqlBasicCall inner && containsAggregate(inner)) {
                    ops.set(i, windowed(c, inner));
                    return Sql.call(call.getOperator(), ops);
                }
            }
        }
        throw c.fail("OVER");
    }

    private static boolean containsAggregate(org.apache.calcite.sql.SqlBasicCall call) {
        if (call.getOperator().isAggregator()) {
            return true;
        }
        return call.getOperandList().stream().anyMatch(o -> o instanceof org.apache.calcite.sql.SqlBasicCall b
                && containsAggregate(b));
    }

    private static final Set<String> WINDOWED = Set.of("ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE", "LAG", "LEAD",
            "FIRST_VALUE", "LAST_VALUE", "CUME_DIST", "PERCENT_RANK");
    private static final Set<String> AGGREGATES = Set.of("COUNT", "COUNT_BIG", "SUM", "AVG", "MIN", "MAX",
            "STDEV", "STDEVP", "VAR", "VARP", "STRING_AGG");

    static boolean isNull(Typed t) {
        return t.node() instanceof SqlLiteral l && l.getTypeName() == org.apache.calcite.sql.type.SqlTypeName.NULL;
    }

    static SqlNode interval(int n, String unit) {
        return Sql.call(SqlStdOperatorTable.CAST, Sql.string(n + " " + unit.toLowerCase(Locale.ROOT)),
                QueryConverter.typeSpec("interval"));
    }

    private SqlNode cast(SqlNode node, DataType type) {
        return converter.cast(node, type);
    }

    private static SqlNode caseWhen(SqlNode condition, SqlNode then, SqlNode otherwise) {
        return new SqlCase(P, null, SqlNodeList.of(condition), SqlNodeList.of(then), otherwise);
    }

    private void register() {
        // ---- null handling and logic
        rules.put("ISNULL", c -> {
            c.arity(2, 2);
            Typed a = c.arg(0);
            Typed b = c.arg(1);
            SqlNode second = SqlServerTypes.known(a.type()) && !a.type().equals(b.type()) && !isNull(b)
                    ? cast(converter.coerced(b, c.f.arguments().get(1), a.type()).node(), a.type()) : b.node();
            return new Typed(Sql.fn("coalesce", a.node(), second), a.type());
        });
        rules.put("COALESCE", c -> {
            List<SqlNode> args = new ArrayList<>();
            DataType type = SqlServerTypes.UNKNOWN;
            for (int i = 0; i < c.count(); i++) {
                Typed t = c.arg(i);
                args.add(t.node());
                type = SqlServerTypes.higher(type, t.type());
            }
            return new Typed(Sql.fn("coalesce", args), type);
        });
        rules.put("NULLIF", c -> {
            c.arity(2, 2);
            Typed a = c.arg(0);
            return new Typed(Sql.fn("nullif", a.node(), converter.coerced(c.arg(1), c.f.arguments().get(1),
                    a.type()).node()), a.type());
        });
        rules.put("IIF", c -> {
            c.arity(3, 3);
            Typed a = c.arg(1);
            Typed b = c.arg(2);
            return new Typed(caseWhen(converter.predicate(c.f.arguments().get(0), c.scope), a.node(), b.node()),
                    SqlServerTypes.higher(a.type(), b.type()));
        });
        rules.put("CHOOSE", c -> {
            Typed index = c.arg(0);
            List<SqlNode> whens = new ArrayList<>();
            List<SqlNode> thens = new ArrayList<>();
            DataType type = SqlServerTypes.UNKNOWN;
            for (int i = 1; i < c.count(); i++) {
                Typed t = c.arg(i);
                whens.add(Sql.integer(i));
                thens.add(t.node());
                type = SqlServerTypes.higher(type, t.type());
            }
            return new Typed(new SqlCase(P, index.node(), new SqlNodeList(whens, P), new SqlNodeList(thens, P), null),
                    type);
        });

        // ---- strings
        rules.put("LEN", c -> {
            c.arity(1, 1);
            return new Typed(Sql.fn("length", Sql.fn("rtrim", c.string(0).node())), SqlServerTypes.INT);
        });
        rules.put("DATALENGTH", c -> {
            c.arity(1, 1);
            Typed t = c.arg(0);
            if (SqlServerTypes.isFixedChar(t.type())) {
                int bytes = t.type().length().getAsInt() * (SqlServerTypes.isUnicode(t.type()) ? 2 : 1);
                return new Typed(caseWhen(Sql.isNull(t.node()), Sql.nullLiteral(), Sql.integer(bytes)),
                        SqlServerTypes.INT);
            }
            if (SqlServerTypes.isUnicode(t.type())) {
                // UTF-16: two bytes per character of the Basic Multilingual Plane
                return new Typed(Sql.times(Sql.integer(2), Sql.fn("char_length", t.node())), SqlServerTypes.INT);
            }
            if (SqlServerTypes.isString(t.type())) {
                return new Typed(Sql.fn("octet_length", t.node()), SqlServerTypes.INT);
            }
            throw c.fail("argument of type " + t.type());
        });
        rules.put("CHARINDEX", c -> {
            c.arity(2, 2);
            return new Typed(Sql.fn("strpos", c.string(1).node(), c.string(0).node()), SqlServerTypes.INT);
        });
        rules.put("PATINDEX", c -> {
            c.arity(2, 2);
            Expr pattern = c.f.arguments().get(0);
            String text = pattern instanceof Expr.Literal l && (l.kind() == Expr.LiteralKind.STRING
                    || l.kind() == Expr.LiteralKind.NATIONAL_STRING) ? QueryConverter.unquote(l.text()) : null;
            // '%text%' without wildcards inside is a plain search; patterns with _ or [...] are reported
            if (text == null || text.length() < 3 || !text.startsWith("%") || !text.endsWith("%")
                    || text.substring(1, text.length() - 1).matches(".*[%_\\[].*")) {
                throw c.fail("pattern other than '%text%'");
            }
            return new Typed(Sql.fn("strpos", c.string(1).node(), Sql.string(text.substring(1, text.length() - 1))),
                    SqlServerTypes.INT);
        });
        rules.put("LEFT", c -> stringFn(c, "left", 2));
        rules.put("RIGHT", c -> stringFn(c, "right", 2));
        rules.put("SUBSTRING", c -> stringFn(c, "substring", 3));
        rules.put("LTRIM", c -> stringFn(c, "ltrim", c.count()));
        rules.put("RTRIM", c -> stringFn(c, "rtrim", c.count()));
        rules.put("TRIM", c -> stringFn(c, "btrim", 1));
        rules.put("UPPER", c -> stringFn(c, "upper", 1));
        rules.put("LOWER", c -> stringFn(c, "lower", 1));
        rules.put("REVERSE", c -> stringFn(c, "reverse", 1));
        rules.put("REPLACE", c -> stringFn(c, "replace", 3));
        rules.put("TRANSLATE", c -> stringFn(c, "translate", 3));
        rules.put("REPLICATE", c -> {
            c.arity(2, 2);
            Typed s = c.string(0);
            SqlNode n = c.node(1);
            // SQL Server returns NULL for a negative count, PostgreSQL an empty string
            return new Typed(caseWhen(Sql.lt(n, Sql.integer(0)), Sql.nullLiteral(), Sql.fn("repeat", s.node(), n)),
                    SqlServerTypes.isUnicode(s.type()) ? SqlServerTypes.NVARCHAR : SqlServerTypes.VARCHAR);
        });
        rules.put("SPACE", c -> {
            c.arity(1, 1);
            SqlNode n = c.node(0);
            return new Typed(caseWhen(Sql.lt(n, Sql.integer(0)), Sql.nullLiteral(), Sql.fn("repeat", Sql.string(" "),
                    n)), SqlServerTypes.VARCHAR);
        });
        rules.put("STUFF", c -> {
            c.arity(4, 4);
            Typed s = c.string(0);
            SqlNode start = c.node(1);
            SqlNode length = c.node(2);
            Typed replacement = c.string(3);
            if (start instanceof SqlLiteral first && "1".equals(first.toValue()) && length instanceof SqlLiteral n
                    && n.getValue() instanceof java.math.BigDecimal count && count.signum() >= 0
                    && replacement.node() instanceof SqlLiteral && !isNull(replacement)
                    && !SqlServerTypes.isFixedChar(s.type())) {
                // STUFF(s, 1, n, r), the FOR XML idiom's form: r and s from n + 1 on; NULL for '' (start beyond it)
                SqlNode rest = Sql.fn("substr", Sql.fn("nullif", s.node(), Sql.string("")),
                        Sql.number(count.add(java.math.BigDecimal.ONE)));
                boolean empty = "".equals(((SqlLiteral) replacement.node()).toValue());
                return new Typed(empty ? rest : Sql.call(SqlStdOperatorTable.CONCAT, replacement.node(), rest),
                        s.type());
            }
            // NULL when start is outside the string or the length is negative, as documented
            SqlNode outside = Sql.or(Sql.or(Sql.lt(start, Sql.integer(1)), Sql.gt(start, Sql.fn("length", s.node()))),
                    Sql.lt(length, Sql.integer(0)));
            SqlNode overlay = Sql.call(SqlStdOperatorTable.OVERLAY, s.node(), Sql.fn("coalesce", replacement.node(),
                    Sql.string("")), start, length);
            return new Typed(caseWhen(outside, Sql.nullLiteral(), overlay), s.type());
        });
        rules.put("CONCAT", c -> {
            List<SqlNode> args = new ArrayList<>();
            for (int i = 0; i < c.count(); i++) {
                args.add(c.string(i).node());
            }
            return new Typed(Sql.fn("concat", args), SqlServerTypes.NVARCHAR);
        });
        rules.put("CONCAT_WS", c -> {
            List<SqlNode> args = new ArrayList<>();
            for (int i = 0; i < c.count(); i++) {
                args.add(c.string(i).node());
            }
            return new Typed(Sql.fn("concat_ws", args), SqlServerTypes.NVARCHAR);
        });
        rules.put("ASCII", c -> new Typed(Sql.fn("ascii", c.string(0).node()), SqlServerTypes.INT));
        rules.put("UNICODE", c -> new Typed(Sql.fn("ascii", c.string(0).node()), SqlServerTypes.INT));
        rules.put("CHAR", c -> new Typed(Sql.fn("chr", c.node(0)), DataType.withLength("char", 1)));
        rules.put("NCHAR", c -> new Typed(Sql.fn("chr", c.node(0)), DataType.withLength("nchar", 1)));
        rules.put("STRING_AGG", c -> {
            c.arity(2, 2);
            Typed s = c.string(0);
            DataType type = SqlServerTypes.isUnicode(s.type()) ? SqlServerTypes.NVARCHAR : SqlServerTypes.VARCHAR;
            if (!c.f.withinGroup().isEmpty()) {
                if (c.f.over().isPresent()) {
                    throw c.fail("WITHIN GROUP with OVER");
                }
                // the target dialect writes LISTAGG ... WITHIN GROUP as PostgreSQL's string_agg(x, sep ORDER BY k)
                SqlNodeList order = new SqlNodeList(P);
                c.f.withinGroup().forEach(o -> order.add(converter.ordered(o, c.scope)));
                return new Typed(Sql.call(SqlStdOperatorTable.WITHIN_GROUP, Sql.call(SqlStdOperatorTable.LISTAGG,
                        s.node(), c.string(1).node()), order), type);
            }
            return new Typed(Sql.fn("string_agg", s.node(), c.string(1).node()), type);
        });

        // ---- dates
        rules.put("GETDATE", c -> now(SqlServerTypes.DATETIME));
        rules.put("CURRENT_TIMESTAMP", c -> now(SqlServerTypes.DATETIME));
        rules.put("SYSDATETIME", c -> now(DataType.of("datetime2")));
        rules.put("GETUTCDATE", c -> new Typed(Sql.fn("timezone", Sql.string("UTC"),
                Sql.call(SqlStdOperatorTable.CURRENT_TIMESTAMP)), SqlServerTypes.DATETIME));
        rules.put("SYSUTCDATETIME", c -> new Typed(Sql.fn("timezone", Sql.string("UTC"),
                Sql.call(SqlStdOperatorTable.CURRENT_TIMESTAMP)), DataType.of("datetime2")));
        rules.put("SYSDATETIMEOFFSET", c -> new Typed(Sql.call(SqlStdOperatorTable.CURRENT_TIMESTAMP),
                DataType.of("datetimeoffset")));
        rules.put("YEAR", c -> datePart("year", dateArg(c, 0)));
        rules.put("MONTH", c -> datePart("month", dateArg(c, 0)));
        rules.put("DAY", c -> datePart("day", dateArg(c, 0)));
        rules.put("DATEPART", c -> {
            c.arity(2, 2);
            return datePart(c.datepart(0), dateArg(c, 1));
        });
        rules.put("DATENAME", c -> {
            c.arity(2, 2);
            String part = c.datepart(0);
            Typed d = dateArg(c, 1);
            // us_english names; the other parts are the number as text
            if (part.equals("month") || part.equals("weekday")) {
                return new Typed(Sql.fn("to_char", d.node(), Sql.string(part.equals("month") ? "FMMonth" : "FMDay")),
                        SqlServerTypes.NVARCHAR);
            }
            return new Typed(cast(datePart(part, d).node(), SqlServerTypes.NVARCHAR), SqlServerTypes.NVARCHAR);
        });
        rules.put("DATETRUNC", c -> {
            c.arity(2, 2);
            String part = c.datepart(0);
            Typed d = dateArg(c, 1);
            if (part.equals("week") || part.equals("weekday") || part.equals("dayofyear")
                    || part.equals("iso_week") || part.equals("nanosecond")) {
                throw c.fail("datepart " + part);
            }
            String field = part.equals("millisecond") ? "milliseconds" : part.equals("microsecond") ? "microseconds"
                    : part;
            return new Typed(cast(Sql.fn("date_trunc", Sql.string(field), d.node()), d.type()), d.type());
        });
        rules.put("DATETIMEFROMPARTS", c -> {
            c.arity(7, 7);
            SqlNode seconds = Sql.plus(c.node(5), Sql.divide(c.node(6), Sql.number(new java.math.BigDecimal("1000.0"))));
            return new Typed(cast(Sql.fn("make_timestamp", c.node(0), c.node(1), c.node(2), c.node(3), c.node(4),
                    seconds), SqlServerTypes.DATETIME), SqlServerTypes.DATETIME);
        });
        rules.put("CURRENT_DATE", c -> new Typed(Sql.call(SqlStdOperatorTable.CURRENT_DATE), SqlServerTypes.DATE));
        rules.put("DATEADD", c -> {
            c.arity(3, 3);
            String part = c.datepart(0);
            Typed n = c.arg(1);
            Typed d = dateArg(c, 2);
            if (!SqlServerTypes.isInteger(n.type())) {
                throw c.fail("a number of " + part + "s that is not an integer");
            }
            String unit = switch (part) {
                case "year" -> "YEAR";
                case "quarter", "month" -> "MONTH";
                case "dayofyear", "day", "weekday" -> "DAY";
                case "week" -> "WEEK";
                case "hour" -> "HOUR";
                case "minute" -> "MINUTE";
                case "second" -> "SECOND";
                default -> throw c.fail("datepart " + part);
            };
            SqlNode amount = part.equals("quarter") ? Sql.times(n.node(), Sql.integer(3)) : n.node();
            SqlNode sum = Sql.plus(d.node(), Sql.times(amount, interval(1, unit)));
            // date + interval is a timestamp in PostgreSQL; SQL Server keeps the argument's type
            return new Typed(cast(sum, d.type()), d.type());
        });
        rules.put("DATEDIFF", c -> {
            c.arity(3, 3);
            return new Typed(dateDiff(c, c.datepart(0), dateArg(c, 1).node(), dateArg(c, 2).node()),
                    SqlServerTypes.INT);
        });
        rules.put("DATEDIFF_BIG", c -> {
            c.arity(3, 3);
            SqlNode diff = dateDiff(c, c.datepart(0), dateArg(c, 1).node(), dateArg(c, 2).node());
            // dateDiff casts to integer; the big variant's range is bigint
            SqlNode inner = ((org.apache.calcite.sql.SqlBasicCall) diff).operand(0);
            return new Typed(cast(inner, SqlServerTypes.BIGINT), SqlServerTypes.BIGINT);
        });
        rules.put("FORMAT", c -> {
            c.arity(2, 2);
            Typed value = c.arg(0);
            Expr format = c.f.arguments().get(1);
            String pattern = format instanceof Expr.Literal l && (l.kind() == Expr.LiteralKind.STRING
                    || l.kind() == Expr.LiteralKind.NATIONAL_STRING) ? QueryConverter.unquote(l.text()) : null;
            if (pattern == null || !SqlServerTypes.isDateTime(value.type())) {
                throw c.fail("only literal date patterns are translated");
            }
            return new Typed(Sql.fn("to_char", value.node(), Sql.string(dateTemplate(c, pattern))),
                    SqlServerTypes.NVARCHAR);
        });
        rules.put("EOMONTH", c -> {
            c.arity(1, 2);
            SqlNode d = c.count() == 2 ? Sql.plus(dateArg(c, 0).node(), Sql.times(c.node(1), interval(1, "MONTH")))
                    : dateArg(c, 0).node();
            SqlNode end = Sql.minus(Sql.plus(Sql.fn("date_trunc", Sql.string("month"), d), interval(1, "MONTH")),
                    interval(1, "DAY"));
            return new Typed(cast(end, SqlServerTypes.DATE), SqlServerTypes.DATE);
        });
        rules.put("DATEFROMPARTS", c -> {
            c.arity(3, 3);
            return new Typed(Sql.fn("make_date", c.node(0), c.node(1), c.node(2)), SqlServerTypes.DATE);
        });
        rules.put("SMALLDATETIMEFROMPARTS", c -> {
            c.arity(5, 5);
            return new Typed(Sql.fn("make_timestamp", c.node(0), c.node(1), c.node(2), c.node(3), c.node(4),
                    Sql.integer(0)), DataType.of("smalldatetime"));
        });

        // ---- math
        rules.put("ABS", c -> sameType(c, "abs"));
        rules.put("CEILING", c -> sameType(c, "ceil"));
        rules.put("FLOOR", c -> sameType(c, "floor"));
        rules.put("SIGN", c -> {
            Typed t = c.arg(0);
            SqlNode sign = Sql.fn("sign", t.node());
            return new Typed(SqlServerTypes.isInteger(t.type()) ? cast(sign, t.type()) : sign, t.type());
        });
        for (String[] f : new String[][] {{"SQRT", "sqrt"}, {"EXP", "exp"}, {"LOG10", "log10"}, {"SIN", "sin"},
            {"COS", "cos"}, {"TAN", "tan"}, {"ASIN", "asin"}, {"ACOS", "acos"}, {"ATAN", "atan"}, {"COT", "cot"},
            {"DEGREES", "degrees"}, {"RADIANS", "radians"}}) {
            rules.put(f[0], c -> {
                c.arity(1, 1);
                return new Typed(Sql.fn(f[1], toFloat(c.arg(0))), SqlServerTypes.FLOAT);
            });
        }
        rules.put("ATN2", c -> new Typed(Sql.fn("atan2", toFloat(c.arg(0)), toFloat(c.arg(1))), SqlServerTypes.FLOAT));
        rules.put("LOG", c -> {
            c.arity(1, 2);
            if (c.count() == 2) {
                // PostgreSQL's log(base, x) is numeric only: ln(x) / ln(base) stays in float like SQL Server
                return new Typed(Sql.divide(Sql.fn("ln", toFloat(c.arg(0))), Sql.fn("ln", toFloat(c.arg(1)))),
                        SqlServerTypes.FLOAT);
            }
            return new Typed(Sql.fn("ln", toFloat(c.arg(0))), SqlServerTypes.FLOAT);
        });
        rules.put("PI", c -> new Typed(Sql.fn("pi"), SqlServerTypes.FLOAT));
        rules.put("SQUARE", c -> {
            SqlNode x = toFloat(c.arg(0));
            return new Typed(Sql.times(x, x), SqlServerTypes.FLOAT);
        });
        rules.put("POWER", c -> {
            c.arity(2, 2);
            Typed x = c.arg(0);
            SqlNode p = Sql.fn("power", x.node(), c.node(1));
            if (SqlServerTypes.isInteger(x.type())) {
                // the result has the type of the first argument, and SQL Server truncates to it
                return new Typed(cast(Sql.fn("trunc", p), x.type()), x.type());
            }
            if (SqlServerTypes.isApproximate(x.type())) {
                return new Typed(Sql.fn("power", toFloat(x), toFloat(c.arg(1))), SqlServerTypes.FLOAT);
            }
            throw c.fail("POWER of " + x.type());
        });
        rules.put("ROUND", c -> {
            c.arity(2, 3);
            Typed x = c.arg(0);
            SqlNode digits = c.node(1);
            boolean truncate = c.count() == 3 && !(c.node(2) instanceof SqlLiteral l
                    && "0".equals(l.toValue()));
            if (c.count() == 3 && !(c.node(2) instanceof SqlLiteral)) {
                throw c.fail("a computed function argument");
            }
            if (!SqlServerTypes.isNumeric(x.type())) {
                throw c.fail("argument of type " + x.type());
            }
            SqlNode numeric = SqlServerTypes.isApproximate(x.type()) || SqlServerTypes.isInteger(x.type())
                    ? cast(x.node(), DataType.withPrecision("decimal", 38, 10)) : x.node();
            SqlNode rounded = Sql.fn(truncate ? "trunc" : "round", numeric, digits);
            // SQL Server keeps the argument's type (and scale): ROUND(2.456 money, 1) is 2.5000
            return new Typed(SqlServerTypes.known(x.type()) && !x.type().name().equals("decimal")
                    || x.type().precision().isPresent() ? cast(rounded, x.type()) : rounded, x.type());
        });
        rules.put("RAND", c -> {
            if (c.count() > 0) {
                throw c.fail("a seed");
            }
            return new Typed(Sql.fn("random"), SqlServerTypes.FLOAT);
        });

        // ---- aggregates
        rules.put("COUNT", c -> new Typed(cast(count(c), SqlServerTypes.INT), SqlServerTypes.INT));
        rules.put("COUNT_BIG", c -> new Typed(count(c), SqlServerTypes.BIGINT));
        rules.put("SUM", c -> {
            Typed x = c.arg(0);
            String b = SqlServerTypes.base(x.type());
            if (SqlServerTypes.isInteger(x.type()) && !b.equals("bigint")) {
                // SUM of tinyint/smallint/int is an int in SQL Server, a bigint in PostgreSQL
                return new Typed(cast(aggregate(c, SqlStdOperatorTable.SUM, x.node()), SqlServerTypes.INT),
                        SqlServerTypes.INT);
            }
            if (SqlServerTypes.isApproximate(x.type())) {
                return new Typed(aggregate(c, SqlStdOperatorTable.SUM, toFloat(x)), SqlServerTypes.FLOAT);
            }
            if (!SqlServerTypes.isNumeric(x.type())) {
                throw c.fail("argument of type " + x.type());
            }
            DataType type = b.equals("decimal") || b.equals("numeric") ? DataType.withPrecision("decimal", 38,
                    x.type().scale().orElse(0)) : b.equals("smallmoney") ? SqlServerTypes.MONEY : x.type();
            return new Typed(aggregate(c, SqlStdOperatorTable.SUM, x.node()), type);
        });
        rules.put("AVG", c -> {
            Typed x = c.arg(0);
            if (SqlServerTypes.isInteger(x.type())) {
                // AVG(int) is an int in SQL Server: the integer part of the average
                return new Typed(cast(Sql.fn("trunc", aggregate(c, SqlStdOperatorTable.AVG, x.node())), x.type()),
                        x.type());
            }
            if (SqlServerTypes.isApproximate(x.type())) {
                return new Typed(aggregate(c, SqlStdOperatorTable.AVG, toFloat(x)), SqlServerTypes.FLOAT);
            }
            String b = SqlServerTypes.base(x.type());
            if (b.equals("money") || b.equals("smallmoney")) {
                return new Typed(cast(aggregate(c, SqlStdOperatorTable.AVG, x.node()), SqlServerTypes.MONEY),
                        SqlServerTypes.MONEY);
            }
            throw c.fail("AVG of " + x.type() + " (decimal division scale)");
        });
        rules.put("MIN", c -> {
            Typed x = c.arg(0);
            return new Typed(aggregate(c, SqlStdOperatorTable.MIN, x.node()), x.type());
        });
        rules.put("MAX", c -> {
            Typed x = c.arg(0);
            return new Typed(aggregate(c, SqlStdOperatorTable.MAX, x.node()), x.type());
        });
        rules.put("STDEV", c -> new Typed(aggregate(c, SqlStdOperatorTable.STDDEV_SAMP, toFloat(c.arg(0))),
                SqlServerTypes.FLOAT));
        rules.put("STDEVP", c -> new Typed(aggregate(c, SqlStdOperatorTable.STDDEV_POP, toFloat(c.arg(0))),
                SqlServerTypes.FLOAT));
        rules.put("VAR", c -> new Typed(aggregate(c, SqlStdOperatorTable.VAR_SAMP, toFloat(c.arg(0))),
                SqlServerTypes.FLOAT));
        rules.put("VARP", c -> new Typed(aggregate(c, SqlStdOperatorTable.VAR_POP, toFloat(c.arg(0))),
                SqlServerTypes.FLOAT));
        rules.put("GROUPING", c -> new Typed(Sql.call(SqlStdOperatorTable.GROUPING, c.node(0)),
                DataType.of("tinyint")));

        // ---- window functions (OVER is added by the caller)
        rules.put("ROW_NUMBER", c -> new Typed(Sql.call(SqlStdOperatorTable.ROW_NUMBER), SqlServerTypes.BIGINT));
        rules.put("RANK", c -> new Typed(Sql.call(SqlStdOperatorTable.RANK), SqlServerTypes.BIGINT));
        rules.put("DENSE_RANK", c -> new Typed(Sql.call(SqlStdOperatorTable.DENSE_RANK), SqlServerTypes.BIGINT));
        rules.put("CUME_DIST", c -> new Typed(Sql.call(SqlStdOperatorTable.CUME_DIST), SqlServerTypes.FLOAT));
        rules.put("PERCENT_RANK", c -> new Typed(Sql.call(SqlStdOperatorTable.PERCENT_RANK), SqlServerTypes.FLOAT));
        rules.put("NTILE", c -> new Typed(Sql.call(SqlStdOperatorTable.NTILE, c.node(0)), SqlServerTypes.BIGINT));
        rules.put("LAG", c -> offsetFn(c, SqlStdOperatorTable.LAG));
        rules.put("LEAD", c -> offsetFn(c, SqlStdOperatorTable.LEAD));
        rules.put("FIRST_VALUE", c -> {
            Typed x = c.arg(0);
            return new Typed(Sql.call(SqlStdOperatorTable.FIRST_VALUE, x.node()), x.type());
        });
        rules.put("LAST_VALUE", c -> {
            Typed x = c.arg(0);
            return new Typed(Sql.call(SqlStdOperatorTable.LAST_VALUE, x.node()), x.type());
        });

        rules.put("GREATEST", c -> extreme(c, "greatest"));
        rules.put("LEAST", c -> extreme(c, "least"));
        // the exact distinct count is within APPROX_COUNT_DISTINCT's documented error bound
        rules.put("APPROX_COUNT_DISTINCT", c -> {
            c.arity(1, 1);
            return new Typed(SqlStdOperatorTable.COUNT.createCall(SqlSelectKeyword.DISTINCT.symbol(P), P, c.node(0)),
                    SqlServerTypes.BIGINT);
        });
        rules.put("QUOTENAME", c -> {
            c.arity(1, 1);
            Typed s = c.string(0);
            // [name] with ] doubled; NULL for input longer than 128 characters, as documented
            SqlNode quoted = Sql.call(SqlStdOperatorTable.CONCAT, Sql.call(SqlStdOperatorTable.CONCAT,
                    Sql.string("["), Sql.fn("replace", s.node(), Sql.string("]"), Sql.string("]]"))), Sql.string("]"));
            return new Typed(caseWhen(Sql.gt(Sql.fn("length", s.node()), Sql.integer(128)), Sql.nullLiteral(), quoted),
                    SqlServerTypes.NVARCHAR);
        });
        rules.put("STR", c -> {
            c.arity(1, 3);
            Typed x = c.arg(0);
            if (!SqlServerTypes.isNumeric(x.type())) {
                throw c.fail("argument of type " + x.type());
            }
            SqlNode length = c.count() > 1 ? c.node(1) : Sql.integer(10);
            SqlNode decimals = c.count() > 2 ? c.node(2) : Sql.integer(0);
            SqlNode text = cast(Sql.fn("round", cast(toFloat(x), DataType.withPrecision("decimal", 38, 16)), decimals),
                    SqlServerTypes.VARCHAR);
            // right-aligned in `length` characters, all stars when the number does not fit
            return new Typed(caseWhen(Sql.gt(Sql.fn("length", text), length), Sql.fn("repeat", Sql.string("*"), length),
                    Sql.fn("lpad", text, length)), SqlServerTypes.VARCHAR);
        });

        // ---- system
        rules.put("NEWID", c -> new Typed(Sql.fn("gen_random_uuid"), DataType.of("uniqueidentifier")));
        registerMore();
        registerAdded();
        registerReported();
    }

    /** The names of the functions that are translated, without the ones that are in the table only to report. */
    Set<String> translated() {
        Set<String> t = new java.util.TreeSet<>(names());
        t.removeAll(reported.keySet());
        return Collections.unmodifiableSet(t);
    }

    /** The functions in the table that are always reported with {@code MSSQL-UNTRANSLATED-FUNCTION}, and why. */
    Map<String, String> reported() {
        return Collections.unmodifiableMap(reported);
    }

    private final Map<String, String> reported = new TreeMap<>();

    private void report(String name, String why) {
        reported.put(name, why);
        rules.put(name, c -> {
            throw c.fail(why);
        });
    }

    private void registerMore() {
        // ---- names of the session: niladic forms and the no-argument calls; with an id argument they are reported
        rules.put("CURRENT_USER", c -> niladic(c, SqlStdOperatorTable.CURRENT_USER));
        rules.put("USER", c -> niladic(c, SqlStdOperatorTable.CURRENT_USER));
        rules.put("USER_NAME", c -> niladic(c, SqlStdOperatorTable.CURRENT_USER));
        rules.put("SESSION_USER", c -> niladic(c, SqlStdOperatorTable.SESSION_USER));
        // the login: PostgreSQL's session user (SYSTEM_USER only exists from PostgreSQL 16)
        rules.put("SYSTEM_USER", c -> niladic(c, SqlStdOperatorTable.SESSION_USER));
        rules.put("SUSER_NAME", c -> niladic(c, SqlStdOperatorTable.SESSION_USER));
        rules.put("SUSER_SNAME", c -> niladic(c, SqlStdOperatorTable.SESSION_USER));
        rules.put("ORIGINAL_LOGIN", c -> niladic(c, SqlStdOperatorTable.SESSION_USER));
        rules.put("DB_NAME", c -> {
            c.arity(0, 0);
            return new Typed(Sql.fn("current_database"), SqlServerTypes.NVARCHAR);
        });
        rules.put("SCHEMA_NAME", c -> {
            c.arity(0, 0);
            return new Typed(Sql.fn("current_schema"), SqlServerTypes.NVARCHAR);
        });
        rules.put("APP_NAME", c -> {
            c.arity(0, 0);
            return new Typed(Sql.fn("current_setting", Sql.string("application_name")), SqlServerTypes.NVARCHAR);
        });

        // ---- JSON (lax paths of member names and array indexes; strict mode is reported)
        rules.put("JSON_VALUE", c -> {
            c.arity(2, 2);
            SqlNode json = castTo(c.string(0).node(), "json");
            List<SqlNode> path = jsonPath(c, 1);
            if (path.isEmpty()) {
                throw c.fail("path '$' (a scalar document)");
            }
            SqlNode text = Sql.fn("json_extract_path_text", prepend(json, path));
            SqlNode kind = Sql.fn("json_typeof", Sql.fn("json_extract_path", prepend(json, path)));
            // lax mode: NULL for an object or an array, and for a value longer than nvarchar(4000)
            SqlNode notScalar = Sql.or(Sql.or(Sql.eq(kind, Sql.string("object")), Sql.eq(kind, Sql.string("array"))),
                    Sql.gt(Sql.fn("length", text), Sql.integer(4000)));
            return new Typed(caseWhen(notScalar, Sql.nullLiteral(), text), SqlServerTypes.NVARCHAR);
        });
        rules.put("JSON_QUERY", c -> {
            c.arity(1, 2);
            SqlNode json = castTo(c.string(0).node(), "json");
            List<SqlNode> path = c.count() == 2 ? jsonPath(c, 1) : List.of();
            SqlNode value = path.isEmpty() ? json : Sql.fn("json_extract_path", prepend(json, path));
            SqlNode kind = Sql.fn("json_typeof", value);
            // lax mode: the object or array as text, NULL for a scalar
            SqlNode fragment = Sql.or(Sql.eq(kind, Sql.string("object")), Sql.eq(kind, Sql.string("array")));
            return new Typed(caseWhen(fragment, castTo(value, "text"), Sql.nullLiteral()),
                    DataType.withMaxLength("nvarchar"));
        });
        rules.put("STRING_ESCAPE", c -> {
            c.arity(2, 2);
            String type = literalString(c, 1);
            if (type == null || !type.equalsIgnoreCase("json")) {
                throw c.fail("type other than 'json'");
            }
            Typed s = c.string(0);
            // to_json escapes quote, backslash and control characters as SQL Server does; SQL Server also escapes /
            SqlNode quoted = castTo(Sql.fn("to_json", castTo(s.node(), "text")), "text");
            SqlNode inner = Sql.fn("left", Sql.fn("substr", quoted, Sql.integer(2)), Sql.integer(-1));
            return new Typed(Sql.fn("replace", inner, Sql.string("/"), Sql.string("\\/")), SqlServerTypes.NVARCHAR);
        });

        // ---- hashing: bytes of varchar in the Latin-1 code page (CP1252), the default collations' code page
        rules.put("HASHBYTES", c -> {
            c.arity(2, 2);
            String algorithm = literalString(c, 0);
            Typed x = c.arg(1);
            SqlNode bytes;
            String b = SqlServerTypes.base(x.type());
            if (b.equals("varbinary") || b.equals("binary")) {
                bytes = x.node();
            } else if (SqlServerTypes.isString(x.type()) && !SqlServerTypes.isUnicode(x.type())) {
                SqlNode text = SqlServerTypes.isFixedChar(x.type())
                        ? Sql.fn("rpad", x.node(), Sql.integer(x.type().length().getAsInt())) : x.node();
                bytes = Sql.fn("convert_to", text, Sql.string("WIN1252"));
            } else {
                throw c.fail("input of type " + x.type() + " (UTF-16 bytes)");
            }
            String a = algorithm == null ? "" : algorithm.toUpperCase(Locale.ROOT);
            SqlNode hash = switch (a) {
                case "MD5" -> Sql.fn("decode", Sql.fn("md5", bytes), Sql.string("hex"));
                case "SHA2_256" -> Sql.fn("sha256", bytes);
                case "SHA2_512" -> Sql.fn("sha512", bytes);
                default -> throw c.fail("algorithm " + algorithm + " (needs pgcrypto)");
            };
            return new Typed(hash, DataType.withLength("varbinary", 8000));
        });

        // ---- dates
        rules.put("DATETIME2FROMPARTS", c -> {
            c.arity(8, 8);
            int p = literalInt(c, 7, 6);
            DataType type = SqlServerTypes.parse("datetime2", List.of(Integer.toString(p)));
            SqlNode seconds = Sql.plus(c.node(5), Sql.divide(c.node(6), tenTo(p)));
            return new Typed(cast(Sql.fn("make_timestamp", c.node(0), c.node(1), c.node(2), c.node(3), c.node(4),
                    seconds), type), type);
        });
        rules.put("TIMEFROMPARTS", c -> {
            c.arity(5, 5);
            int p = literalInt(c, 4, 6);
            DataType type = SqlServerTypes.parse("time", List.of(Integer.toString(p)));
            SqlNode seconds = Sql.plus(c.node(2), Sql.divide(c.node(3), tenTo(p)));
            return new Typed(cast(Sql.fn("make_time", c.node(0), c.node(1), seconds), type), type);
        });
        rules.put("DATE_BUCKET", c -> {
            c.arity(3, 4);
            String part = c.datepart(0);
            String unit = switch (part) {
                case "week" -> "WEEK";
                case "day" -> "DAY";
                case "hour" -> "HOUR";
                case "minute" -> "MINUTE";
                case "second" -> "SECOND";
                case "millisecond" -> "MILLISECOND";
                // months and years are not fixed intervals: date_bin cannot bucket them
                default -> throw c.fail("datepart " + part);
            };
            Typed n = c.arg(1);
            if (!SqlServerTypes.isInteger(n.type())) {
                throw c.fail("a bucket width that is not an integer");
            }
            Typed d = dateArg(c, 2);
            if (SqlServerTypes.base(d.type()).equals("datetimeoffset")) {
                throw c.fail("datetimeoffset argument");
            }
            // the default origin is 1900-01-01 00:00:00.000
            SqlNode origin = c.count() == 4 ? castTo(dateArg(c, 3).node(), "timestamp")
                    : castTo(Sql.string("1900-01-01 00:00:00"), "timestamp");
            SqlNode bucket = Sql.fn("date_bin", Sql.times(n.node(), interval(1, unit)), castTo(d.node(), "timestamp"),
                    origin);
            return new Typed(cast(bucket, d.type()), d.type());
        });

        // ---- bits and grouping
        rules.put("BIT_COUNT", c -> {
            c.arity(1, 1);
            Typed x = c.arg(0);
            String b = SqlServerTypes.base(x.type());
            // the bits of the two's complement in the argument's width
            SqlNode bits = switch (b) {
                case "bigint" -> castTo(x.node(), "bit(64)");
                case "int" -> castTo(x.node(), "bit(32)");
                case "smallint" -> castTo(cast(x.node(), SqlServerTypes.INT), "bit(16)");
                case "tinyint" -> castTo(cast(x.node(), SqlServerTypes.INT), "bit(8)");
                default -> throw c.fail("argument of type " + x.type());
            };
            return new Typed(Sql.fn("bit_count", bits), SqlServerTypes.BIGINT);
        });
        rules.put("LEFT_SHIFT", c -> shift(c, "bitshiftleft"));
        rules.put("RIGHT_SHIFT", c -> shift(c, "bitshiftright"));
        rules.put("GET_BIT", c -> bitAt(c, false));
        rules.put("SET_BIT", c -> bitAt(c, true));
        rules.put("GROUPING_ID", c -> {
            List<SqlNode> args = new ArrayList<>();
            for (int i = 0; i < c.count(); i++) {
                args.add(c.node(i));
            }
            // PostgreSQL's GROUPING of several columns is the same bit mask
            return new Typed(Sql.call(SqlStdOperatorTable.GROUPING, args), SqlServerTypes.INT);
        });
    }

    /** Literal REGEXP_* flags: SQL Server's i, c, s and m. */
    private static String regexFlags(Call c, int i) {
        if (c.count() <= i) {
            return "c";
        }
        String flags = literalString(c, i);
        if (flags == null || !flags.matches("[icsm]*")) {
            throw c.fail("flags other than a literal of i, c, s and m");
        }
        return flags;
    }

    /** A literal RE2 pattern rewritten for PostgreSQL, or the reason it cannot be. */
    private static SqlNode regexPattern(Call c, int i, String flags, boolean fixedLength) {
        String pattern = literalString(c, i);
        if (pattern == null) {
            throw c.fail("a computed pattern (RE2 and PostgreSQL patterns differ; only literals are rewritten)");
        }
        RegexPatterns.Result r = RegexPatterns.toPostgres(pattern, flags, fixedLength);
        return Sql.string(r.pattern().orElseThrow(() -> c.fail("pattern '" + pattern + "': " + r.refusal())));
    }

    private SqlNode argOr(Call c, int i, SqlNode otherwise) {
        return c.count() > i ? c.node(i) : otherwise;
    }

    private void registerAdded() {
        // ---- regular expressions (SQL Server 2025, RE2): PostgreSQL 15's regexp_* functions take the same arguments
        rules.put("REGEXP_LIKE", c -> {
            c.arity(2, 3);
            SqlNode pattern = regexPattern(c, 1, regexFlags(c, 2), false);
            return new Typed(Sql.call(SqlStdOperatorTable.POSIX_REGEX_CASE_SENSITIVE, c.string(0).node(), pattern),
                    SqlServerTypes.BIT);
        });
        rules.put("REGEXP_COUNT", c -> {
            c.arity(2, 4);
            SqlNode pattern = regexPattern(c, 1, regexFlags(c, 3), true);
            return new Typed(Sql.fn("regexp_count", c.string(0).node(), pattern, argOr(c, 2, Sql.integer(1))),
                    SqlServerTypes.INT);
        });
        rules.put("REGEXP_INSTR", c -> {
            c.arity(2, 7);
            SqlNode pattern = regexPattern(c, 1, regexFlags(c, 5), true);
            List<SqlNode> args = new ArrayList<>(List.of(c.string(0).node(), pattern, argOr(c, 2, Sql.integer(1)),
                    argOr(c, 3, Sql.integer(1)), argOr(c, 4, Sql.integer(0))));
            if (c.count() == 7) {
                args.add(Sql.string(""));
                args.add(c.node(6));
            }
            return new Typed(Sql.fn("regexp_instr", args), SqlServerTypes.INT);
        });
        rules.put("REGEXP_SUBSTR", c -> {
            c.arity(2, 6);
            Typed s = c.string(0);
            SqlNode pattern = regexPattern(c, 1, regexFlags(c, 4), true);
            List<SqlNode> args = new ArrayList<>(List.of(s.node(), pattern, argOr(c, 2, Sql.integer(1)),
                    argOr(c, 3, Sql.integer(1))));
            if (c.count() == 6) {
                args.add(Sql.string(""));
                args.add(c.node(5));
            }
            return new Typed(Sql.fn("regexp_substr", args), SqlServerTypes.isUnicode(s.type())
                    ? SqlServerTypes.NVARCHAR : SqlServerTypes.VARCHAR);
        });
        rules.put("REGEXP_REPLACE", c -> {
            c.arity(2, 6);
            Typed s = c.string(0);
            SqlNode pattern = regexPattern(c, 1, regexFlags(c, 5), true);
            String replacement = c.count() > 2 ? literalString(c, 2) : "";
            if (replacement == null) {
                throw c.fail("a computed replacement");
            }
            String target = RegexPatterns.replacement(replacement).orElseThrow(() -> c.fail("replacement '"
                    + replacement + "' (escapes other than \\1 to \\9 and \\\\)"));
            // occurrence 0, the default, replaces every match, as PostgreSQL's N = 0 does
            return new Typed(Sql.fn("regexp_replace", s.node(), pattern, Sql.string(target),
                    argOr(c, 3, Sql.integer(1)), argOr(c, 4, Sql.integer(0))), SqlServerTypes.isUnicode(s.type())
                    ? SqlServerTypes.NVARCHAR : SqlServerTypes.VARCHAR);
        });

        // ---- JSON constructors (SQL Server 2022): the text SQL Server writes, compact, escaped as FOR JSON escapes
        rules.put("JSON_ARRAY", c -> {
            List<Expr> args = new ArrayList<>(c.f.arguments());
            boolean nullOnNull = jsonNullClause(args).orElse(false);
            List<SqlNode> items = new ArrayList<>();
            for (Expr a : args) {
                SqlNode v = jsonValue(c, a);
                items.add(nullOnNull ? Sql.fn("coalesce", v, Sql.string("null")) : v);
            }
            return new Typed(jsonText("[", items, "]"), DataType.withMaxLength("nvarchar"));
        });
        rules.put("JSON_OBJECT", c -> {
            List<Expr> args = new ArrayList<>(c.f.arguments());
            boolean nullOnNull = jsonNullClause(args).orElse(true);
            List<SqlNode> members = new ArrayList<>();
            for (Expr a : args) {
                if (!(a instanceof Expr.Binary b) || !b.operator().equals(":")) {
                    throw c.fail("an argument that is not key:value");
                }
                Typed key = converter.value(b.left(), c.scope);
                if (!SqlServerTypes.isString(key.type())) {
                    throw c.fail("a key of type " + key.type());
                }
                SqlNode v = jsonValue(c, b.right());
                SqlNode value = nullOnNull ? Sql.fn("coalesce", v, Sql.string("null")) : v;
                // ABSENT ON NULL: the member is NULL, and concat_ws leaves it out
                String literalKey = b.left() instanceof Expr.Literal l && (l.kind() == Expr.LiteralKind.STRING
                        || l.kind() == Expr.LiteralKind.NATIONAL_STRING) ? QueryConverter.unquote(l.text()) : null;
                SqlNode keyText = literalKey != null && literalKey.chars().allMatch(ch -> ch >= 0x20)
                        // a literal key is written here: "key": with quote, backslash and slash escaped
                        ? Sql.string("\"" + literalKey.replace("\\", "\\\\").replace("\"", "\\\"")
                                .replace("/", "\\/") + "\":")
                        : Sql.call(SqlStdOperatorTable.CONCAT, jsonString(key.node()), Sql.string(":"));
                members.add(Sql.call(SqlStdOperatorTable.CONCAT, keyText, value));
            }
            return new Typed(jsonText("{", members, "}"), DataType.withMaxLength("nvarchar"));
        });

        // ---- SQL Server 2025 strings and binary
        rules.put("UNISTR", c -> {
            c.arity(1, 1);
            // \xxxx and \+xxxxxx escapes (UTF-16 surrogate pairs too) read as PostgreSQL's unistr reads them
            return new Typed(Sql.fn("unistr", c.string(0).node()), SqlServerTypes.NVARCHAR);
        });
        rules.put("BASE64_ENCODE", c -> {
            c.arity(1, 2);
            Typed x = c.arg(0);
            String b = SqlServerTypes.base(x.type());
            if (!b.equals("varbinary") && !b.equals("binary") && !isNull(x)) {
                throw c.fail("argument of type " + x.type());
            }
            // PostgreSQL breaks base64 lines every 76 characters; SQL Server adds no line breaks
            SqlNode encoded = Sql.fn("replace", Sql.fn("encode", x.node(), Sql.string("base64")), Sql.fn("chr",
                    Sql.integer(10)), Sql.string(""));
            if (c.count() == 2) {
                // URL-safe: the RFC 4648 table 2 alphabet, without padding
                SqlNode safe = Sql.fn("rtrim", Sql.fn("translate", encoded, Sql.string("+/"), Sql.string("-_")),
                        Sql.string("="));
                encoded = caseWhen(Sql.call(SqlStdOperatorTable.NOT_EQUALS, c.node(1), Sql.integer(0)), safe,
                        encoded);
            }
            return new Typed(encoded, DataType.withMaxLength("varchar"));
        });
        rules.put("BASE64_DECODE", c -> {
            c.arity(1, 1);
            Typed s = c.string(0);
            // both alphabets, with or without padding
            SqlNode standard = Sql.fn("translate", s.node(), Sql.string("-_"), Sql.string("+/"));
            SqlNode length = Sql.times(Sql.divide(Sql.plus(Sql.fn("length", standard), Sql.integer(3)),
                    Sql.integer(4)), Sql.integer(4));
            return new Typed(Sql.fn("decode", Sql.fn("rpad", standard, length, Sql.string("=")),
                    Sql.string("base64")), DataType.withMaxLength("varbinary"));
        });

        // ---- approximate percentiles: the exact percentile is within any approximation's error bound
        rules.put("APPROX_PERCENTILE_CONT", c -> approxPercentile(c, SqlStdOperatorTable.PERCENTILE_CONT, true));
        rules.put("APPROX_PERCENTILE_DISC", c -> approxPercentile(c, SqlStdOperatorTable.PERCENTILE_DISC, false));

        // ---- configuration functions, under the us_english session the rest of the translation assumes
        rules.put("@@DATEFIRST", c -> new Typed(Sql.integer(7), DataType.of("tinyint")));
        rules.put("@@LANGUAGE", c -> new Typed(Sql.string("us_english"), SqlServerTypes.NVARCHAR));
        rules.put("@@LANGID", c -> new Typed(Sql.integer(0), DataType.of("smallint")));
        rules.put("@@MAX_PRECISION", c -> new Typed(Sql.integer(38), DataType.of("tinyint")));
        rules.put("@@SPID", c -> new Typed(Sql.fn("pg_backend_pid"), DataType.of("smallint")));
    }

    /** The built-in table-valued functions, translated in FROM and APPLY by {@link #tableValued}. */
    static final List<String> TABLE_VALUED = List.of("STRING_SPLIT", "GENERATE_SERIES");

    /**
     * A built-in table-valued function as a one-column derived table over PostgreSQL's set-returning function:
     * {@code (SELECT regexp_split_to_table(s, ',') AS value)}; empty when the name is not one of them.
     */
    java.util.Optional<QueryConverter.Converted> tableValued(Expr.FunctionCall f, QueryConverter.Scope scope) {
        if (f.name().parts().size() != 1 || !TABLE_VALUED.contains(f.name().last().toUpperCase(Locale.ROOT))) {
            return java.util.Optional.empty();
        }
        Call c = new Call(f, scope);
        SqlNode node;
        DataType type;
        if (c.name.equals("STRING_SPLIT")) {
            c.arity(2, 3);
            if (c.count() == 3 && !(c.node(2) instanceof SqlLiteral l && "0".equals(l.toValue()))) {
                throw c.fail("enable_ordinal (the ordinal column is not translated)");
            }
            Typed s = c.string(0);
            String separator = literalString(c, 1);
            if (separator == null || separator.length() != 1) {
                throw c.fail("a separator other than one literal character");
            }
            char ch = separator.charAt(0);
            // regexp_split_to_table, not string_to_array: '' is one empty row in both SQL Server and here
            node = Sql.fn("regexp_split_to_table", s.node(), Sql.string(Character.isLetterOrDigit(ch) ? separator
                    : "\\" + ch));
            type = SqlServerTypes.isUnicode(s.type()) ? SqlServerTypes.NVARCHAR : SqlServerTypes.VARCHAR;
        } else {
            c.arity(2, 3);
            Typed start = c.arg(0);
            Typed stop = c.arg(1);
            if (!SqlServerTypes.isExactNumeric(start.type()) || !SqlServerTypes.isExactNumeric(stop.type())) {
                throw c.fail("arguments of type " + start.type() + " and " + stop.type());
            }
            // without a step SQL Server counts down when start > stop; PostgreSQL's default step is always 1
            SqlNode step = c.count() == 3 ? c.node(2) : caseWhen(Sql.call(SqlStdOperatorTable.LESS_THAN_OR_EQUAL,
                    start.node(), stop.node()), Sql.integer(1), Sql.integer(-1));
            node = Sql.fn("generate_series", start.node(), stop.node(), step);
            type = SqlServerTypes.higher(start.type(), stop.type());
        }
        var select = new org.apache.calcite.sql.SqlSelect(P, null, SqlNodeList.of(Sql.as(node, "value")), null,
                null, null, null, null, null, null, null, null, null);
        return java.util.Optional.of(new QueryConverter.Converted(select, List.of(new QueryConverter.Col("value",
                type))));
    }

    /** Removes a trailing NULL ON NULL / ABSENT ON NULL argument: true for NULL ON NULL. */
    private static java.util.Optional<Boolean> jsonNullClause(List<Expr> args) {
        if (!args.isEmpty() && args.get(args.size() - 1) instanceof Expr.ColumnRef r
                && r.name().last().endsWith(" ON NULL")) {
            args.remove(args.size() - 1);
            return java.util.Optional.of(r.name().last().startsWith("NULL"));
        }
        return java.util.Optional.empty();
    }

    /** A JSON string: to_json escapes quote, backslash and control characters; FOR JSON also escapes the slash. */
    private static SqlNode jsonString(SqlNode text) {
        return Sql.fn("replace", castTo(Sql.fn("to_json", castTo(text, "text")), "text"), Sql.string("/"),
                Sql.string("\\/"));
    }

    /** One value as FOR JSON writes it, NULL for SQL NULL: strings quoted, numbers bare, bit as true/false. */
    private SqlNode jsonValue(Call c, Expr raw) {
        Expr e = raw;
        while (e instanceof Expr.Parenthesized p) {
            e = p.expr();
        }
        Typed t = converter.value(e, c.scope);
        if (e instanceof Expr.FunctionCall f && f.name().parts().size() == 1
                && (f.name().last().equalsIgnoreCase("JSON_OBJECT") || f.name().last().equalsIgnoreCase("JSON_ARRAY")
                || f.name().last().equalsIgnoreCase("JSON_QUERY"))) {
            // JSON text from a JSON function is embedded as JSON, not as a string
            return t.node();
        }
        if (isNull(t)) {
            return Sql.nullLiteral();
        }
        if (SqlServerTypes.isString(t.type())) {
            return jsonString(t.node());
        }
        String b = SqlServerTypes.base(t.type());
        if (SqlServerTypes.isInteger(t.type()) || b.equals("decimal") || b.equals("numeric")) {
            return castTo(t.node(), "text");
        }
        if (SqlServerTypes.isBit(t.type())) {
            SqlNode bool = t.node();
            return new SqlCase(P, null, SqlNodeList.of(bool, Sql.call(SqlStdOperatorTable.NOT, bool)),
                    SqlNodeList.of(Sql.string("true"), Sql.string("false")), null);
        }
        throw c.fail("a value of type " + t.type() + " (FOR JSON's formatting of it is not translated)");
    }

    private static SqlNode jsonText(String open, List<SqlNode> items, String close) {
        if (items.isEmpty()) {
            return Sql.string(open + close);
        }
        List<SqlNode> args = new ArrayList<>();
        args.add(Sql.string(","));
        args.addAll(items);
        return Sql.call(SqlStdOperatorTable.CONCAT, Sql.call(SqlStdOperatorTable.CONCAT, Sql.string(open),
                Sql.fn("concat_ws", args)), Sql.string(close));
    }

    private Typed approxPercentile(Call c, org.apache.calcite.sql.SqlAggFunction function, boolean continuous) {
        c.arity(1, 1);
        if (c.f.withinGroup().size() != 1 || c.f.over().isPresent()) {
            throw c.fail("without one WITHIN GROUP (ORDER BY ...) key, or with OVER");
        }
        var key = c.f.withinGroup().get(0);
        Typed value = converter.value(key.expr(), c.scope);
        if (!SqlServerTypes.isNumeric(value.type())) {
            throw c.fail("ordered by a " + value.type());
        }
        SqlNode order = key.direction().filter(d -> d.equalsIgnoreCase("DESC")).isPresent()
                ? Sql.call(SqlStdOperatorTable.DESC, value.node()) : value.node();
        SqlNode call = Sql.call(SqlStdOperatorTable.WITHIN_GROUP, Sql.call(function, c.node(0)),
                SqlNodeList.of(order));
        // APPROX_PERCENTILE_CONT is a float; _DISC has the type of the ordering expression
        return continuous ? new Typed(call, SqlServerTypes.FLOAT) : new Typed(call, value.type());
    }

    private void registerReported() {
        String catalog = "object and principal ids of SQL Server's catalog have no PostgreSQL counterpart";
        for (String name : List.of("OBJECT_ID", "OBJECT_NAME", "OBJECT_SCHEMA_NAME", "OBJECT_DEFINITION", "DB_ID",
                "SCHEMA_ID", "USER_ID", "SUSER_ID", "SUSER_SID", "TYPE_ID", "TYPE_NAME", "COL_NAME", "COL_LENGTH",
                "OBJECTPROPERTY", "COLUMNPROPERTY", "DATABASEPROPERTYEX", "SERVERPROPERTY")) {
            report(name, catalog);
        }
        for (String name : List.of("ERROR_MESSAGE", "ERROR_NUMBER", "ERROR_LINE", "ERROR_SEVERITY", "ERROR_STATE",
                "ERROR_PROCEDURE", "XACT_STATE")) {
            report(name, "error and transaction state exists only in procedural code");
        }
        for (String name : List.of("SCOPE_IDENTITY", "IDENT_CURRENT", "IDENT_SEED", "IDENT_INCR", "ROWCOUNT_BIG")) {
            report(name, "identity and row-count state of the session");
        }
        report("ISNUMERIC", "accepts currency symbols, separators and exponents no PostgreSQL test matches exactly");
        report("ISDATE", "depends on SET DATEFORMAT/LANGUAGE and cannot be tested without raising errors");
        report("ISJSON", "validating JSON needs PostgreSQL 16's IS JSON");
        report("JSON_MODIFY", "JSON_MODIFY's lax append/delete semantics");
        report("CHECKSUM", "SQL Server's internal hash");
        report("BINARY_CHECKSUM", "SQL Server's internal hash");
        report("CHECKSUM_AGG", "SQL Server's internal hash");
        report("SOUNDEX", "needs the fuzzystrmatch extension");
        report("DIFFERENCE", "needs the fuzzystrmatch extension");
        report("FORMATMESSAGE", "sys.messages and printf-style formats");
        report("COMPRESS", "GZIP compression has no built-in PostgreSQL function");
        report("DECOMPRESS", "GZIP compression has no built-in PostgreSQL function");
        report("CURRENT_TIMEZONE", "Windows time-zone names of the server");
        report("CURRENT_TIMEZONE_ID", "Windows time-zone names of the server");
        report("SWITCHOFFSET", "timestamptz keeps no offset");
        report("TODATETIMEOFFSET", "timestamptz keeps no offset");
        report("DATETIMEOFFSETFROMPARTS", "timestamptz keeps no offset");
        report("JSON_PATH_EXISTS", "returns 0 for malformed JSON, where a PostgreSQL cast raises an error");
        report("PERCENTILE_CONT", "PostgreSQL has no windowed ordered-set aggregates");
        report("PERCENTILE_DISC", "PostgreSQL has no windowed ordered-set aggregates");
        report("NEWSEQUENTIALID", "sequential GUIDs of the server");
        report("HOST_NAME", "the client's workstation name is not known to PostgreSQL");
        report("SESSION_CONTEXT", "session context keys");
        report("CONTEXT_INFO", "session context info");
        for (String name : List.of("@@ROWCOUNT", "@@IDENTITY", "@@ERROR", "@@TRANCOUNT", "@@FETCH_STATUS",
                "@@PROCID", "@@NESTLEVEL", "@@CURSOR_ROWS")) {
            report(name, "state of the session's procedural code, which a model does not have");
        }
        for (String name : List.of("@@VERSION", "@@SERVERNAME", "@@SERVICENAME")) {
            report(name, "the SQL Server instance's identity");
        }
        for (String name : List.of("EDIT_DISTANCE", "EDIT_DISTANCE_SIMILARITY", "JARO_WINKLER_DISTANCE",
                "JARO_WINKLER_SIMILARITY")) {
            report(name, "needs the fuzzystrmatch extension, whose results are not checked against SQL Server's");
        }
    }

    /**
     * LEFT_SHIFT/RIGHT_SHIFT are logical shifts in the argument's width: on a bit string of that width, where a negative
     * count shifts the other way and a count beyond the width gives 0, as documented.
     */
    private Typed shift(Call c, String target) {
        c.arity(2, 2);
        Typed x = c.arg(0);
        Typed n = c.arg(1);
        if (!SqlServerTypes.isInteger(n.type())) {
            throw c.fail("shift amount of type " + n.type());
        }
        SqlNode amount = n.node() instanceof SqlLiteral ? n.node() : cast(Sql.fn("greatest", Sql.fn("least", n.node(),
                Sql.integer(64)), Sql.integer(-64)), SqlServerTypes.INT);
        int width = width(c, x);
        SqlNode shifted = Sql.fn(target, bits(x, width), amount);
        return new Typed(fromBits(x, shifted), x.type());
    }

    private static int width(Call c, Typed x) {
        return switch (SqlServerTypes.base(x.type())) {
            case "bigint" -> 64;
            case "int" -> 32;
            case "smallint" -> 16;
            case "tinyint" -> 8;
            default -> throw c.fail("argument of type " + x.type());
        };
    }

    /** An integer as the bit string of its two's complement in its own width. */
    private SqlNode bits(Typed x, int width) {
        String b = SqlServerTypes.base(x.type());
        SqlNode value = b.equals("bigint") || b.equals("int") ? x.node() : cast(x.node(), SqlServerTypes.INT);
        return castTo(value, "bit(" + width + ")");
    }

    /** A bit string of an integer type's width back to that integer type. */
    private SqlNode fromBits(Typed x, SqlNode shifted) {
        String b = SqlServerTypes.base(x.type());
        return switch (b) {
            case "bigint" -> cast(shifted, SqlServerTypes.BIGINT);
            case "int" -> cast(shifted, SqlServerTypes.INT);
            // tinyint is unsigned: the 8 bits read as an integer are the value
            case "tinyint" -> cast(cast(shifted, SqlServerTypes.INT), x.type());
            // smallint is signed: the 16 bits read as an integer, less 65536 when the sign bit is set
            default -> {
                SqlNode u = cast(shifted, SqlServerTypes.INT);
                yield cast(caseWhen(Sql.lt(u, Sql.integer(32768)), u, Sql.minus(u, Sql.integer(65536))), x.type());
            }
        };
    }

    /** GET_BIT/SET_BIT: offset 0 is the least significant bit, PostgreSQL counts bit strings from the left. */
    private Typed bitAt(Call c, boolean set) {
        c.arity(2, set ? 3 : 2);
        Typed x = c.arg(0);
        int width = width(c, x);
        // an offset outside the width is an error in both
        SqlNode index = Sql.minus(Sql.integer(width - 1), c.node(1));
        if (!set) {
            return new Typed(cast(Sql.fn("get_bit", bits(x, width), index), SqlServerTypes.BIT), SqlServerTypes.BIT);
        }
        SqlNode value = c.count() == 3 ? bitValue(c.arg(2)) : Sql.integer(1);
        return new Typed(fromBits(x, Sql.fn("set_bit", bits(x, width), index, value)), x.type());
    }

    private SqlNode bitValue(Typed v) {
        // a bit argument is a boolean in PostgreSQL
        return SqlServerTypes.isBit(v.type()) ? cast(v.node(), SqlServerTypes.INT) : v.node();
    }

    private Typed niladic(Call c, org.apache.calcite.sql.SqlOperator op) {
        c.arity(0, 0);
        return new Typed(Sql.call(op), SqlServerTypes.NVARCHAR);
    }

    private static SqlNode castTo(SqlNode node, String targetType) {
        return Sql.call(SqlStdOperatorTable.CAST, node, QueryConverter.typeSpec(targetType));
    }

    private static List<SqlNode> prepend(SqlNode first, List<SqlNode> rest) {
        List<SqlNode> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static SqlNode tenTo(int p) {
        return Sql.number(java.math.BigDecimal.ONE.movePointRight(p).setScale(1));
    }

    private static String literalString(Call c, int i) {
        Expr e = c.f.arguments().get(i);
        return e instanceof Expr.Literal l && (l.kind() == Expr.LiteralKind.STRING
                || l.kind() == Expr.LiteralKind.NATIONAL_STRING) ? QueryConverter.unquote(l.text()) : null;
    }

    /** A literal integer argument between 0 and max (a fractional-seconds precision). */
    private static int literalInt(Call c, int i, int max) {
        if (c.f.arguments().get(i) instanceof Expr.Literal l && l.kind() == Expr.LiteralKind.INTEGER) {
            int p = Integer.parseInt(l.text());
            if (p >= 0 && p <= max) {
                return p;
            }
        }
        throw c.fail("precision other than a literal 0 to " + max);
    }

    /** A lax JSON path of member names and array indexes as the keys of json_extract_path. */
    private static List<SqlNode> jsonPath(Call c, int i) {
        String path = literalString(c, i);
        if (path == null) {
            throw c.fail("a computed JSON path");
        }
        String p = path.strip();
        if (p.regionMatches(true, 0, "lax ", 0, 4)) {
            p = p.substring(4).strip();
        }
        if (!p.startsWith("$")) {
            throw c.fail("JSON path '" + path + "'");
        }
        List<SqlNode> keys = new ArrayList<>();
        int k = 1;
        while (k < p.length()) {
            char ch = p.charAt(k);
            if (ch == '.' && k + 1 < p.length() && p.charAt(k + 1) == '"') {
                int end = p.indexOf('"', k + 2);
                if (end < 0 || p.substring(k + 2, end).contains("\\")) {
                    throw c.fail("JSON path '" + path + "'");
                }
                keys.add(Sql.string(p.substring(k + 2, end)));
                k = end + 1;
            } else if (ch == '.') {
                int end = k + 1;
                while (end < p.length() && (Character.isLetterOrDigit(p.charAt(end)) || p.charAt(end) == '_'
                        || p.charAt(end) == '$')) {
                    end++;
                }
                if (end == k + 1) {
                    throw c.fail("JSON path '" + path + "'");
                }
                keys.add(Sql.string(p.substring(k + 1, end)));
                k = end;
            } else if (ch == '[') {
                int end = p.indexOf(']', k);
                String index = end < 0 ? "" : p.substring(k + 1, end).strip();
                if (index.isEmpty() || !index.chars().allMatch(Character::isDigit)) {
                    throw c.fail("JSON path '" + path + "'");
                }
                keys.add(Sql.string(Integer.toString(Integer.parseInt(index))));
                k = end + 1;
            } else {
                throw c.fail("JSON path '" + path + "'");
            }
        }
        return keys;
    }

    private Typed extreme(Call c, String target) {
        List<SqlNode> args = new ArrayList<>();
        DataType type = SqlServerTypes.UNKNOWN;
        for (int i = 0; i < c.count(); i++) {
            Typed t = c.arg(i);
            args.add(t.node());
            type = SqlServerTypes.higher(type, t.type());
        }
        return new Typed(Sql.fn(target, args), type);
    }

    /** A .NET custom date format (the common tokens and separators only) as a PostgreSQL to_char template. */
    private static String dateTemplate(Call c, String pattern) {
        String[][] tokens = {{"yyyy", "YYYY"}, {"yy", "YY"}, {"MMMM", "FMMonth"}, {"MMM", "Mon"}, {"MM", "MM"},
            {"dddd", "FMDay"}, {"ddd", "Dy"}, {"dd", "DD"}, {"HH", "HH24"}, {"hh", "HH12"}, {"mm", "MI"},
            {"ss", "SS"}, {"fff", "MS"}, {"tt", "AM"}};
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < pattern.length()) {
            for (String[] t : tokens) {
                if (pattern.startsWith(t[0], i)) {
                    out.append(t[1]);
                    i += t[0].length();
                    continue outer;
                }
            }
            char ch = pattern.charAt(i);
            if ("-/.:, ".indexOf(ch) < 0) {
                throw c.fail("format pattern '" + pattern + "'");
            }
            out.append(ch);
            i++;
        }
        return out.toString();
    }

    private Typed now(DataType type) {
        return new Typed(Sql.call(SqlStdOperatorTable.LOCALTIMESTAMP), type);
    }

    private Typed stringFn(Call c, String target, int arity) {
        c.arity(arity, arity);
        List<SqlNode> args = new ArrayList<>();
        Typed first = c.string(0);
        args.add(first.node());
        for (int i = 1; i < arity; i++) {
            args.add(c.name.equals("REPLACE") || c.name.equals("TRANSLATE") || c.name.endsWith("TRIM")
                    ? c.string(i).node() : c.node(i));
        }
        DataType type = SqlServerTypes.isUnicode(first.type()) ? SqlServerTypes.NVARCHAR : SqlServerTypes.VARCHAR;
        return new Typed(Sql.fn(target, args), type);
    }

    private Typed sameType(Call c, String target) {
        c.arity(1, 1);
        Typed x = c.arg(0);
        if (!SqlServerTypes.isNumeric(x.type())) {
            throw c.fail("argument of type " + x.type());
        }
        return new Typed(Sql.fn(target, x.node()), x.type());
    }

    private SqlNode toFloat(Typed t) {
        return SqlServerTypes.base(t.type()).equals("float") ? t.node() : cast(t.node(), SqlServerTypes.FLOAT);
    }

    private Typed dateArg(Call c, int i) {
        Typed t = c.arg(i);
        if (SqlServerTypes.isDateTime(t.type())) {
            return t;
        }
        Typed literal = converter.coerced(t, c.f.arguments().get(i), SqlServerTypes.DATETIME);
        if (literal != t) {
            return literal;
        }
        throw c.fail("argument " + (i + 1) + " of type " + t.type() + " is not a date");
    }

    private Typed datePart(String part, Typed date) {
        if (!SqlServerTypes.isDateTime(date.type()) && !SqlServerTypes.base(date.type()).equals("time")) {
            throw new Untranslated(Untranslated.FUNCTION, Pos.NONE, "DATEPART of a " + date.type());
        }
        SqlNode d = date.node();
        SqlNode node = switch (part) {
            case "year", "quarter", "month", "day", "hour", "minute" -> part(part, d);
            case "dayofyear" -> part("doy", d);
            case "second" -> Sql.fn("floor", part("second", d));
            // dw with SET DATEFIRST 7 (us_english): Sunday is 1
            case "weekday" -> Sql.plus(part("dow", d), Sql.integer(1));
            case "iso_week" -> part("week", d);
            case "millisecond" -> Sql.call(SqlStdOperatorTable.MOD, cast(Sql.fn("floor", part("milliseconds", d)),
                    SqlServerTypes.INT), Sql.integer(1000));
            case "microsecond" -> Sql.call(SqlStdOperatorTable.MOD, cast(Sql.fn("floor", part("microseconds", d)),
                    SqlServerTypes.INT), Sql.integer(1000000));
            // week 1 holds January 1st and weeks start on Sunday: Sundays crossed since then, plus one
            case "week" -> Sql.plus(weeksBetween(Sql.fn("date_trunc", Sql.string("year"), d), d), Sql.integer(1));
            default -> throw new Untranslated(Untranslated.FUNCTION, Pos.NONE, "DATEPART " + part);
        };
        return new Typed(cast(node, SqlServerTypes.INT), SqlServerTypes.INT);
    }

    private static SqlNode part(String field, SqlNode d) {
        return Sql.fn("date_part", Sql.string(field), d);
    }

    /** Sunday boundaries between two dates: weeks of Sunday-based weeks, as DATEDIFF(week) counts them. */
    private SqlNode weeksBetween(SqlNode a, SqlNode b) {
        SqlNode sa = cast(Sql.fn("date_trunc", Sql.string("week"), Sql.plus(a, interval(1, "DAY"))),
                SqlServerTypes.DATE);
        SqlNode sb = cast(Sql.fn("date_trunc", Sql.string("week"), Sql.plus(b, interval(1, "DAY"))),
                SqlServerTypes.DATE);
        return Sql.divide(Sql.minus(sb, sa), Sql.integer(7));
    }

    /** DATEDIFF counts the boundaries crossed, not the time elapsed. */
    private SqlNode dateDiff(Call c, String part, SqlNode a, SqlNode b) {
        SqlNode years = Sql.minus(part("year", b), part("year", a));
        SqlNode node = switch (part) {
            case "year" -> years;
            case "quarter" -> Sql.plus(Sql.times(years, Sql.integer(4)), Sql.minus(part("quarter", b),
                    part("quarter", a)));
            case "month" -> Sql.plus(Sql.times(years, Sql.integer(12)), Sql.minus(part("month", b),
                    part("month", a)));
            case "day", "dayofyear" -> Sql.minus(cast(b, SqlServerTypes.DATE), cast(a, SqlServerTypes.DATE));
            case "week" -> weeksBetween(a, b);
            case "hour", "minute", "second" -> {
                int seconds = part.equals("hour") ? 3600 : part.equals("minute") ? 60 : 1;
                SqlNode diff = Sql.minus(Sql.fn("date_trunc", Sql.string(part), b),
                        Sql.fn("date_trunc", Sql.string(part), a));
                yield Sql.divide(part("epoch", diff), Sql.integer(seconds));
            }
            default -> throw c.fail("datepart " + part);
        };
        return cast(node, SqlServerTypes.INT);
    }

    private SqlNode count(Call c) {
        if (c.count() == 1 && c.f.arguments().get(0) instanceof Expr.Star) {
            return Sql.call(SqlStdOperatorTable.COUNT, org.apache.calcite.sql.SqlIdentifier.star(P));
        }
        c.arity(1, 1);
        return aggregate(c, SqlStdOperatorTable.COUNT, c.node(0));
    }

    private SqlNode aggregate(Call c, org.apache.calcite.sql.SqlAggFunction function, SqlNode arg) {
        boolean distinct = c.f.quantifier().filter(q -> q.equalsIgnoreCase("DISTINCT")).isPresent();
        if (distinct) {
            return function.createCall(SqlSelectKeyword.DISTINCT.symbol(P), P, arg);
        }
        return Sql.call(function, arg);
    }

    private Typed offsetFn(Call c, org.apache.calcite.sql.SqlAggFunction function) {
        c.arity(1, 3);
        Typed x = c.arg(0);
        List<SqlNode> args = new ArrayList<>();
        args.add(x.node());
        for (int i = 1; i < c.count(); i++) {
            args.add(c.node(i));
        }
        return new Typed(Sql.call(function, args), x.type());
    }

    /** CONVERT(varchar, date, style) for the documented date styles; other styles are reported. */
    static Typed convertWithStyle(QueryConverter converter, Expr.Cast c, DataType target, Typed value) {
        if (!(c.extra().get() instanceof Expr.Literal l) || l.kind() != Expr.LiteralKind.INTEGER) {
            throw new Untranslated(Untranslated.FUNCTION, c.pos(), "CONVERT with a computed style");
        }
        int style = Integer.parseInt(l.text());
        if (!SqlServerTypes.isString(target) || !SqlServerTypes.isDateTime(value.type())) {
            if (SqlServerTypes.isString(target) == SqlServerTypes.isString(value.type())) {
                return new Typed(converter.cast(value.node(), target), target);
            }
            throw new Untranslated(Untranslated.FUNCTION, c.pos(), "CONVERT style " + style + " from " + value.type()
                    + " to " + target);
        }
        String format = switch (style) {
            case 1 -> "MM/DD/YY";
            case 101 -> "MM/DD/YYYY";
            case 2 -> "YY.MM.DD";
            case 102 -> "YYYY.MM.DD";
            case 3 -> "DD/MM/YY";
            case 103 -> "DD/MM/YYYY";
            case 4 -> "DD.MM.YY";
            case 104 -> "DD.MM.YYYY";
            case 5 -> "DD-MM-YY";
            case 105 -> "DD-MM-YYYY";
            case 10 -> "MM-DD-YY";
            case 110 -> "MM-DD-YYYY";
            case 11 -> "YY/MM/DD";
            case 111 -> "YYYY/MM/DD";
            case 12 -> "YYMMDD";
            case 112 -> "YYYYMMDD";
            case 8, 108 -> "HH24:MI:SS";
            case 20, 120 -> "YYYY-MM-DD HH24:MI:SS";
            case 21, 121 -> "YYYY-MM-DD HH24:MI:SS.MS";
            case 23 -> "YYYY-MM-DD";
            default -> throw new Untranslated(Untranslated.FUNCTION, c.pos(), "CONVERT style " + style);
        };
        SqlNode formatted = Sql.fn("to_char", value.node(), Sql.string(format));
        return new Typed(converter.cast(formatted, target), target);
    }
}
