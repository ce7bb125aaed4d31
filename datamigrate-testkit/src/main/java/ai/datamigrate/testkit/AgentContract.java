package ai.datamigrate.testkit;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.Api;
import ai.datamigrate.spi.agent.Agent;
import ai.datamigrate.spi.agent.AgentEvent;
import ai.datamigrate.spi.agent.AgentFactory;
import ai.datamigrate.spi.agent.MigrationState;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.agent.StatePart;
import ai.datamigrate.spi.config.ConfigProperty;
import ai.datamigrate.spi.diagnostic.Diagnostic;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.testkit.agent.AgentFixtures;
import ai.datamigrate.testkit.agent.TestAgentContext;
import ai.datamigrate.testkit.agent.TestMigrationState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every agent a plugin contributes must satisfy; the agent's test class implements it and says which factory
 * to check. The agent runs on {@link #newState()} (by default {@link AgentFixtures#legacyShop()}, a small real state
 * as the host hands it to an agent after model generation) in a {@link TestAgentContext}, whose {@code forEach} uses
 * real threads.
 *
 * <p>"Writes nothing it did not declare" compares every object's state before and after the run, field by field:
 * {@link StatePart#CLASSIFICATION} covers {@code classification} and {@code effortMinutes};
 * {@link StatePart#MODELS} covers {@code model}, {@code attempts}, {@code tokens} and {@code costUsd};
 * {@link StatePart#MODELS} or {@link StatePart#VALIDATION} covers {@code status} and {@code notes};
 * {@link StatePart#ANNOTATIONS} covers {@code meta} and {@code tags}. The catalog cannot be changed through the state
 * at all. Diagnostics are how every agent reports, so any agent may add them.
 */
@Api(status = Api.Status.EXPERIMENTAL, since = "0.1")
public interface AgentContract {

    /** The ids of the built-in steps, in the order they run; a placement names one of them. */
    List<String> BUILT_IN_STEPS = List.of("metadata-extraction", "schema-analysis", "model-generation", "validation");

    /** The factory under test, as the plugin contributes it. */
    AgentFactory factory();

    /** The configuration the agent is created with in these tests; none by default. */
    default Map<String, String> config() {
        return Map.of();
    }

    /** A fresh state to run the agent on; every call must return a new, equal one. */
    default TestMigrationState newState() {
        return AgentFixtures.legacyShop();
    }

    /**
     * The context the agent runs in; by default {@link TestAgentContext#TestAgentContext(MigrationState)} (no LLM,
     * four threads). An agent that asks an LLM overrides this with one, e.g. a
     * {@link ai.datamigrate.testkit.llm.ScriptedLlmProvider}.
     */
    default TestAgentContext newContext(TestMigrationState state) {
        return new TestAgentContext(state);
    }

    @Test
    default void isContributedByAPluginServiceLoaderFinds() {
        List<String> seen = new ArrayList<>();
        boolean found = false;
        for (DataMigratePlugin plugin : ServiceLoader.load(DataMigratePlugin.class)) {
            for (AgentFactory factory : plugin.agents()) {
                seen.add(plugin.id() + "/" + factory.name());
                found |= factory.getClass() == factory().getClass() && factory.name().equals(factory().name());
            }
        }
        assertTrue(found, "no plugin found by ServiceLoader contributes agent factory '" + factory().name() + "' ("
                + factory().getClass().getName() + "); register the plugin in module-info.java (provides) and in "
                + "META-INF/services/ai.datamigrate.spi.plugin.DataMigratePlugin; agents found: " + seen);
    }

    @Test
    default void namesAreWellFormedAndNotBuiltIn() {
        Agent agent = create();
        assertAll(
                () -> assertTrue(factory().name().matches("[a-z][a-z0-9-]*"), "factory name " + factory().name()),
                () -> assertTrue(agent.id().matches("[a-z][a-z0-9-]*"), "agent id " + agent.id()),
                () -> assertFalse(BUILT_IN_STEPS.contains(agent.id()) || agent.id().equals("documentation"),
                        "agent id '" + agent.id() + "' is the id of a built-in step"));
    }

    @Test
    default void placementNamesABuiltInStep() {
        assertPlacement(factory().placement(), "placement()");
        String key = factory().configSpec().namespace() + ".placement";
        factory().configSpec().properties().stream().filter(p -> p.key().equals(key)).findFirst()
                .flatMap(ConfigProperty::defaultValue).ifPresent(value -> assertPlacement(value, "default of " + key));
        Optional.ofNullable(config().get(key)).ifPresent(value -> assertPlacement(value, key + " in config()"));
    }

    @Test
    default void declaresWhatItReadsAndWrites() {
        Agent agent = create();
        assertAll(
                () -> assertFalse(agent.reads().isEmpty(), "an agent that reads nothing has nothing to work on"),
                () -> assertFalse(agent.writes().contains(StatePart.CATALOG),
                        "the state offers no way to change the catalog; do not declare CATALOG as written"),
                () -> assertEquals(agent.reads(), create().reads(), "reads() must not change"),
                () -> assertEquals(agent.writes(), create().writes(), "writes() must not change"));
    }

    @Test
    default void writesNothingItDidNotDeclare() {
        Agent agent = create();
        TestMigrationState state = newState();
        List<ObjectState> before = state.objects();
        run(agent, state);
        List<ObjectState> after = state.objects();
        assertEquals(before.size(), after.size());
        Set<StatePart> writes = agent.writes();
        List<String> undeclared = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            ObjectState was = before.get(i);
            ObjectState is = after.get(i);
            String name = was.kind() + " " + was.object();
            check(undeclared, name, "classification", writes.contains(StatePart.CLASSIFICATION),
                    was.classification(), is.classification());
            check(undeclared, name, "effortMinutes", writes.contains(StatePart.CLASSIFICATION), was.effortMinutes(),
                    is.effortMinutes());
            boolean models = writes.contains(StatePart.MODELS);
            check(undeclared, name, "model", models, was.model(), is.model());
            check(undeclared, name, "attempts", models, was.attempts(), is.attempts());
            check(undeclared, name, "tokens", models, was.tokens(), is.tokens());
            check(undeclared, name, "costUsd", models, was.costUsd(), is.costUsd());
            boolean outcome = models || writes.contains(StatePart.VALIDATION);
            check(undeclared, name, "status", outcome, was.status(), is.status());
            check(undeclared, name, "notes", outcome, was.notes(), is.notes());
            boolean annotations = writes.contains(StatePart.ANNOTATIONS);
            check(undeclared, name, "meta", annotations, was.meta(), is.meta());
            check(undeclared, name, "tags", annotations, was.tags(), is.tags());
        }
        assertTrue(undeclared.isEmpty(), "agent '" + agent.id() + "' declares writes " + writes
                + " but changed: " + undeclared);
    }

    @Test
    default void readsTheCatalogOnlyIfItSaysSo() {
        Agent agent = create();
        TestMigrationState state = newState();
        run(agent, state);
        if (!agent.reads().contains(StatePart.CATALOG)) {
            assertEquals(0, state.catalogReads(), "agent '" + agent.id() + "' read the catalog but does not declare "
                    + "CATALOG in reads()");
        }
    }

    @Test
    default void sameInputSameState() {
        TestMigrationState first = newState();
        TestMigrationState second = newState();
        assertEquals(first.objects(), second.objects(), "newState() must return equal states");
        run(create(), first);
        run(create(), second);
        assertEquals(first.objects(), second.objects(), "two runs on the same input left different objects");
        assertEquals(first.diagnostics(), second.diagnostics(), "two runs on the same input reported differently");
    }

    /** After a resume the host runs a step again over the state it left: that must change nothing. */
    @Test
    default void runningAgainChangesNothing() {
        TestMigrationState state = newState();
        run(create(), state);
        List<ObjectState> once = state.objects();
        List<Diagnostic> reported = state.diagnostics();
        run(create(), state);
        assertEquals(once, state.objects(), "a second run over the agent's own result changed objects");
        assertEquals(reported, state.diagnostics(), "a second run over the agent's own result reported more");
    }

    @Test
    default void doesNotFailOnAnEmptyState() {
        TestMigrationState state = AgentFixtures.empty();
        assertDoesNotThrow(() -> run(create(), state));
        assertTrue(state.objects().isEmpty());
        assertTrue(state.diagnostics().stream().noneMatch(d -> d.severity()
                == ai.datamigrate.spi.diagnostic.Severity.ERROR), "errors about an empty input: "
                + state.diagnostics());
    }

    @Test
    default void eventsNameTheAgentAndItsObjects() {
        Agent agent = create();
        TestMigrationState state = newState();
        List<AgentEvent> events;
        try (TestAgentContext context = newContext(state)) {
            agent.run(context);
            events = context.events();
        }
        for (AgentEvent event : events) {
            assertEquals(agent.id(), event.agent(), "event of another agent: " + event);
            event.object().ifPresent(o -> assertTrue(state.object(o).isPresent(), "event about an unknown object "
                    + o));
        }
    }

    /** A new agent from {@link #factory()} with {@link #config()}. */
    default Agent create() {
        factory().configSpec().validate(config());
        return factory().create(config(), new TestPluginContext());
    }

    /** Runs {@code agent} over {@code state} in a fresh context from {@link #newContext}. */
    default void run(Agent agent, TestMigrationState state) {
        try (TestAgentContext context = newContext(state)) {
            agent.run(context);
        }
    }

    private static void check(List<String> undeclared, String object, String field, boolean allowed, Object was,
                              Object is) {
        if (!allowed && !was.equals(is)) {
            undeclared.add(object + ": " + field + " " + was + " -> " + is);
        }
    }

    private static void assertPlacement(String placement, String what) {
        String[] parts = placement.split(":", 2);
        assertTrue(parts.length == 2 && (parts[0].equals("before") || parts[0].equals("after"))
                        && BUILT_IN_STEPS.contains(parts[1]),
                what + " is '" + placement + "'; expected before:<step> or after:<step> with one of " + BUILT_IN_STEPS);
    }
}
