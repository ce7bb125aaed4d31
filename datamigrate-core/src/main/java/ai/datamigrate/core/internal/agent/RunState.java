package ai.datamigrate.core.internal.agent;

import ai.datamigrate.spi.agent.MigrationState;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.catalog.CatalogObject;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.Dependency;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The host's migration state: one {@link ObjectState} per catalog object, in a fixed order; thread-safe. */
public final class RunState implements MigrationState {

    private final Database catalog;
    private final Map<ObjectName, ObjectState> objects = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private Runnable onChange = () -> { };
    /** The catalog's objects by name and kind (the first of each, in catalog order): agents look them up per object. */
    private final Map<List<Object>, CatalogObject> catalogObjects = new HashMap<>();
    /** The catalog's dependencies by {@link #folded} source name, in catalog order. */
    private final Map<String, List<Dependency>> dependencies = new HashMap<>();

    public RunState(Database catalog, List<ObjectState> initial, List<Diagnostic> diagnostics) {
        this.catalog = catalog;
        catalog.objects().forEach(o -> catalogObjects.putIfAbsent(List.of(o.name(), o.kind()), o));
        for (Dependency d : catalog.dependencies()) {
            dependencies.computeIfAbsent(folded(d.from()), k -> new ArrayList<>()).add(d);
        }
        initial.forEach(o -> objects.put(o.object(), o));
        this.diagnostics.addAll(diagnostics);
    }

    /** Called (outside the lock) after every change, so that the host can checkpoint object by object. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    @Override
    public Database catalog() {
        return catalog;
    }

    /** The catalog object with this name and kind (what a scan of {@link Database#objects()} finds first). */
    Optional<CatalogObject> catalogObject(ObjectName name, String kind) {
        return Optional.ofNullable(catalogObjects.get(List.of(name, kind)));
    }

    /** What {@link Database#dependenciesOf} returns, without scanning every dependency of the catalog. */
    List<Dependency> dependenciesOf(ObjectName name) {
        return dependencies.getOrDefault(folded(name), List.of()).stream().filter(d -> d.from().matches(name))
                .toList();
    }

    /** Equal for names that {@link ObjectName#matches} (case folded character by character as equalsIgnoreCase). */
    private static String folded(ObjectName name) {
        StringBuilder key = new StringBuilder(name.schema().length() + name.name().length() + 1);
        for (String part : new String[] {name.schema(), name.name()}) {
            for (int i = 0; i < part.length(); i++) {
                key.append(Character.toLowerCase(Character.toUpperCase(part.charAt(i))));
            }
            key.append('\0');
        }
        return key.toString();
    }

    @Override
    public synchronized List<ObjectState> objects() {
        return List.copyOf(objects.values());
    }

    @Override
    public synchronized Optional<ObjectState> object(ObjectName name) {
        return Optional.ofNullable(objects.get(name));
    }

    @Override
    public void update(ObjectName name, UnaryOperator<ObjectState> change) {
        synchronized (this) {
            ObjectState current = objects.get(name);
            if (current == null) {
                throw new IllegalArgumentException("no object " + name + " in this run");
            }
            ObjectState next = change.apply(current);
            if (!next.object().equals(name)) {
                throw new IllegalArgumentException("an update cannot rename " + name + " to " + next.object());
            }
            objects.put(name, next);
        }
        onChange.run();
    }

    @Override
    public synchronized List<Diagnostic> diagnostics() {
        return diagnostics.stream().sorted().toList();
    }

    @Override
    public void addDiagnostic(Diagnostic diagnostic) {
        synchronized (this) {
            if (!diagnostics.contains(diagnostic)) {
                diagnostics.add(diagnostic);
            }
        }
        onChange.run();
    }

    /** Replaces everything with a checkpoint's content. */
    synchronized void restore(List<ObjectState> saved, List<Diagnostic> savedDiagnostics) {
        for (ObjectState o : saved) {
            if (objects.containsKey(o.object())) {
                objects.put(o.object(), o);
            }
        }
        diagnostics.clear();
        diagnostics.addAll(savedDiagnostics);
    }
}
