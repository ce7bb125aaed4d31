package ai.datamigrate.core.internal.agent;

import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import ai.datamigrate.spi.validate.QueryCheck;
import ai.datamigrate.spi.validate.QueryValidator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks every model passes before it is trusted, whoever wrote it: the target's parser must see exactly one
 * query, every relation it reads must be one of the model's declared references, and, with a target connection,
 * the query must execute there (inside a read-only transaction that is rolled back) on top of the raw tables and
 * of temporary views standing in for the models it reads.
 */
final class ModelCheck {

    private final QueryValidator validator;
    private final Database catalog;
    private final TargetDialect dialect;
    /** Whether a relation without a model is a raw table even when the catalog does not list it. */
    private final boolean unknownIsTable;

    ModelCheck(QueryValidator validator, Database catalog, TargetDialect dialect) {
        this(validator, catalog, dialect, false);
    }

    ModelCheck(QueryValidator validator, Database catalog, TargetDialect dialect, boolean unknownIsTable) {
        this.validator = validator;
        this.catalog = catalog;
        this.dialect = dialect;
        this.unknownIsTable = unknownIsTable;
    }

    /** Executes the model whatever its origin (a project being validated); empty when it ran. */
    Optional<String> executeOnly(TranslatedModel model, Function<ObjectName, Optional<TranslatedModel>> models) {
        return execute(model, models);
    }

    boolean executes() {
        return validator.canExecute();
    }

    /**
     * The first problem found, empty when the model passed.
     *
     * @param models the other models of the run, for the views this one reads
     */
    Optional<String> check(TranslatedModel model, Function<ObjectName, Optional<TranslatedModel>> models) {
        if (model.origin().equals("rule")) {
            // rendered by our own translator from trees: its syntax is the target's, which Calcite's parser does
            // not fully know (LATERAL VALUES, WITH TIES, ordered aggregates); only execution can judge it
            return validator.canExecute() ? execute(model, models) : Optional.empty();
        }
        QueryCheck parsed = validator.parse(model.sql());
        if (!parsed.ok()) {
            return Optional.of("the SQL is not a single query the target's parser accepts: " + parsed.error().get());
        }
        Set<String> declared = new HashSet<>();
        model.references().forEach(r -> declared.add(r.placeholder()));
        List<String> unknown = parsed.relations().stream().filter(r -> !declared.contains(r)).distinct().toList();
        if (!unknown.isEmpty()) {
            return Optional.of("the SQL reads relations that are not among the placeholders it was given: "
                    + String.join(", ", unknown) + " (allowed: " + String.join(", ", declared.stream().sorted()
                    .toList()) + ")");
        }
        if (!validator.canExecute()) {
            return Optional.empty();
        }
        return execute(model, models);
    }

    private Optional<String> execute(TranslatedModel model, Function<ObjectName, Optional<TranslatedModel>> models) {
        List<String> setup = new ArrayList<>();
        Map<ObjectName, String> views = new java.util.LinkedHashMap<>();
        Optional<String> problem = standIns(model, models, setup, views, new LinkedHashSet<>());
        if (problem.isPresent()) {
            return problem;
        }
        QueryCheck executed = validator.execute(setup, resolve(model, views));
        return executed.error().map(e -> "the target rejected the query: " + e);
    }

    /** Temporary views for the models {@code model} reads (theirs first), each once. */
    private Optional<String> standIns(TranslatedModel model, Function<ObjectName, Optional<TranslatedModel>> models,
                                      List<String> setup, Map<ObjectName, String> views, Set<ObjectName> visiting) {
        for (ModelReference reference : model.references()) {
            ObjectName target = reference.target();
            Optional<TranslatedModel> upstream = models.apply(target);
            if (views.containsKey(target) || catalog.table(target).isPresent()
                    || (unknownIsTable && upstream.isEmpty())) {
                continue;
            }
            if (upstream.isEmpty()) {
                return Optional.of("it reads " + target + ", which has no model (yet)");
            }
            if (!visiting.add(target)) {
                return Optional.of("it reads " + target + " in a cycle");
            }
            Optional<String> problem = standIns(upstream.get(), models, setup, views, visiting);
            if (problem.isPresent()) {
                return problem;
            }
            String name = dialect.quoteIdentifier("dm_check_" + views.size());
            setup.add("CREATE TEMPORARY VIEW " + name + " AS " + resolve(upstream.get(), views));
            views.put(target, name);
        }
        return Optional.empty();
    }

    /**
     * The model's SQL with its placeholders replaced by the relations that stand for them, and its parameters by
     * their defaults. The placeholders are
     * identifiers the translator (or the LLM, told so) wrote as whole tokens; they occur nowhere else.
     */
    private String resolve(TranslatedModel model, Map<ObjectName, String> views) {
        String sql = model.sql();
        List<ModelReference> references = new ArrayList<>(model.references());
        // longest first, so that __dm_rel_1__ never replaces inside __dm_rel_12__ (impossible with the trailing
        // underscores, but cheap to rule out)
        references.sort((a, b) -> b.placeholder().length() - a.placeholder().length());
        for (ModelReference reference : references) {
            String relation = views.containsKey(reference.target()) ? views.get(reference.target())
                    : validator.rawRelation(reference.target());
            sql = sql.replace(reference.placeholder(), relation);
        }
        // a parameter's value when nothing is set at run time: its default (or NULL), which the SQL casts itself
        List<ai.datamigrate.spi.output.ModelParameter> parameters = new ArrayList<>(model.parameters());
        parameters.sort((a, b) -> b.placeholder().length() - a.placeholder().length());
        for (ai.datamigrate.spi.output.ModelParameter parameter : parameters) {
            sql = sql.replace(parameter.placeholder(), parameter.defaultLiteral());
        }
        return sql;
    }
}
