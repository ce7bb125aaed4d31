package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Name;
import ai.datamigrate.plugin.mssql.internal.ast.Part.Query;
import ai.datamigrate.plugin.mssql.internal.ast.Pos;
import ai.datamigrate.plugin.mssql.internal.ast.Statement;
import ai.datamigrate.plugin.mssql.internal.lexer.Lexer;
import ai.datamigrate.plugin.mssql.internal.lexer.Token;
import ai.datamigrate.plugin.mssql.internal.lexer.TokenType;
import ai.datamigrate.plugin.mssql.internal.parser.Locator;
import ai.datamigrate.plugin.mssql.internal.parser.ParseResult;
import ai.datamigrate.plugin.mssql.internal.parser.TsqlParser;
import ai.datamigrate.plugin.mssql.internal.translate.QueryConverter.Col;
import ai.datamigrate.plugin.mssql.internal.translate.QueryConverter.Converted;
import ai.datamigrate.plugin.mssql.internal.translate.QueryConverter.Relation;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.output.ModelColumn;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.sql.CalciteRendering;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.translate.TranslationRequest;
import ai.datamigrate.spi.translate.TranslationResult;
import ai.datamigrate.spi.translate.Translator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;

/**
 * Translates every view (and parameterless inline table-valued function) of a catalog into one target SELECT. A view
 * with anything the rules cannot translate exactly gets no model and a diagnostic that names the construct.
 */
final class MssqlTranslator implements Translator {

    static final String NO_TREES = "MSSQL-TARGET-CANNOT-RENDER";
    static final String PARAMETERS = "MSSQL-UNTRANSLATED-PARAMETERS";
    private static final String DEFAULT_SCHEMA = "dbo";

    private final SemanticLint.Collation collation;
    private final boolean validate;

    MssqlTranslator() {
        this(SemanticLint.Collation.PRESERVE, false);
    }

    /** @param validate whether Calcite's validator checks every translated query ({@link CalciteCheck}) */
    MssqlTranslator(SemanticLint.Collation collation, boolean validate) {
        this.collation = collation;
        this.validate = validate;
    }

    @Override
    public TranslationResult translate(TranslationRequest request) {
        Database db = request.database();
        List<Diagnostic> diagnostics = new ArrayList<>();
        if (!(request.dialect() instanceof CalciteRendering rendering)) {
            diagnostics.add(Diagnostic.warning(NO_TREES, SourceLocation.unknown(db.name()), "target dialect '"
                    + request.dialect().name() + "' does not render Calcite trees; no view was translated"));
            return new TranslationResult(List.of(), diagnostics);
        }
        Run run = new Run(db, request.dialect(), rendering.calciteDialect(), diagnostics, collation,
                validate ? Optional.of(new CalciteCheck()) : Optional.empty());
        List<CatalogObject> objects = new ArrayList<>();
        db.schemas().forEach(s -> objects.addAll(s.views()));
        db.schemas().forEach(s -> s.functions().stream()
                .filter(f -> f.functionKind() == FunctionKind.INLINE_TABLE_VALUED).forEach(objects::add));
        // procedures whose body is one query (after SET NOCOUNT / SET ROWCOUNT): a model like a view
        db.schemas().forEach(s -> objects.addAll(s.procedures()));
        objects.sort((a, b) -> a.name().compareTo(b.name()));
        List<TranslatedModel> models = new ArrayList<>();
        for (CatalogObject o : objects) {
            run.model(o).ifPresent(models::add);
        }
        diagnostics.sort(null);
        return new TranslationResult(models, diagnostics);
    }

    /** One translation of one catalog: memoises views, since views read views. */
    private static final class Run {
        final Database db;
        final TargetDialect dialect;
        final SqlDialect calcite;
        final List<Diagnostic> diagnostics;
        final SemanticLint.Collation collation;
        final Optional<CalciteCheck> check;
        final Map<String, Optional<Result>> done = new HashMap<>();
        final List<String> inProgress = new ArrayList<>();
        final Map<String, Optional<QueryConverter.ScalarFunction>> scalars = new HashMap<>();
        /** Schemas by lower-case name, each with its tables, views and scalar functions by lower-case name. */
        final Map<String, Names> names = new HashMap<>();
        /** Converters not in use; a view's translation borrows one, and one more per view it reads on the way. */
        final ArrayDeque<Binding> free = new ArrayDeque<>();

        Run(Database db, TargetDialect dialect, SqlDialect calcite, List<Diagnostic> diagnostics,
            SemanticLint.Collation collation, Optional<CalciteCheck> check) {
            this.db = db;
            this.collation = collation;
            this.check = check;
            this.dialect = dialect;
            this.calcite = calcite;
            this.diagnostics = diagnostics;
            // lookups by name are case-insensitive, as in SQL Server; the first object of a name wins, as the
            // linear searches this replaces did
            for (Schema schema : db.schemas()) {
                Names n = names.computeIfAbsent(lower(schema.name()), k -> new Names(schema));
                if (n.schema() != schema) {
                    continue;
                }
                schema.tables().forEach(t -> n.tables().putIfAbsent(lower(t.name().name()), t));
                schema.views().forEach(v -> n.views().putIfAbsent(lower(v.name().name()), v));
                schema.functions().stream().filter(f -> f.functionKind() == FunctionKind.SCALAR
                        && f.returnType().isPresent()).forEach(f -> n.scalars().putIfAbsent(lower(f.name().name()), f));
            }
        }

        record Names(Schema schema, Map<String, Table> tables, Map<String, View> views,
                     Map<String, ai.datamigrate.spi.catalog.Function> scalars) {
            Names(Schema schema) {
                this(schema, new HashMap<>(), new HashMap<>(), new HashMap<>());
            }
        }

        private static String lower(String name) {
            return name.toLowerCase(Locale.ROOT);
        }

        private Optional<Names> names(String schema) {
            return Optional.ofNullable(names.get(lower(schema)));
        }

        /**
         * A converter with the object it works on. Building a converter builds its table of built-in functions, which
         * costs more than translating a small view, so converters are reused: {@link #bind} points one at the next
         * object and clears what the last one left.
         */
        final class Binding implements QueryConverter.Env {
            final QueryConverter converter = new QueryConverter(this, dialect, collation);
            final Map<ObjectName, String> references = new LinkedHashMap<>();
            final List<Diagnostic> notes = new ArrayList<>();
            /** The columns of every relation the query reads, for the Calcite check. */
            final Map<ObjectName, List<Col>> relations = new HashMap<>();
            CatalogObject object;
            Locator locator;

            void bind(CatalogObject o, Locator l) {
                object = o;
                locator = l;
                references.clear();
                notes.clear();
                relations.clear();
                converter.reset();
            }

            @Override
            public Relation relation(Name name) {
                Relation r = resolve(name, object);
                relations.put(r.target(), r.columns());
                return r;
            }

            @Override
            public String placeholder(ObjectName target) {
                return references.computeIfAbsent(target, t -> "__dm_tmp_" + references.size() + "__");
            }

            @Override
            public Optional<QueryConverter.ScalarFunction> scalarFunction(Name name) {
                return scalar(name, object);
            }

            @Override
            public void info(Pos pos, String code, String message) {
                notes.add(new Diagnostic(Severity.INFO, code, Optional.of(object.name().toString()),
                        locator.at(pos.line(), pos.column()), message));
            }
        }

        record Result(TranslatedModel model, List<Col> columns) {
        }

        Optional<TranslatedModel> model(CatalogObject o) {
            return result(o).map(Result::model);
        }

        Optional<Result> result(CatalogObject o) {
            String key = o.kind() + ":" + o.name().toString().toLowerCase(Locale.ROOT);
            if (done.containsKey(key)) {
                return done.get(key);
            }
            if (inProgress.contains(key)) {
                return Optional.empty();
            }
            inProgress.add(key);
            Optional<Result> r = translate(o);
            inProgress.remove(key);
            done.put(key, r);
            return r;
        }

        private Optional<Result> translate(CatalogObject o) {
            SourceLocation at = o.location();
            Locator locator = (line, column) -> at.line() == 0 ? at : new SourceLocation(at.file(),
                    at.line() + line - 1, line == 1 ? at.column() + column - 1 : column);
            String object = o.name().toString();
            try {
                if (o instanceof ai.datamigrate.spi.catalog.Function f && !f.parameters().isEmpty()) {
                    diagnostics.add(new Diagnostic(Severity.INFO, PARAMETERS, Optional.of(object), at,
                            "inline function " + object + " has parameters; it is not translated to a model yet"));
                    return Optional.empty();
                }
                if (o instanceof ai.datamigrate.spi.catalog.Procedure p && !p.parameters().isEmpty()) {
                    diagnostics.add(new Diagnostic(Severity.INFO, PARAMETERS, Optional.of(object), at,
                            "procedure " + object + " has parameters; it is not translated to a model yet"));
                    return Optional.empty();
                }
                Query query = parse(o, locator);
                Binding binding = free.isEmpty() ? new Binding() : free.pop();
                try {
                    binding.bind(o, locator);
                    Converted converted = binding.converter.query(query, null);
                    List<Col> columns = converted.columns();
                    if (o instanceof View v && !v.columnNames().isEmpty()) {
                        columns = renameColumns(converted.node(), columns, v.columnNames());
                    }
                    for (Col c : columns) {
                        if (c.name().isEmpty()) {
                            throw Untranslated.construct(Pos.NONE, "an output column has no name");
                        }
                    }
                    List<ModelReference> refs = new ArrayList<>();
                    String sql = render(converted.node(), binding.references, refs);
                    if (check.isPresent()) {
                        Map<String, List<Col>> tables = new HashMap<>();
                        binding.relations.forEach((target, cols) -> tables.put(binding.references.get(target), cols));
                        // after rendering: the validator rewrites the tree it checks
                        check.get().check(converted.node(), tables).ifPresent(m -> diagnostics.add(new Diagnostic(
                                Severity.WARNING, CalciteCheck.UNRESOLVED, Optional.of(object), at, "Calcite's "
                                + "validator rejects the translated query of " + object + ": " + m)));
                    }
                    List<ModelColumn> modelColumns = columns.stream().map(c -> new ModelColumn(c.name(),
                            SqlServerTypes.known(c.type()) && !(c.type().name().equals("decimal")
                                    && c.type().precision().isEmpty())
                                    ? Optional.of(dialect.mapType(c.type()).targetType()) : Optional.empty(),
                            Optional.<String>empty())).toList();
                    diagnostics.addAll(binding.notes);
                    for (SemanticLint.Finding f : binding.converter.lintFindings()) {
                        diagnostics.add(new Diagnostic(f.severity(), f.code(), Optional.of(object), f.pos().line() == 0
                                ? at : locator.at(f.pos().line(), f.pos().column()), f.message()));
                    }
                    return Optional.of(new Result(new TranslatedModel(o.name(), o.kind(), sql, refs, modelColumns,
                            "view", "rule", o.description()), columns));
                } finally {
                    free.push(binding);
                }
            } catch (Untranslated u) {
                SourceLocation where = u.pos().line() == 0 ? at : locator.at(u.pos().line(), u.pos().column());
                diagnostics.add(new Diagnostic(Severity.WARNING, u.code(), Optional.of(object), where,
                        o.kind() + " " + object + " was not translated: " + u.getMessage()));
                return Optional.empty();
            }
        }

        /** {@code CREATE VIEW v (a, b) AS ...}: the list names the columns, so the select list gets those aliases. */
        private static List<Col> renameColumns(SqlNode node, List<Col> columns, List<String> names) {
            SqlNode body = node instanceof org.apache.calcite.sql.SqlWith w ? w.body : node;
            if (!(body instanceof org.apache.calcite.sql.SqlSelect select) || names.size() != columns.size()) {
                throw Untranslated.construct(Pos.NONE, "a column list on a view over a set operation");
            }
            List<SqlNode> items = new ArrayList<>();
            List<Col> renamed = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                SqlNode item = select.getSelectList().get(i);
                if (item.getKind() == org.apache.calcite.sql.SqlKind.AS) {
                    item = ((org.apache.calcite.sql.SqlCall) item).operand(0);
                }
                items.add(Sql.as(item, names.get(i)));
                renamed.add(new Col(names.get(i), columns.get(i).type()));
            }
            select.setSelectList(new org.apache.calcite.sql.SqlNodeList(items, Sql.P));
            return renamed;
        }

        /**
         * Renders the tree once and numbers the placeholders by first appearance in the rendered SQL, as the output
         * contract says ({@code __dm_rel_1__}, {@code __dm_rel_2__}, ...), filling {@code refs} in that order. The
         * placeholders are identifiers the converter made up, so renaming them in the text changes nothing else.
         */
        private String render(SqlNode node, Map<ObjectName, String> references, List<ModelReference> refs) {
            String first = node.toSqlString(calcite).getSql();
            Map<String, Integer> renumber = new HashMap<>();
            StringBuilder sql = new StringBuilder(first.length());
            int from = 0;
            for (int at = first.indexOf(TMP); at >= 0; at = first.indexOf(TMP, from)) {
                int digits = at + TMP.length();
                int end = digits;
                while (end < first.length() && Character.isDigit(first.charAt(end))) {
                    end++;
                }
                if (end == digits || !first.startsWith("__", end)) {
                    sql.append(first, from, digits);
                    from = digits;
                    continue;
                }
                String placeholder = first.substring(at, end + 2);
                int number = renumber.computeIfAbsent(placeholder, k -> renumber.size() + 1);
                sql.append(first, from, at).append(REL).append(number).append("__");
                from = end + 2;
            }
            sql.append(first, from, first.length());
            // a placeholder the rendering dropped keeps its own number, as before
            List<int[]> order = new ArrayList<>();
            List<ObjectName> targets = new ArrayList<>(references.keySet());
            for (int i = 0; i < targets.size(); i++) {
                String placeholder = references.get(targets.get(i));
                Integer n = renumber.get(placeholder);
                order.add(new int[] {n != null ? n : Integer.parseInt(placeholder.substring(TMP.length(),
                        placeholder.length() - 2)), i});
            }
            order.sort((a, b) -> Integer.compare(a[0], b[0]));
            for (int[] o : order) {
                refs.add(new ModelReference(REL + o[0] + "__", targets.get(o[1])));
            }
            return sql.toString();
        }

        private static final String TMP = "__dm_tmp_";
        private static final String REL = "__dm_rel_";

        private Relation resolve(Name name, CatalogObject from) {
            List<String> parts = name.parts();
            if (parts.size() > 2) {
                throw Untranslated.construct(name.pos(), "cross-database name " + String.join(".", parts));
            }
            String schemaName = parts.size() == 2 ? parts.get(0) : from.name().schema();
            String objectName = name.last();
            List<String> schemas = parts.size() == 2 ? List.of(schemaName) : List.of(schemaName, DEFAULT_SCHEMA);
            for (String s : schemas) {
                Optional<Names> schema = names(s);
                if (schema.isEmpty()) {
                    continue;
                }
                Optional<Table> table = Optional.ofNullable(schema.get().tables().get(lower(objectName)));
                if (table.isPresent()) {
                    return new Relation(table.get().name(), table.get().columns().stream()
                            .map(c -> new Col(c.name(), c.type(), c.collation())).toList());
                }
                Optional<View> view = Optional.ofNullable(schema.get().views().get(lower(objectName)));
                if (view.isPresent()) {
                    Optional<Result> r = result(view.get());
                    if (r.isEmpty()) {
                        throw Untranslated.construct(name.pos(), "it reads view " + view.get().name()
                                + ", which was not translated");
                    }
                    return new Relation(view.get().name(), r.get().columns());
                }
            }
            throw Untranslated.construct(name.pos(), "relation " + String.join(".", parts) + " is not in the catalog");
        }

        private Optional<QueryConverter.ScalarFunction> scalar(Name name, CatalogObject from) {
            List<String> parts = name.parts();
            if (parts.size() > 2) {
                return Optional.empty();
            }
            String schemaName = parts.size() == 2 ? parts.get(0) : from.name().schema();
            Optional<ai.datamigrate.spi.catalog.Function> function = names(schemaName)
                    .map(s -> s.scalars().get(lower(name.last())));
            if (function.isEmpty()) {
                return Optional.empty();
            }
            ai.datamigrate.spi.catalog.Function f = function.get();
            String key = "function:" + f.name().toString().toLowerCase(Locale.ROOT);
            if (!scalars.containsKey(key)) {
                SourceLocation at = f.location();
                Locator locator = (line, column) -> at;
                List<Token> tokens = Lexer.tokenize(f.definition());
                int depth = 0;
                int start = -1;
                boolean afterReturns = false;
                for (int i = 0; i < tokens.size() && start < 0; i++) {
                    Token t = tokens.get(i);
                    if (t.type() == TokenType.LEFT_PAREN) {
                        depth++;
                    } else if (t.type() == TokenType.RIGHT_PAREN) {
                        depth--;
                    } else if (depth == 0 && t.is("RETURNS")) {
                        afterReturns = true;
                    } else if (depth == 0 && afterReturns && (t.is("AS") || t.is("BEGIN") || t.is("RETURN"))) {
                        start = t.is("AS") ? i + 1 : i;
                    }
                }
                Optional<QueryConverter.ScalarFunction> parsed = Optional.empty();
                if (start >= 0) {
                    ParseResult body = TsqlParser.parseStatements(tokens, start, tokens.size(), locator,
                            Optional.of(f.name().toString()));
                    if (body.unparsed() == 0) {
                        parsed = Optional.of(new QueryConverter.ScalarFunction(f.name(), f.parameters().stream()
                                .map(p -> new Col(p.name(), p.type())).toList(), f.returnType().get(),
                                body.statements()));
                    }
                }
                scalars.put(key, parsed);
            }
            return scalars.get(key);
        }

        /** {@code [SET NOCOUNT ON] [SET ROWCOUNT n] SELECT ...}: the query, with ROWCOUNT as its TOP. */
        private static Query procedureQuery(List<Statement> statements) {
            Optional<Expr> rowcount = Optional.empty();
            Query query = null;
            for (Statement st : statements) {
                if (st instanceof Statement.SetOption option && !option.words().texts().isEmpty()) {
                    List<String> words = option.words().texts();
                    String first = words.get(0).toUpperCase(Locale.ROOT);
                    if (first.equals("NOCOUNT") || first.equals("ANSI_NULLS") || first.equals("QUOTED_IDENTIFIER")) {
                        continue;
                    }
                    if (first.equals("ROWCOUNT") && words.size() == 2 && words.get(1).matches("[0-9]+")
                            && query == null) {
                        rowcount = words.get(1).equals("0") ? Optional.empty() : Optional.of(new Expr.Literal(
                                option.pos(), Expr.LiteralKind.INTEGER, words.get(1)));
                        continue;
                    }
                }
                if (st instanceof Statement.Select s && query == null) {
                    query = s.query();
                    continue;
                }
                throw Untranslated.construct(st.pos(), "the procedure body is not a single query");
            }
            if (query == null) {
                throw Untranslated.construct(Pos.NONE, "the procedure returns no query");
            }
            if (rowcount.isPresent()) {
                if (!(query.body() instanceof ai.datamigrate.plugin.mssql.internal.ast.QueryBody.Select s)
                        || s.top().isPresent()) {
                    throw Untranslated.construct(query.pos(), "SET ROWCOUNT with TOP or a set operation");
                }
                var top = new ai.datamigrate.plugin.mssql.internal.ast.Part.Top(s.pos(), rowcount.get(), false, false);
                var body = new ai.datamigrate.plugin.mssql.internal.ast.QueryBody.Select(s.pos(), s.quantifier(),
                        Optional.of(top), s.items(), s.into(), s.from(), s.where(), s.groupBy(), s.having());
                query = new Query(query.pos(), query.ctes(), body, query.orderBy(), query.offset(), query.forClause(),
                        query.option());
            }
            return query;
        }

        /** The SELECT of a view ({@code ... AS select}) or an inline function ({@code RETURNS TABLE ... RETURN}). */
        private Query parse(CatalogObject o, Locator locator) {
            String text = o.definition();
            List<Token> tokens = Lexer.tokenize(text);
            boolean function = o instanceof ai.datamigrate.spi.catalog.Function;
            int depth = 0;
            int start = -1;
            boolean afterReturns = false;
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.type() == TokenType.LEFT_PAREN) {
                    depth++;
                } else if (t.type() == TokenType.RIGHT_PAREN) {
                    depth--;
                } else if (depth == 0 && !function && t.is("AS")) {
                    start = i + 1;
                    break;
                } else if (depth == 0 && function && t.is("RETURNS")) {
                    afterReturns = true;
                } else if (depth == 0 && function && afterReturns && t.is("RETURN")) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                throw Untranslated.construct(Pos.NONE, "the definition's body was not found");
            }
            ParseResult parsed = TsqlParser.parseStatements(tokens, start, tokens.size(), locator,
                    Optional.of(o.name().toString()));
            if (parsed.unparsed() > 0) {
                throw Untranslated.construct(Pos.NONE, "the definition could not be parsed");
            }
            List<Statement> statements = parsed.statements();
            if (o instanceof ai.datamigrate.spi.catalog.Procedure) {
                return procedureQuery(statements);
            }
            if (statements.size() == 1 && statements.get(0) instanceof Statement.Select s) {
                return s.query();
            }
            if (statements.size() == 1 && statements.get(0) instanceof Statement.Return r && r.value().isPresent()) {
                Expr value = r.value().get();
                while (value instanceof Expr.Parenthesized p) {
                    value = p.expr();
                }
                if (value instanceof Expr.Subquery sq) {
                    return sq.query();
                }
            }
            if (statements.size() == 2 && statements.get(0) instanceof Statement.Return r && r.value().isEmpty()
                    && statements.get(1) instanceof Statement.Select s) {
                return s.query();
            }
            throw Untranslated.construct(statements.isEmpty() ? Pos.NONE : statements.get(0).pos(),
                    "the body is not a single SELECT");
        }
    }
}
