package ai.datamigrate.core.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.DataMigrateException;
import ai.datamigrate.spi.agent.Agent;
import ai.datamigrate.spi.agent.AgentContext;
import ai.datamigrate.spi.agent.StatePart;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrchestratorTest {

    private static Agent agent(String id) {
        return new Agent() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Set<StatePart> reads() {
                return Set.of(StatePart.MODELS);
            }

            @Override
            public Set<StatePart> writes() {
                return Set.of(StatePart.ANNOTATIONS);
            }

            @Override
            public void run(AgentContext context) {
            }
        };
    }

    private static final List<Agent> BUILTINS = List.of(agent("metadata-extraction"), agent("schema-analysis"),
            agent("model-generation"), agent("validation"));

    @Test
    void customAgentsRunWhereTheyAsk() {
        List<Agent> order = Orchestrator.place(BUILTINS, List.of(
                new Orchestrator.Placed(agent("pii-tags"), "after:model-generation"),
                new Orchestrator.Placed(agent("naming"), "before:model-generation"),
                new Orchestrator.Placed(agent("docs"), "after:validation")));
        assertEquals(List.of("metadata-extraction", "schema-analysis", "naming", "model-generation", "pii-tags",
                "validation", "docs"), order.stream().map(Agent::id).toList());
    }

    @Test
    void aPlacementThatNamesNoAgentIsAUserErrorListingTheIds() {
        DataMigrateException e = assertThrows(DataMigrateException.class, () -> Orchestrator.place(BUILTINS,
                List.of(new Orchestrator.Placed(agent("x"), "after:generation"))));
        assertTrue(e.getMessage().contains("metadata-extraction, schema-analysis, model-generation, validation"),
                e.getMessage());
        assertThrows(DataMigrateException.class, () -> Orchestrator.place(BUILTINS,
                List.of(new Orchestrator.Placed(agent("x"), "during:validation"))));
        assertThrows(DataMigrateException.class, () -> Orchestrator.place(BUILTINS,
                List.of(new Orchestrator.Placed(agent("validation"), "after:validation"))));
    }
}
