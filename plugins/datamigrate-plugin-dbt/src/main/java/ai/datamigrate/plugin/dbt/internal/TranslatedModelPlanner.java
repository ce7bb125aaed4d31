package ai.datamigrate.plugin.dbt.internal;

import ai.datamigrate.plugin.dbt.internal.ProjectPlan.Import;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.Layer;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.ModelPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.SourcePlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.StagedTable;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.TranslatedPlan;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.Upstream;
import ai.datamigrate.plugin.dbt.internal.ProjectPlan.UpstreamModel;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.catalog.SourceLocation;
import ai.datamigrate.spi.catalog.Table;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.output.ModelReference;
import ai.datamigrate.spi.output.TranslatedModel;
import ai.datamigrate.spi.target.TargetDialect;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places translated views, functions and procedures in the project: layer, folder, name, the relations each reads,
 * and which cannot be written (bad placeholders, cycles, missing dependencies).
 *
 * <p><b>Layering policy.</b> A translated model that another translated model reads is a building block: it goes
 * to {@code models/intermediate/<source>/} as {@code int_<source>__<name>}. Every other translated model is what
 * people query: it goes to {@code models/marts/<source>/} under the object's business name in snake_case
 * ({@code sales."Order Totals"} becomes {@code order_totals}), prefixed with its source
 * ({@code <source>__order_totals}) when the plain name is not unique in the project (two schemas have an object of
 * that name, or another model or snapshot already has it), because dbt model names are global. A snake_case
 * name never contains {@code __}, which every staging, snapshot and intermediate name does, so in practice only
 * the first case happens. "Reads" counts every translated model of the request, also one that cannot be written, so a model's name
 * never changes because an unrelated model failed. {@code <source>} is the dbt source name of the object's schema.
 * Names longer than the target's identifiers are shortened; the few remaining clashes get {@code _2}, {@code _3}.
 * Everything is decided in the order of the objects' names, so the same input gives the same project.
 */
final class TranslatedModelPlanner {

    static final String BAD_PLACEHOLDER = "DBT-MODEL-BAD-PLACEHOLDER";
    static final String CYCLE = "DBT-MODEL-CYCLE";
    static final String MISSING_DEPENDENCY = "DBT-MODEL-MISSING-DEPENDENCY";
    static final String DUPLICATE = "DBT-MODEL-DUPLICATE";
    static final String MATERIALIZATION = "DBT-MODEL-MATERIALIZATION";

    /** The translator's placeholders: made-up tokens, so filling them in is template filling, not SQL rewriting. */
    static final Pattern PLACEHOLDER = Pattern.compile("__dm_rel_[0-9]+__");
    static final Set<String> MATERIALIZATIONS = Set.of("view", "table", "ephemeral", "incremental");
    private static final Comparator<TranslatedModel> ORDER = Comparator.comparing(TranslatedModel::object)
            .thenComparing(TranslatedModel::kind).thenComparing(TranslatedModel::origin)
            .thenComparing(TranslatedModel::sql);

    private final Database database;
    private final TargetDialect dialect;
    private final UniqueNames<Object> modelNames;
    private final Function<String, String> sourceNameOf;
    private final List<Diagnostic> diagnostics;
    /** By {@link #key}: the staging models, the catalog's objects (tables last, so views win), the nodes. */
    private final Map<String, ModelPlan> staging = new HashMap<>();
    private final Map<String, CatalogObject> objects = new HashMap<>();
    private final Map<String, Node> nodesByName = new HashMap<>();

    /** One translated model on its way through planning. */
    private static final class Node {
        final TranslatedModel model;
        final Optional<CatalogObject> object;
        final List<Node> reads = new ArrayList<>();
        Layer layer;
        String sourceName;
        String modelName;
        boolean placeholdersOk;
        /** Tarjan's bookkeeping. */
        int index = -1;
        int lowLink;
        boolean onStack;
        boolean inCycle;
        Optional<Boolean> written = Optional.empty();

        Node(TranslatedModel model, Optional<CatalogObject> object) {
            this.model = model;
            this.object = object;
        }

        String label() {
            return model.kind() + " " + model.object();
        }
    }

    TranslatedModelPlanner(Database database, TargetDialect dialect, List<SourcePlan> sources,
                           UniqueNames<Object> modelNames, Function<String, String> sourceNameOf,
                           List<Diagnostic> diagnostics) {
        this.database = database;
        this.dialect = dialect;
        this.modelNames = modelNames;
        this.sourceNameOf = sourceNameOf;
        this.diagnostics = diagnostics;
        sources.forEach(s -> s.models().forEach(m -> staging.putIfAbsent(key(m.table().name()), m)));
        database.objects().filter(o -> !(o instanceof Table)).forEach(o -> objects.putIfAbsent(key(o.name()), o));
        database.tables().forEach(t -> objects.putIfAbsent(key(t.name()), t));
    }

    /** SQL Server's default collations compare names case-insensitively, as {@link ObjectName#matches} does. */
    static String key(ObjectName name) {
        return name.schema().toLowerCase(Locale.ROOT) + "\u0000" + name.name().toLowerCase(Locale.ROOT);
    }

    List<TranslatedPlan> plan(List<TranslatedModel> models) {
        List<Node> nodes = nodes(models);
        for (Node node : nodes) {
            node.placeholdersOk = checkPlaceholders(node);
            for (ModelReference reference : node.model.references()) {
                if (staged(reference.target()).isEmpty()) {
                    Optional.ofNullable(nodesByName.get(key(reference.target())))
                            .filter(n -> !node.reads.contains(n)).ifPresent(node.reads::add);
                }
            }
        }
        Set<Node> read = new HashSet<>();
        nodes.forEach(n -> n.reads.stream().filter(r -> r != n).forEach(read::add));
        for (Node node : nodes) {
            node.layer = read.contains(node) ? Layer.INTERMEDIATE : Layer.MARTS;
            node.sourceName = sourceNameOf.apply(node.model.object().schema());
        }
        name(nodes);
        findCycles(nodes);
        List<TranslatedPlan> plans = new ArrayList<>();
        // Depth-first from each node in name order: every model comes after the models it reads.
        for (Node node : nodes) {
            emit(node, plans);
        }
        return plans;
    }

    /** One node per object, in name order; later translations of an object already seen are reported. */
    private List<Node> nodes(List<TranslatedModel> models) {
        List<Node> nodes = new ArrayList<>();
        for (TranslatedModel model : models.stream().sorted(ORDER).toList()) {
            Optional<CatalogObject> object = Optional.ofNullable(objects.get(key(model.object())))
                    .filter(o -> !(o instanceof Table));
            Optional<Node> earlier = Optional.ofNullable(nodesByName.get(key(model.object())));
            if (earlier.isPresent()) {
                diagnostics.add(Diagnostic.warning(DUPLICATE, location(object), "translated twice (" + model.origin()
                        + " and " + earlier.get().model.origin() + "); the first translation is used")
                        .withObject(model.object().toString()));
                continue;
            }
            Node node = new Node(model, object);
            nodes.add(node);
            nodesByName.put(key(model.object()), node);
        }
        return nodes;
    }

    private SourceLocation location(Optional<CatalogObject> object) {
        return object.map(CatalogObject::location).orElseGet(() -> SourceLocation.unknown(database.name()));
    }

    private void report(Node node, Diagnostic diagnostic) {
        diagnostics.add(diagnostic.withObject(node.model.object().toString()));
    }

    /** Every placeholder of the references is in the SQL, and the SQL has no placeholder nobody explained. */
    private boolean checkPlaceholders(Node node) {
        Set<String> inSql = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(node.model.sql());
        while (matcher.find()) {
            inSql.add(matcher.group());
        }
        Map<String, ObjectName> declared = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (ModelReference reference : node.model.references()) {
            ObjectName previous = declared.putIfAbsent(reference.placeholder(), reference.target());
            if (previous != null && !previous.matches(reference.target())) {
                problems.add(reference.placeholder() + " stands for both " + previous + " and " + reference.target());
            }
            if (!inSql.contains(reference.placeholder())) {
                problems.add(reference.placeholder() + " (" + reference.target() + ") is not in the SQL");
            }
        }
        inSql.stream().filter(p -> !declared.containsKey(p)).forEach(p -> problems.add(p
                + " is in the SQL but names no reference"));
        if (problems.isEmpty()) {
            return true;
        }
        report(node, Diagnostic.error(BAD_PLACEHOLDER, location(node.object), "the translated SQL and its"
                + " references disagree, so its relations cannot be wired; no model generated: "
                + String.join("; ", problems)));
        return false;
    }

    private Optional<ModelPlan> staged(ObjectName target) {
        return Optional.ofNullable(staging.get(key(target)));
    }

    /** Intermediate models first, then marts, each in name order: see the layering policy above. */
    private void name(List<Node> nodes) {
        Map<String, Integer> martNames = new HashMap<>();
        for (Node node : nodes) {
            if (node.layer == Layer.MARTS) {
                martNames.merge(snake(node), 1, Integer::sum);
            }
        }
        for (Layer layer : List.of(Layer.INTERMEDIATE, Layer.MARTS)) {
            for (Node node : nodes) {
                if (node.layer != layer) {
                    continue;
                }
                String snake = snake(node);
                String prefixed = node.sourceName + "__" + snake;
                String wanted = layer == Layer.INTERMEDIATE ? "int_" + prefixed
                        : martNames.get(snake) > 1 || modelNames.taken(shorten(snake)) ? prefixed : snake;
                String shortened = shorten(wanted);
                UniqueNames.Allocation<Object> name = modelNames.allocate(shortened, node);
                node.modelName = name.name();
                if (!shortened.equals(wanted)) {
                    report(node, Diagnostic.warning(ProjectPlanner.NAME_TOO_LONG, location(node.object),
                            "model name " + wanted + " is longer than the target's " + dialect.maxIdentifierLength()
                                    + " characters; the model is named " + node.modelName));
                }
                name.collidedWith().ifPresent(other -> report(node, Diagnostic.warning(
                        ProjectPlanner.NAME_COLLISION, location(node.object), "model name " + shortened
                                + " is taken by " + describe(other) + "; this model is named " + node.modelName)));
            }
        }
    }

    private static String describe(Object owner) {
        if (owner instanceof Node node) {
            return "the model of " + node.label();
        }
        if (owner instanceof Table table) {
            return "the staging model of table " + table.name();
        }
        if (owner instanceof ModelPlan model) {
            return "the snapshot of table " + model.table().name();
        }
        return owner.toString();
    }

    private String shorten(String name) {
        return ProjectPlanner.shorten(name, dialect.maxIdentifierLength());
    }

    private static String snake(Node node) {
        String snake = SnakeCase.of(node.model.object().name());
        return snake.isEmpty() ? node.model.kind().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_") : snake;
    }

    /** Tarjan's strongly connected components: each with more than one model, or a model reading itself, is a cycle. */
    private void findCycles(List<Node> nodes) {
        int[] counter = {0};
        Deque<Node> stack = new ArrayDeque<>();
        for (Node node : nodes) {
            if (node.index < 0) {
                strongConnect(node, counter, stack);
            }
        }
    }

    private void strongConnect(Node node, int[] counter, Deque<Node> stack) {
        node.index = counter[0];
        node.lowLink = counter[0]++;
        stack.push(node);
        node.onStack = true;
        for (Node next : node.reads) {
            if (next.index < 0) {
                strongConnect(next, counter, stack);
                node.lowLink = Math.min(node.lowLink, next.lowLink);
            } else if (next.onStack) {
                node.lowLink = Math.min(node.lowLink, next.index);
            }
        }
        if (node.lowLink != node.index) {
            return;
        }
        List<Node> component = new ArrayList<>();
        Node member;
        do {
            member = stack.pop();
            member.onStack = false;
            component.add(member);
        } while (member != node);
        if (component.size() > 1 || node.reads.contains(node)) {
            Set<Node> members = new HashSet<>(component);
            for (Node cycleMember : component) {
                cycleMember.inCycle = true;
            }
            for (Node cycleMember : component) {
                report(cycleMember, Diagnostic.error(CYCLE, location(cycleMember.object), "models read each other"
                        + " in a cycle, which dbt cannot build: " + cyclePath(cycleMember, members)
                        + "; no model generated for any of them"));
            }
        }
    }

    /** The shortest way round the cycle from {@code start} back to it, as {@code a -> b -> a}. */
    private static String cyclePath(Node start, Set<Node> members) {
        Map<Node, Node> cameFrom = new HashMap<>();
        Deque<Node> queue = new ArrayDeque<>(List.of(start));
        Node last = null;
        while (!queue.isEmpty() && last == null) {
            Node current = queue.poll();
            for (Node next : current.reads) {
                if (next == start) {
                    last = current;
                    break;
                }
                if (members.contains(next) && !cameFrom.containsKey(next)) {
                    cameFrom.put(next, current);
                    queue.add(next);
                }
            }
        }
        List<String> path = new ArrayList<>();
        path.add(start.model.object().toString());
        for (Node n = last; n != null && n != start; n = cameFrom.get(n)) {
            path.add(1, n.model.object().toString());
        }
        path.add(start.model.object().toString());
        return String.join(" -> ", path);
    }

    /** Emits the models a node reads, then the node, when it can be written. */
    private boolean emit(Node node, List<TranslatedPlan> plans) {
        if (node.written.isPresent()) {
            return node.written.get();
        }
        node.written = Optional.of(false); // cycles are already excluded; this only guards re-entry
        if (!node.placeholdersOk || node.inCycle) {
            return false;
        }
        List<String> missing = new ArrayList<>();
        Map<String, Upstream> upstreams = new LinkedHashMap<>();
        Map<String, List<String>> placeholders = new LinkedHashMap<>();
        for (ModelReference reference : node.model.references()) {
            Optional<ModelPlan> table = staged(reference.target());
            Upstream upstream;
            String key;
            if (table.isPresent()) {
                upstream = new StagedTable(table.get());
                key = "table " + table.get().modelName();
            } else {
                Optional<Node> upstreamNode = node.reads.stream().filter(n -> n.model.object()
                        .matches(reference.target())).findFirst();
                if (upstreamNode.isEmpty()) {
                    missing.add(whyMissing(reference.target()));
                    continue;
                }
                if (!emit(upstreamNode.get(), plans)) {
                    missing.add(upstreamNode.get().label() + " (its model was not generated, see its diagnostics)");
                    continue;
                }
                upstream = new UpstreamModel(upstreamNode.get().modelName);
                key = "model " + upstreamNode.get().modelName;
            }
            upstreams.putIfAbsent(key, upstream);
            List<String> tokens = placeholders.computeIfAbsent(key, k -> new ArrayList<>());
            if (!tokens.contains(reference.placeholder())) {
                tokens.add(reference.placeholder());
            }
        }
        if (!missing.isEmpty()) {
            report(node, Diagnostic.warning(MISSING_DEPENDENCY, location(node.object), "reads what the project"
                    + " does not have, so no model is generated: " + String.join("; ", missing.stream().distinct()
                    .toList())));
            return false;
        }
        String materialization = node.model.materialization().toLowerCase(Locale.ROOT);
        if (!MATERIALIZATIONS.contains(materialization)) {
            report(node, Diagnostic.warning(MATERIALIZATION, location(node.object), "materialization '"
                    + node.model.materialization() + "' is not one of " + MATERIALIZATIONS.stream().sorted().toList()
                    + "; the model is a view"));
        }
        Set<String> usedNames = new HashSet<>();
        Set<String> words = words(node.model.sql());
        List<Import> imports = new ArrayList<>();
        for (Map.Entry<String, Upstream> entry : upstreams.entrySet()) {
            String cte = cteName(entry.getValue(), usedNames, words);
            imports.add(new Import(cte, placeholders.get(entry.getKey()), entry.getValue()));
        }
        String finalName = freeName("final", usedNames, words);
        node.written = Optional.of(true);
        plans.add(new TranslatedPlan(node.model, node.object, node.layer, node.sourceName, node.modelName, imports,
                finalName));
        return true;
    }

    private String whyMissing(ObjectName target) {
        Optional<CatalogObject> object = Optional.ofNullable(objects.get(key(target)));
        if (object.isEmpty()) {
            return target + " (not in the catalog)";
        }
        if (object.get() instanceof Table) {
            return "table " + target + " (it has no staging model)";
        }
        return object.get().kind() + " " + target + " (not translated)";
    }

    /** Import CTEs are named after what they read: the table's dbt name, or the object's snake_case name. */
    private String cteName(Upstream upstream, Set<String> used, Set<String> words) {
        String base = upstream instanceof StagedTable staged ? staged.table().tableName()
                : ((UpstreamModel) upstream).modelName().replaceFirst("^int_[a-z0-9_]*?__", "");
        return dialect.identifier(freeName(base, used, words));
    }

    /**
     * A name not used by another CTE of the model, nor anywhere in its SQL: the translated SQL may have CTEs or
     * aliases of its own, which must neither shadow an import nor be shadowed by one.
     */
    private String freeName(String base, Set<String> used, Set<String> words) {
        int max = dialect.maxIdentifierLength();
        String candidate = base.length() > max ? base.substring(0, max) : base;
        for (int n = 2; used.contains(candidate) || words.contains(candidate); n++) {
            String suffix = "_" + n;
            candidate = (base.length() > max - suffix.length() ? base.substring(0, max - suffix.length()) : base)
                    + suffix;
        }
        used.add(candidate);
        return candidate;
    }

    /** Every word of the SQL, lower-cased: identifiers, keywords, and words in strings and comments alike. */
    private static Set<String> words(String sql) {
        Set<String> words = new HashSet<>();
        Matcher matcher = Pattern.compile("[\\p{L}\\p{N}_$]+").matcher(sql);
        while (matcher.find()) {
            words.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
