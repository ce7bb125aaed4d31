package ai.datamigrate.testkit.agent;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.agent.MigrationState;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.catalog.Database;
import ai.datamigrate.spi.catalog.ObjectName;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A migration state for agent tests that behaves as the host's does: one {@link ObjectState} per catalog object in
 * the catalog's order, updates that cannot rename an object, diagnostics kept once and listed sorted; thread-safe.
 * It also counts how often the catalog was read, so that a contract can compare it with what an agent declares.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public final class TestMigrationState implements MigrationState {

    private final Database catalog;
    private final Map<ObjectName, ObjectState> objects = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final AtomicInteger catalogReads = new AtomicInteger();

    public TestMigrationState(Database catalog, List<ObjectState> initial, List<Diagnostic> diagnostics) {
        this.catalog = catalog;
        initial.forEach(o -> objects.put(o.object(), o));
        this.diagnostics.addAll(diagnostics);
    }

    /** Every object of the catalog, pending, as the host starts a run. */
    public static TestMigrationState pending(Database catalog) {
        return new TestMigrationState(catalog, catalog.objects().map(o -> ObjectState.pending(o.name(), o.kind()))
                .toList(), List.of());
    }

    @Override
    public Database catalog() {
        catalogReads.incrementAndGet();
        return catalog;
    }

    /** How many times {@link #catalog()} was called. */
    public int catalogReads() {
        return catalogReads.get();
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
    public synchronized void update(ObjectName name, UnaryOperator<ObjectState> change) {
        ObjectState current = objects.get(name);
        if (current == null) {
            throw new IllegalArgumentException("no object " + name + " in this run");
        }
        ObjectState next = change.apply(current);
        if (!next.object().equals(name) || !next.kind().equals(current.kind())) {
            throw new IllegalArgumentException("an update cannot rename " + name + " or change its kind");
        }
        objects.put(name, next);
    }

    @Override
    public synchronized List<Diagnostic> diagnostics() {
        return diagnostics.stream().sorted().toList();
    }

    @Override
    public synchronized void addDiagnostic(Diagnostic diagnostic) {
        if (!diagnostics.contains(diagnostic)) {
            diagnostics.add(diagnostic);
        }
    }
}
