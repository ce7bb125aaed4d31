package ai.datamigrate.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.PluginContext;
import ai.datamigrate.spi.agent.Agent;
import ai.datamigrate.spi.agent.AgentContext;
import ai.datamigrate.spi.agent.AgentFactory;
import ai.datamigrate.spi.agent.ObjectState;
import ai.datamigrate.spi.agent.StatePart;
import ai.datamigrate.spi.plugin.DataMigratePlugin;
import ai.datamigrate.testkit.agent.AgentFixtures;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The agent contract passes a well-behaved agent and catches each kind of misbehaviour it is about. */
class AgentContractTest {

    /** Tags every table of the fixture {@code table}: reads the catalog, writes annotations. */
    @Nested
    class WellBehavedAgent implements AgentContract {
        @Override
        public AgentFactory factory() {
            return new Factory("table-tags", "after:model-generation", Set.of(StatePart.ANNOTATIONS),
                    (context, o) -> context.state().update(o.object(), s -> s.withTag("table")));
        }

        @Test
        void tagsTheFixturesTables() {
            var state = newState();
            run(create(), state);
            assertEquals(List.of("dbo.Customers", "dbo.Products", "sales.Orders"), state.objects().stream()
                    .filter(o -> o.tags().contains("table")).map(o -> o.object().toString()).toList());
            assertTrue(state.catalogReads() > 0);
        }
    }

    @Test
    void anAgentNoPluginContributesIsNotFound() {
        AgentContract contract = () -> new Factory("unregistered", "after:validation", Set.of(StatePart.ANNOTATIONS),
                (context, o) -> { });
        AssertionFailedError error = assertThrows(AssertionFailedError.class,
                contract::isContributedByAPluginServiceLoaderFinds);
        assertTrue(error.getMessage().contains("tables/table-tags"), error.getMessage());
    }

    @Test
    void aPlacementOutsideTheBuiltInStepsFails() {
        AgentContract contract = () -> new Factory("lost", "after:nowhere", Set.of(StatePart.ANNOTATIONS),
                (context, o) -> { });
        assertThrows(AssertionFailedError.class, contract::placementNamesABuiltInStep);
        AgentContract noPrefix = () -> new Factory("lost", "model-generation", Set.of(StatePart.ANNOTATIONS),
                (context, o) -> { });
        assertThrows(AssertionFailedError.class, noPrefix::placementNamesABuiltInStep);
    }

    @Test
    void writingAnUndeclaredPartFails() {
        AgentContract contract = () -> new Factory("sneaky", "after:validation", Set.of(StatePart.MODELS),
                (context, o) -> context.state().update(o.object(), s -> s.withMeta("owner", "finance")));
        AssertionFailedError error = assertThrows(AssertionFailedError.class, contract::writesNothingItDidNotDeclare);
        assertTrue(error.getMessage().contains("table dbo.Customers: meta {} -> {owner=finance}"), error.getMessage());
    }

    @Test
    void readingTheUndeclaredCatalogFails() {
        AgentContract contract = () -> new Factory("reader", "after:validation", Set.of(StatePart.ANNOTATIONS),
                (context, o) -> { }) {
            @Override
            public Agent create(Map<String, String> config, PluginContext context) {
                Agent agent = super.create(config, context);
                return new Agent() {
                    @Override
                    public String id() {
                        return agent.id();
                    }

                    @Override
                    public Set<StatePart> reads() {
                        return Set.of(StatePart.MODELS);
                    }

                    @Override
                    public Set<StatePart> writes() {
                        return agent.writes();
                    }

                    @Override
                    public void run(AgentContext context) {
                        agent.run(context);
                    }
                };
            }
        };
        assertThrows(AssertionFailedError.class, contract::readsTheCatalogOnlyIfItSaysSo);
    }

    @Test
    void anAgentWhoseResultDependsOnOrderOrHistoryFails() {
        AtomicInteger counter = new AtomicInteger();
        AgentContract counting = () -> new Factory("counting", "after:validation", Set.of(StatePart.ANNOTATIONS),
                (context, o) -> context.state().update(o.object(), s -> s.withMeta("seen", "" + counter.incrementAndGet())));
        assertThrows(AssertionFailedError.class, counting::sameInputSameState);
        AgentContract appending = () -> new Factory("appending", "after:validation", Set.of(StatePart.MODELS),
                (context, o) -> context.state().update(o.object(), s -> s.withNote("looked at")));
        assertThrows(AssertionFailedError.class, appending::runningAgainChangesNothing);
    }

    /** The test plugin ServiceLoader finds (registered in this module's test resources). */
    public static final class TablesPlugin implements DataMigratePlugin {
        @Override
        public String id() {
            return "tables";
        }

        @Override
        public List<AgentFactory> agents() {
            return List.of(new AgentContractTest().new WellBehavedAgent().factory());
        }
    }

    /** An agent factory whose agent applies {@code work} to each table of the state, in parallel. */
    static class Factory implements AgentFactory {
        private final String name;
        private final String placement;
        private final Set<StatePart> writes;
        private final BiConsumer<AgentContext, ObjectState> work;

        Factory(String name, String placement, Set<StatePart> writes, BiConsumer<AgentContext, ObjectState> work) {
            this.name = name;
            this.placement = placement;
            this.writes = writes;
            this.work = work;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String placement() {
            return placement;
        }

        @Override
        public Agent create(Map<String, String> config, PluginContext context) {
            return new Agent() {
                @Override
                public String id() {
                    return name;
                }

                @Override
                public Set<StatePart> reads() {
                    return Set.of(StatePart.CATALOG);
                }

                @Override
                public Set<StatePart> writes() {
                    return writes;
                }

                @Override
                public void run(AgentContext agentContext) {
                    List<ObjectState> tables = agentContext.state().catalog().tables()
                            .map(t -> agentContext.state().object(t.name()).orElseThrow()).toList();
                    agentContext.forEach(tables, o -> work.accept(agentContext, o));
                }
            };
        }
    }
}
