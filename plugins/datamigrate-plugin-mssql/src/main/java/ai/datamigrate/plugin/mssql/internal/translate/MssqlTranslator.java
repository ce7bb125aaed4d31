package ai.datamigrate.plugin.mssql.internal.translate;

import ai.datamigrate.plugin.mssql.internal.ast.Expr;
import ai.datamigrate.plugin.mssql.internal.ast.MergeAction;
import ai.datamigrate.plugin.mssql.internal.ast.Part.DataTypeRef;
import ai.datamigrate.plugin.mssql.internal.ast.QueryBody;
import ai.datamigrate.plugin.mssql.internal.ast.SelectItem;
import ai.datamigrate.plugin.mssql.internal.ast.TableSource;
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
import ai.datamigrate.plugin.mssql.internal.parser.TsqlPrinter;
import ai.datamigrate.plugin.mssql.internal.translate.QueryConverter.Col;
import ai.datamigrate.plugin.mssql.internal.translate.QueryConverter.Converted;
import ai.datamigrate.plugin.mssql.internal.translate.QueryConverter.Relation;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.DataType;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.FunctionKind;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.Parameter;
import ai.datamigrate.spi.catalog.Procedure;
import ai.datamigrate.spi.catalog.Schema;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.catalog.View;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.diagnostic.Severity;
import ai.datamigrate.spi.output.ModelColumn;
import ai.datamigrate.spi.output.ModelIncremental;
import ai.datamigrate.spi.output.ModelParameter;
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
    /** How a routine parameter's identifier starts in a translated tree, before it is rendered as a dbt var. */
    static final String PARAMETER_PLACEHOLDER = "__dm_var_";
    static final String NO_DEFAULT = "MSSQL-PARAMETER-NO-DEFAULT";
    static final String GUARD_DROPPED = "MSSQL-PARAMETER-GUARD-DROPPED";
    static final String ETL_MODEL = "MSSQL-ETL-MODEL";
    static final String PARAMETERS_LEFT = "MSSQL-PARAMETERS-LEFT-FOR-REVIEW";
    private static final String DEFAULT_SCHEMA = "dbo";

    private final SemanticLint.Collation collation;
    private final boolean validate;
    /** Whether routine parameters become run-time values; otherwise routines with parameters are left for review. */
    private final boolean parameters;

    MssqlTranslator() {
        this(SemanticLint.Collation.PRESERVE, false, true);
    }

    /** @param validate whether Calcite's validator checks every translated query ({@link CalciteCheck}) */
    MssqlTranslator(SemanticLint.Collation collation, boolean validate, boolean parameters) {
        this.collation = collation;
        this.validate = validate;
        this.parameters = parameters;
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
                validate ? Optional.of(new CalciteCheck()) : Optional.empty(), parameters);
        List<CatalogObject> objects = new ArrayList<>();
        db.schemas().forEach(s -> objects.addAll(s.views()));
        db.schemas().forEach(s -> s.functions().stream()
                .filter(f -> f.functionKind() == FunctionKind.INLINE_TABLE_VALUED || isScalar(f))
                .forEach(objects::add));
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

    /** A scalar function with a declared return type: a macro when its body is straight-line code. */
    private static boolean isScalar(CatalogObject o) {
        return o instanceof ai.datamigrate.spi.catalog.Function f && f.functionKind() == FunctionKind.SCALAR
                && f.returnType().isPresent();
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

        final boolean parameters;

        Run(Database db, TargetDialect dialect, SqlDialect calcite, List<Diagnostic> diagnostics,
            SemanticLint.Collation collation, Optional<CalciteCheck> check, boolean parameters) {
            this.parameters = parameters;
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
            /** Whose schema unqualified names are looked up in: the object, or an inline function expanded in it. */
            CatalogObject names;
            Locator locator;

            void bind(CatalogObject o, Locator l) {
                object = o;
                names = o;
                locator = l;
                references.clear();
                notes.clear();
                relations.clear();
                converter.reset();
            }

            @Override
            public Relation relation(Name name) {
                Relation r = resolve(name, names);
                relations.put(r.target(), r.columns());
                return r;
            }

            @Override
            public String placeholder(ObjectName target) {
                return references.computeIfAbsent(target, t -> "__dm_tmp_" + references.size() + "__");
            }

            @Override
            public Optional<QueryConverter.ScalarFunction> scalarFunction(Name name) {
                return scalar(name, names);
            }

            @Override
            public Optional<QueryConverter.TableFunction> tableFunction(Name name) {
                return Run.this.tableFunction(name, names);
            }

            @Override
            public <T> T inside(ObjectName function, java.util.function.Supplier<T> work) {
                CatalogObject caller = names;
                names = Run.this.names(function.schema()).flatMap(n -> n.schema().functions().stream()
                        .filter(f -> f.name().equals(function)).findFirst()).map(CatalogObject.class::cast)
                        .orElse(caller);
                try {
                    return work.get();
                } finally {
                    names = caller;
                }
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
                // a macro's parameters are its arguments, not run-time values
                if (!parameters && !isScalar(o) && (o instanceof Procedure p && !p.parameters().isEmpty()
                        || o instanceof ai.datamigrate.spi.catalog.Function f && !f.parameters().isEmpty())) {
                    diagnostics.add(new Diagnostic(Severity.INFO, PARAMETERS_LEFT, Optional.of(object), at,
                            o.kind() + " " + object + " has parameters and mssql.parameters=review: left for review"));
                    return Optional.empty();
                }
                RoutineBody.Shape shape = shape(o, locator);
                Binding binding = free.isEmpty() ? new Binding() : free.pop();
                try {
                    binding.bind(o, locator);
                    List<ModelParameter> parameters = bindParameters(o, binding);
                    binding.converter.assignParameters(shape.preamble());
                    Converted converted;
                    String materialization = "view";
                    java.util.SortedMap<String, String> meta = new java.util.TreeMap<>();
                    Optional<ModelIncremental> incremental = Optional.empty();
                    Optional<String> expression = Optional.empty();
                    if (shape instanceof RoutineBody.Scalar scalar) {
                        Typed value = binding.converter.returned(scalar.function());
                        if (!binding.references.isEmpty()) {
                            throw Untranslated.construct(Pos.NONE, "the function reads "
                                    + binding.references.keySet().iterator().next() + ": a macro that reads a"
                                    + " relation would hide it from dbt's lineage");
                        }
                        expression = Optional.of(value.node().toSqlString(calcite).getSql());
                        String column = o.name().name();
                        converted = new Converted(new org.apache.calcite.sql.SqlSelect(Sql.P, null,
                                org.apache.calcite.sql.SqlNodeList.of(Sql.as(value.node(), column)), null, null,
                                null, null, null, null, null, null, null), List.of(new Col(column, value.type())));
                        materialization = "macro";
                    } else if (shape instanceof RoutineBody.Reload reload) {
                        converted = reload(reload, binding);
                        materialization = "table";
                        meta.put("writes", String.join(".", reload.table().parts()));
                        binding.info(Pos.NONE, ETL_MODEL, "the procedure empties table " + meta.get("writes")
                                + " and fills it with one INSERT ... SELECT: a table model holds those rows");
                    } else if (shape instanceof RoutineBody.Merge merge) {
                        MergeModel m = merge(merge.merge(), binding);
                        converted = m.converted();
                        meta.put("writes", m.table().toString());
                        if (m.sync()) {
                            materialization = "table";
                            binding.info(merge.merge().pos(), ETL_MODEL, "the MERGE updates, inserts and deletes"
                                    + " so that " + m.table() + " holds exactly its source's rows: a table model");
                        } else {
                            materialization = "incremental";
                            String how = m.watermark().map(w -> "an incremental run reads the source's rows past"
                                    + " the highest " + w + " held, as the MERGE's source filter did (a first run"
                                    + " reads them all, even where MAX() over the empty table gave NULL)")
                                    .orElse("no watermark column is evident, so every run reads the whole source");
                            incremental = Optional.of(new ModelIncremental(m.key(), m.watermark(), "MERGE INTO "
                                    + m.table() + " ON " + String.join(", ", m.key()) + ": a run merges the source's"
                                    + " rows by that key; " + how));
                            binding.info(merge.merge().pos(), ETL_MODEL, "the MERGE into " + m.table()
                                    + " becomes an incremental model with unique_key " + m.key() + "; " + how);
                        }
                    } else {
                        converted = binding.converter.query(((RoutineBody.Returns) shape).query(), null);
                    }
                    for (RoutineBody.Dropped d : shape.dropped()) {
                        binding.info(d.pos(), GUARD_DROPPED, "dropped " + d.why());
                    }
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
                    // a macro takes every parameter as an argument, in order, used or not
                    List<ModelParameter> used = expression.isPresent() ? parameters : parameters.stream()
                            .filter(p -> sql.contains(p.placeholder())).toList();
                    for (ModelParameter p : used) {
                        if (p.required() && expression.isEmpty()) {
                            diagnostics.add(new Diagnostic(Severity.WARNING, NO_DEFAULT, Optional.of(object), at,
                                    "parameter @" + p.name() + " (" + p.sourceType() + ") has no default: the model"
                                            + " reads it from a run-time variable and takes NULL (cast to "
                                            + p.targetType() + ") until one is set"));
                        }
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
                            materialization, "rule", o.description(), meta, List.of(), used, incremental,
                            expression), columns));
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

        /**
         * Binds a procedure's or inline function's parameters: each becomes {@code CAST(<placeholder> AS <type>)},
         * the placeholder standing for the value's text (a string literal) or NULL, so that the value is typed in
         * the tree whatever the output target fills in.
         */
        private List<ModelParameter> bindParameters(CatalogObject o, Binding binding) {
            List<Parameter> declared = o instanceof Procedure p ? p.parameters()
                    : o instanceof ai.datamigrate.spi.catalog.Function f ? f.parameters() : List.of();
            Map<String, Typed> bound = new LinkedHashMap<>();
            List<ModelParameter> parameters = new ArrayList<>();
            for (Parameter p : declared) {
                if (p.output()) {
                    throw Untranslated.construct(Pos.NONE, "OUTPUT parameter " + p.name() + " returns a value a"
                            + " model cannot return");
                }
                if (p.readOnly() || !SqlServerTypes.known(p.type())) {
                    throw Untranslated.construct(Pos.NONE, "parameter " + p.name() + " of type " + p.type().sql());
                }
                String placeholder = VAR + (parameters.size() + 1) + "__";
                String targetType = dialect.mapType(p.type()).targetType();
                bound.put(lower(p.name()), new Typed(binding.converter.cast(Sql.id(placeholder), p.type()), p.type()));
                Optional<String> value = p.defaultExpression().flatMap(d -> defaultValue(d, p));
                parameters.add(new ModelParameter(placeholder, p.name().startsWith("@") ? p.name().substring(1)
                        : p.name(), p.type().sql(), targetType, value, p.defaultExpression().isEmpty()));
            }
            binding.converter.bindParameters(bound);
            return parameters;
        }

        /**
         * The text of a parameter's declared default, a constant ({@code 'USA'}, {@code N'x'}, {@code -1},
         * {@code 1998}); empty for NULL. Date and time defaults in any of SQL Server's literal formats become ISO
         * text, which every target casts the same way.
         */
        private static Optional<String> defaultValue(String expression, Parameter p) {
            List<Token> tokens = new ArrayList<>(Lexer.tokenize(expression));
            while (tokens.size() >= 2 && tokens.get(0).type() == TokenType.LEFT_PAREN
                    && tokens.get(tokens.size() - 1).type() == TokenType.RIGHT_PAREN) {
                tokens = new ArrayList<>(tokens.subList(1, tokens.size() - 1));
            }
            String sign = "";
            if (tokens.size() == 2 && tokens.get(0).type() == TokenType.OPERATOR
                    && (tokens.get(0).text().equals("-") || tokens.get(0).text().equals("+"))) {
                sign = tokens.get(0).text().equals("-") ? "-" : "";
                tokens = tokens.subList(1, 2);
            }
            if (tokens.size() != 1) {
                throw Untranslated.construct(Pos.NONE, "the default of " + p.name() + " is not a constant: "
                        + expression);
            }
            Token t = tokens.get(0);
            if (sign.isEmpty() && t.is("NULL")) {
                return Optional.empty();
            }
            String text;
            if (sign.isEmpty() && t.isString()) {
                text = t.value();
                if (SqlServerTypes.isDateTime(p.type())) {
                    text = QueryConverter.parseDateTime(text).map(d -> SqlServerTypes.base(p.type()).equals("date")
                            ? d.toLocalDate().toString() : ISO_DATE_TIME.format(d)).orElseThrow(() ->
                            Untranslated.construct(Pos.NONE, "the default of " + p.name() + " is not a date: "
                                    + expression));
                }
            } else if (t.type() == TokenType.INTEGER || t.type() == TokenType.DECIMAL || t.type() == TokenType.FLOAT
                    || t.type() == TokenType.MONEY) {
                text = sign + t.text().replace("$", "");
            } else {
                throw Untranslated.construct(Pos.NONE, "the default of " + p.name() + " is not a constant: "
                        + expression);
            }
            return Optional.of(text);
        }

        /** {@code TRUNCATE TABLE t; INSERT INTO t (cols) SELECT ...}: the SELECT's rows as t's columns. */
        private Converted reload(RoutineBody.Reload reload, Binding binding) {
            Table table = table(reload.table(), binding.object);
            List<String> names = insertColumns(table, reload.columns(), reload.query().pos());
            List<Expr> values = new ArrayList<>();
            for (String n : names) {
                values.add(new Expr.ColumnRef(Pos.NONE, new Name(Pos.NONE, List.of(SOURCE_ALIAS, n))));
            }
            TableSource from = new TableSource.Derived(Pos.NONE, reload.query(), Optional.of(SOURCE_ALIAS), names);
            return inserted(table, names, values, from, binding);
        }

        record MergeModel(Converted converted, ObjectName table, List<String> key, boolean sync,
                          Optional<String> watermark) {
        }

        /**
         * {@code MERGE INTO t USING s ON t.k = s.k WHEN MATCHED THEN UPDATE SET ... WHEN NOT MATCHED THEN INSERT ...}
         * where the update sets every inserted column but the key to the value the insert gives it: the rows of the
         * INSERT, keyed by the ON columns. With {@code WHEN NOT MATCHED BY SOURCE THEN DELETE} as well, t ends up
         * holding exactly those rows.
         */
        private MergeModel merge(Statement.Merge merge, Binding binding) {
            if (!merge.ctes().isEmpty() || merge.top().isPresent() || merge.output().isPresent()) {
                throw Untranslated.construct(merge.pos(), "MERGE with WITH, TOP or OUTPUT");
            }
            if (!(merge.target() instanceof TableSource.Named target)) {
                throw Untranslated.construct(merge.pos(), "MERGE into something other than a table");
            }
            Table table = table(target.name(), binding.object);
            String alias = target.alias().orElse(target.name().last());
            List<ai.datamigrate.plugin.mssql.internal.ast.Part.SetClause> sets = null;
            MergeAction.Insert insert = null;
            boolean sync = false;
            for (ai.datamigrate.plugin.mssql.internal.ast.Part.MergeWhen when : merge.clauses()) {
                String match = when.match().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
                if (when.and().isPresent()) {
                    throw Untranslated.construct(when.pos(), "a conditional WHEN " + match + " AND ...");
                }
                if (match.equals("MATCHED") && when.action() instanceof MergeAction.Update u && sets == null) {
                    sets = u.sets();
                } else if ((match.equals("NOT MATCHED") || match.equals("NOT MATCHED BY TARGET"))
                        && when.action() instanceof MergeAction.Insert i && insert == null) {
                    insert = i;
                } else if (match.equals("NOT MATCHED BY SOURCE") && when.action() instanceof MergeAction.Delete) {
                    sync = true;
                } else {
                    throw Untranslated.construct(when.pos(), "WHEN " + match + " THEN " + when.action().getClass()
                            .getSimpleName().toUpperCase(Locale.ROOT) + " (only WHEN MATCHED THEN UPDATE, WHEN NOT"
                            + " MATCHED THEN INSERT and WHEN NOT MATCHED BY SOURCE THEN DELETE are models)");
                }
            }
            if (insert == null || sets == null || insert.values().isEmpty()) {
                throw Untranslated.construct(merge.pos(), "a MERGE without both WHEN MATCHED THEN UPDATE and WHEN NOT"
                        + " MATCHED THEN INSERT VALUES: existing rows would be kept or new ones left out, which a"
                        + " model that holds the source's rows does not do");
            }
            List<String> names = insertColumns(table, insert.columns(), insert.pos());
            List<Expr> values = insert.values().get();
            if (values.size() != names.size()) {
                throw Untranslated.construct(insert.pos(), "INSERT with " + values.size() + " values for "
                        + names.size() + " columns");
            }
            Map<String, String> inserted = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                inserted.put(lower(names.get(i)), TsqlPrinter.print(values.get(i)));
            }
            // ON: target.k = <source expression> for each key column, AND-ed
            List<String> key = new ArrayList<>();
            List<Expr> conjuncts = new ArrayList<>();
            conjuncts(merge.on(), conjuncts);
            for (Expr c : conjuncts) {
                Optional<String> column = Optional.empty();
                Expr other = null;
                if (c instanceof Expr.Binary b && b.operator().equals("=")) {
                    column = targetColumn(b.left(), alias, table).filter(x -> targetColumn(b.right(), alias, table)
                            .isEmpty());
                    other = b.right();
                    if (column.isEmpty()) {
                        column = targetColumn(b.right(), alias, table).filter(x -> targetColumn(b.left(), alias,
                                table).isEmpty());
                        other = b.left();
                    }
                }
                if (column.isEmpty()) {
                    throw Untranslated.construct(c.pos(), "the MERGE condition is not target column = source value,"
                            + " AND-ed: " + TsqlPrinter.print(c));
                }
                String printed = TsqlPrinter.print(other);
                String keyColumn = column.get();
                if (!printed.equals(inserted.get(lower(keyColumn)))) {
                    throw Untranslated.construct(c.pos(), "key column " + keyColumn + " is matched on " + printed
                            + " but inserted as " + inserted.getOrDefault(lower(keyColumn), "nothing"));
                }
                key.add(names.stream().filter(n -> n.equalsIgnoreCase(keyColumn)).findFirst().orElseThrow());
            }
            java.util.Set<String> updated = new java.util.HashSet<>();
            for (ai.datamigrate.plugin.mssql.internal.ast.Part.SetClause set : sets) {
                Optional<String> column = targetColumn(set.target(), alias, table);
                if (column.isEmpty() || !set.operator().equals("=")) {
                    throw Untranslated.construct(set.pos(), "UPDATE SET " + TsqlPrinter.print(set.target()));
                }
                String value = TsqlPrinter.print(set.value());
                if (!value.equals(inserted.get(lower(column.get())))) {
                    throw Untranslated.construct(set.pos(), "WHEN MATCHED sets " + column.get() + " to " + value
                            + " but WHEN NOT MATCHED inserts " + inserted.getOrDefault(lower(column.get()),
                            "nothing") + ": a model has one value per column");
                }
                updated.add(lower(column.get()));
            }
            List<String> kept = names.stream().filter(n -> !updated.contains(lower(n)) && !key.contains(n)).toList();
            if (!kept.isEmpty()) {
                throw Untranslated.construct(merge.pos(), "WHEN MATCHED keeps " + kept + " as they were, which a"
                        + " model that replaces matched rows would overwrite");
            }
            TableSource source = merge.source();
            Optional<String> watermark = Optional.empty();
            if (!sync && source instanceof TableSource.Derived d && d.alias().isPresent() && d.columns().isEmpty()
                    && d.query().body() instanceof QueryBody.Select body && body.where().isPresent()) {
                // USING (SELECT ... WHERE x > (SELECT MAX(c) FROM t)): the rows past the highest c the table holds,
                // when the MERGE inserts x as c. The model reads every row; dbt's incremental run filters them.
                List<Expr> where = new ArrayList<>();
                conjuncts(body.where().get(), where);
                for (int i = 0; i < where.size() && watermark.isEmpty(); i++) {
                    Optional<String> column = watermark(where.get(i), table, body, d.alias().get(), inserted, names);
                    if (column.isPresent()) {
                        watermark = column;
                        where.remove(i);
                        Optional<Expr> rest = where.stream().reduce((a, b) -> new Expr.Binary(a.pos(), "AND", a, b));
                        QueryBody.Select filtered = new QueryBody.Select(body.pos(), body.quantifier(), body.top(),
                                body.items(), body.into(), body.from(), rest, body.groupBy(), body.having());
                        Query q = d.query();
                        source = new TableSource.Derived(d.pos(), new Query(q.pos(), q.ctes(), filtered, q.orderBy(),
                                q.offset(), q.forClause(), q.option()), d.alias(), d.columns());
                    }
                }
            }
            Converted converted = inserted(table, names, values, source, binding);
            return new MergeModel(converted, table.name(), key, sync, watermark);
        }

        /**
         * The target column of {@code x > (SELECT MAX(c) FROM target)} (or with {@code ISNULL}/{@code COALESCE}
         * around the MAX) in the source query's WHERE, when the MERGE inserts the source's column computed as
         * {@code x} into {@code c}.
         */
        private static Optional<String> watermark(Expr e, Table table, QueryBody.Select body, String alias,
                                                  Map<String, String> inserted, List<String> names) {
            if (!(e instanceof Expr.Binary b) || !b.operator().equals(">")) {
                return Optional.empty();
            }
            Expr right = b.right();
            while (right instanceof Expr.Parenthesized p) {
                right = p.expr();
            }
            if (!(right instanceof Expr.Subquery sq) || !(sq.query().body() instanceof QueryBody.Select max)
                    || max.items().size() != 1 || max.where().isPresent() || max.from().size() != 1
                    || !(max.from().get(0) instanceof TableSource.Named from)
                    || !RoutineBody.sameName(from.name(), new Name(Pos.NONE, List.of(table.name().schema(),
                            table.name().name())))
                    || !(max.items().get(0) instanceof SelectItem.Column item)) {
                return Optional.empty();
            }
            Expr m = item.expr();
            if (m instanceof Expr.FunctionCall f && (f.name().last().equalsIgnoreCase("ISNULL")
                    || f.name().last().equalsIgnoreCase("COALESCE")) && f.arguments().size() == 2
                    && f.arguments().get(1) instanceof Expr.Literal) {
                m = f.arguments().get(0);
            }
            if (!(m instanceof Expr.FunctionCall f) || !f.name().last().equalsIgnoreCase("MAX")
                    || f.arguments().size() != 1 || f.over().isPresent()) {
                return Optional.empty();
            }
            Optional<String> column = targetColumn(f.arguments().get(0), from.alias().orElse(from.name().last()),
                    table);
            if (column.isEmpty() || !inserted.containsKey(lower(column.get()))) {
                return Optional.empty();
            }
            // the source column the MERGE inserts into c must be computed as x
            String printed = TsqlPrinter.print(b.left());
            for (SelectItem si : body.items()) {
                if (si instanceof SelectItem.Column c && TsqlPrinter.print(c.expr()).equals(printed)) {
                    String out = c.alias().orElseGet(() -> c.expr() instanceof Expr.ColumnRef ref ? ref.name().last()
                            : "");
                    String value = inserted.get(lower(column.get()));
                    if (!out.isEmpty() && (value.equalsIgnoreCase(alias + "." + out)
                            || value.equalsIgnoreCase(alias + ".[" + out + "]"))) {
                        return names.stream().filter(n -> n.equalsIgnoreCase(column.get())).findFirst();
                    }
                }
            }
            return Optional.empty();
        }

        private static void conjuncts(Expr e, List<Expr> out) {
            while (e instanceof Expr.Parenthesized p) {
                e = p.expr();
            }
            if (e instanceof Expr.Binary b && b.operator().equalsIgnoreCase("AND")) {
                conjuncts(b.left(), out);
                conjuncts(b.right(), out);
            } else {
                out.add(e);
            }
        }

        /** The target column a reference names: {@code alias.col}, or {@code col} when the target has it. */
        private static Optional<String> targetColumn(Expr e, String alias, Table table) {
            while (e instanceof Expr.Parenthesized p) {
                e = p.expr();
            }
            if (!(e instanceof Expr.ColumnRef ref)) {
                return Optional.empty();
            }
            List<String> parts = ref.name().parts();
            if (parts.size() > 2 || (parts.size() == 2 && !parts.get(0).equalsIgnoreCase(alias))) {
                return Optional.empty();
            }
            return table.columns().stream().map(ai.datamigrate.spi.catalog.Column::name)
                    .filter(n -> n.equalsIgnoreCase(parts.get(parts.size() - 1))).findFirst();
        }

        /** The catalog's names of an INSERT's column list, or every column of the table when there is none. */
        private static List<String> insertColumns(Table table, List<String> columns, Pos pos) {
            if (columns.isEmpty()) {
                return table.columns().stream().map(ai.datamigrate.spi.catalog.Column::name).toList();
            }
            List<String> names = new ArrayList<>();
            for (String c : columns) {
                names.add(table.columns().stream().map(ai.datamigrate.spi.catalog.Column::name)
                        .filter(n -> n.equalsIgnoreCase(c)).findFirst().orElseThrow(() -> Untranslated.construct(pos,
                                "column " + c + " is not in table " + table.name())));
            }
            return names;
        }

        private Table table(Name name, CatalogObject from) {
            List<String> parts = name.parts();
            String schemaName = parts.size() >= 2 ? parts.get(parts.size() - 2) : from.name().schema();
            List<String> schemas = parts.size() >= 2 ? List.of(schemaName) : List.of(schemaName, DEFAULT_SCHEMA);
            for (String s : schemas) {
                Optional<Table> table = names(s).map(n -> n.tables().get(lower(name.last())));
                if (table.isPresent()) {
                    return table.get();
                }
            }
            throw Untranslated.construct(name.pos(), "it writes " + String.join(".", parts)
                    + ", which is not a table of the catalog");
        }

        /**
         * {@code SELECT value AS column, ... FROM from}, each value converted to its column's type as the INSERT
         * would (a CAST where the types differ). The first conversion only learns the values' types.
         */
        private Converted inserted(Table table, List<String> names, List<Expr> values, TableSource from,
                                   Binding binding) {
            int notes = binding.notes.size();
            Converted plain = binding.converter.query(select(names, values, from), null);
            binding.notes.subList(notes, binding.notes.size()).clear();
            List<Expr> cast = new ArrayList<>();
            List<Col> columns = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                String n = names.get(i);
                DataType type = table.columns().stream().filter(c -> c.name().equals(n)).findFirst().orElseThrow()
                        .type();
                DataType plainType = plain.columns().get(i).type();
                boolean same = plainType.name().equalsIgnoreCase(type.name()) && plainType.length()
                        .equals(type.length()) && plainType.precision().equals(type.precision())
                        && plainType.scale().equals(type.scale()) && plainType.max() == type.max();
                cast.add(same ? values.get(i) : new Expr.Cast(Pos.NONE, "CAST", new DataTypeRef(Pos.NONE,
                        new Name(Pos.NONE, List.of(type.name())), arguments(type)), values.get(i), Optional.empty()));
                columns.add(new Col(n, type));
            }
            Converted converted = binding.converter.query(select(names, cast, from), null);
            return new Converted(converted.node(), columns);
        }

        private static List<String> arguments(DataType type) {
            if (type.max()) {
                return List.of("max");
            }
            if (type.length().isPresent()) {
                return List.of(Integer.toString(type.length().getAsInt()));
            }
            if (type.precision().isPresent()) {
                return type.scale().isPresent() ? List.of(Integer.toString(type.precision().getAsInt()),
                        Integer.toString(type.scale().getAsInt())) : List.of(Integer.toString(type.precision()
                        .getAsInt()));
            }
            return List.of();
        }

        private static Query select(List<String> names, List<Expr> values, TableSource from) {
            List<SelectItem> items = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                items.add(new SelectItem.Column(Pos.NONE, values.get(i), Optional.of(names.get(i)),
                        SelectItem.AliasStyle.AS));
            }
            QueryBody.Select body = new QueryBody.Select(Pos.NONE, Optional.empty(), Optional.empty(), items,
                    Optional.empty(), List.of(from), Optional.empty(), Optional.empty(), Optional.empty());
            return new Query(Pos.NONE, List.of(), body, List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty());
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
        private static final String VAR = PARAMETER_PLACEHOLDER;
        private static final java.time.format.DateTimeFormatter ISO_DATE_TIME = new java.time.format
                .DateTimeFormatterBuilder().appendPattern("yyyy-MM-dd HH:mm:ss")
                .appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, 0, 9, true)
                .toFormatter(Locale.ROOT);
        /** The alias of the relation an ETL procedure's INSERT reads, in the model's SQL. */
        private static final String SOURCE_ALIAS = "src";
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

        final Map<String, Optional<QueryConverter.TableFunction>> tableFunctions = new HashMap<>();

        /** The inline table-valued function a FROM clause calls, by its name there, with its parsed query. */
        private Optional<QueryConverter.TableFunction> tableFunction(Name name, CatalogObject from) {
            List<String> parts = name.parts();
            if (parts.size() > 2) {
                return Optional.empty();
            }
            List<String> schemas = parts.size() == 2 ? List.of(parts.get(0))
                    : List.of(from.name().schema(), DEFAULT_SCHEMA);
            for (String s : schemas) {
                Optional<Names> schema = names(s);
                if (schema.isEmpty()) {
                    continue;
                }
                Optional<ai.datamigrate.spi.catalog.Function> function = schema.get().schema().functions().stream()
                        .filter(f -> f.functionKind() == FunctionKind.INLINE_TABLE_VALUED
                                && f.name().name().equalsIgnoreCase(name.last())).findFirst();
                if (function.isEmpty()) {
                    continue;
                }
                ai.datamigrate.spi.catalog.Function f = function.get();
                return tableFunctions.computeIfAbsent(lower(f.name().toString()), k -> {
                    SourceLocation at = f.location();
                    RoutineBody.Shape shape = shape(f, (line, column) -> at);
                    return Optional.of(new QueryConverter.TableFunction(f.name(), f.parameters().stream()
                            .map(p -> new Col(p.name(), p.type())).toList(), ((RoutineBody.Returns) shape).query()));
                });
            }
            return Optional.empty();
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

        /**
         * The SELECT of a view ({@code ... AS select}) or an inline function ({@code RETURNS TABLE ... RETURN}), or
         * what a procedure's body does ({@link RoutineBody}).
         */
        private RoutineBody.Shape shape(CatalogObject o, Locator locator) {
            if (isScalar(o)) {
                QueryConverter.ScalarFunction function = scalar(new Name(Pos.NONE, List.of(o.name().schema(),
                        o.name().name())), o).orElseThrow(() -> Untranslated.construct(Pos.NONE,
                        "the function's body could not be parsed"));
                return new RoutineBody.Scalar(List.of(), List.of(), function);
            }
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
            if (o instanceof Procedure p) {
                return RoutineBody.of(statements, p.parameters().stream().map(x -> lower(x.name()))
                        .collect(java.util.stream.Collectors.toSet()));
            }
            return new RoutineBody.Returns(List.of(), List.of(), query(statements));
        }

        private static Query query(List<Statement> statements) {
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
