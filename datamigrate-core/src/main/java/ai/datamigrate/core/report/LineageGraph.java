package ai.datamigrate.core.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The lineage of a report as a layered left-to-right graph, laid out here rather than by a script library so that
 * the HTML stays self-contained and identical on every run.
 *
 * <p>Nodes are the source tables, views, procedures, functions and triggers, and the dbt models generated from
 * them. Edges: a referenced table to the table whose foreign key refers to it; an object to the code that reads,
 * writes or calls it ({@code Database.dependencies()}); an object to its model; and a model to the model of an
 * object that depends on it (what {@code ref()} will express). A source object's column is the length of the
 * longest dependency chain that leads to it; staging models (from tables) follow in one column, other models in
 * the next. Within a column, nodes are ordered by the mean row of their predecessors (one barycentre sweep),
 * ties by report order, which keeps a model level with its table and few edges crossing.
 */
final class LineageGraph {

    static final Set<String> SOURCE_KINDS = Set.of("table", "view", "procedure", "function", "trigger");

    enum EdgeKind { FOREIGN_KEY, CODE, MODEL, REF }

    static final class Node {
        final String id;
        final String label;
        final String detail;
        final Optional<ReportObject> object;
        final int objectIndex;
        final int order;
        int column;
        int row;

        Node(String id, String label, String detail, Optional<ReportObject> object, int objectIndex, int order) {
            this.id = id;
            this.label = label;
            this.detail = detail;
            this.object = object;
            this.objectIndex = objectIndex;
            this.order = order;
        }

        boolean isModel() {
            return object.isEmpty();
        }
    }

    record Edge(Node from, Node to, EdgeKind kind) {
    }

    final List<Node> nodes = new ArrayList<>();
    final List<Edge> edges = new ArrayList<>();
    final List<String> columnTitles = new ArrayList<>();

    static LineageGraph of(MigrationReport report) {
        LineageGraph graph = new LineageGraph();
        graph.build(report);
        return graph;
    }

    private void build(MigrationReport report) {
        Map<String, Node> sources = new LinkedHashMap<>();
        List<ReportObject> objects = report.objects();
        for (int i = 0; i < objects.size(); i++) {
            ReportObject o = objects.get(i);
            if (SOURCE_KINDS.contains(o.kind()) && !sources.containsKey(key(o.qualifiedName()))) {
                Node node = new Node("n" + nodes.size(), o.qualifiedName(), o.kind() + " · "
                        + o.status().id().replace('_', ' '), Optional.of(o), i, nodes.size());
                sources.put(key(o.qualifiedName()), node);
                nodes.add(node);
            }
        }
        Map<Node, List<Node>> dependsOn = new LinkedHashMap<>();
        for (Node node : sources.values()) {
            List<Node> deps = new ArrayList<>();
            for (String dependency : node.object.orElseThrow().dependencies()) {
                Node from = sources.get(key(dependency));
                if (from != null && from != node && !deps.contains(from)) {
                    deps.add(from);
                    boolean fk = "table".equals(node.object.get().kind()) && "table".equals(from.object.get().kind());
                    edges.add(new Edge(from, node, fk ? EdgeKind.FOREIGN_KEY : EdgeKind.CODE));
                }
            }
            dependsOn.put(node, deps);
        }
        Map<Node, Integer> depth = new HashMap<>();
        for (Node node : sources.values()) {
            depth(node, dependsOn, depth, new LinkedHashSet<>());
        }
        int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        sources.values().forEach(n -> n.column = depth.get(n));

        Map<String, Node> models = new TreeMap<>();
        Map<Node, Node> modelOf = new HashMap<>();
        for (Node source : sources.values()) {
            ReportObject o = source.object.orElseThrow();
            if (o.model().isEmpty()) {
                continue;
            }
            boolean staging = "table".equals(o.kind());
            Node model = models.get(o.model().get());
            if (model == null) {
                model = new Node("n" + nodes.size(), o.model().get(), staging ? "dbt staging model" : "dbt model",
                        Optional.empty(), source.objectIndex, nodes.size());
                model.column = deepest + (staging ? 1 : 2);
                models.put(o.model().get(), model);
                nodes.add(model);
            }
            modelOf.put(source, model);
            edges.add(new Edge(source, model, EdgeKind.MODEL));
        }
        for (Node source : sources.values()) {
            Node model = modelOf.get(source);
            if (model == null) {
                continue;
            }
            for (Node dependency : dependsOn.get(source)) {
                Node upstream = modelOf.get(dependency);
                if (upstream != null && upstream != model
                        && !"table".equals(source.object.orElseThrow().kind())) {
                    edges.add(new Edge(upstream, model, EdgeKind.REF));
                }
            }
        }
        compactColumns(deepest);
        order();
    }

    private static int depth(Node node, Map<Node, List<Node>> dependsOn, Map<Node, Integer> depth,
                             Set<Node> visiting) {
        Integer known = depth.get(node);
        if (known != null) {
            return known;
        }
        if (!visiting.add(node)) {
            return -1; // a cycle (e.g. two tables referring to each other): break it here
        }
        int max = -1;
        for (Node dependency : dependsOn.get(node)) {
            max = Math.max(max, depth(dependency, dependsOn, depth, visiting));
        }
        visiting.remove(node);
        depth.put(node, max + 1);
        return max + 1;
    }

    /** Removes empty columns and names the remaining ones. */
    private void compactColumns(int deepest) {
        TreeSet<Integer> used = new TreeSet<>();
        nodes.forEach(n -> used.add(n.column));
        Map<Integer, Integer> index = new HashMap<>();
        for (int column : used) {
            index.put(column, index.size());
            columnTitles.add(column <= deepest ? (column == 0 ? "SQL Server" : "SQL Server, level " + (column + 1))
                    : column == deepest + 1 ? "dbt staging" : "dbt models");
        }
        nodes.forEach(n -> n.column = index.get(n.column));
    }

    private void order() {
        int columns = columnTitles.size();
        // each node's incoming edges, in edge order, so that a column costs its edges, not all edges per node
        Map<Node, List<Edge>> incoming = new IdentityHashMap<>();
        for (Edge edge : edges) {
            incoming.computeIfAbsent(edge.to(), n -> new ArrayList<>()).add(edge);
        }
        for (int column = 0; column < columns; column++) {
            final int current = column;
            Map<Node, Double> barycentre = new HashMap<>();
            for (Node node : nodes) {
                if (node.column != current) {
                    continue;
                }
                double sum = 0;
                int count = 0;
                for (Edge edge : incoming.getOrDefault(node, List.of())) {
                    if (edge.from().column < current) {
                        sum += edge.from().row;
                        count++;
                    }
                }
                barycentre.put(node, count == 0 ? Double.POSITIVE_INFINITY : sum / count);
            }
            List<Node> inColumn = barycentre.keySet().stream()
                    .sorted(Comparator.comparingDouble((Node n) -> barycentre.get(n)).thenComparingInt(n -> n.order))
                    .toList();
            int next = 0;
            for (Node node : inColumn) {
                double wanted = barycentre.get(node);
                node.row = Double.isInfinite(wanted) ? next : Math.max(next, (int) Math.round(wanted));
                next = node.row + 1;
            }
        }
    }

    int rows() {
        return nodes.stream().mapToInt(n -> n.row + 1).max().orElse(0);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
