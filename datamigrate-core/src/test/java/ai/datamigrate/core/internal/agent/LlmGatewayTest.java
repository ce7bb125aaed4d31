package ai.datamigrate.core.internal.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.datamigrate.spi.llm.LlmException;
import ai.datamigrate.spi.llm.LlmMessage;
import ai.datamigrate.spi.llm.LlmProvider;
import ai.datamigrate.spi.llm.LlmRequest;
import ai.datamigrate.spi.llm.LlmResponse;
import ai.datamigrate.spi.llm.TokenUsage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LlmGatewayTest {

    @TempDir
    Path cache;

    private final AtomicInteger calls = new AtomicInteger();
    private final LlmProvider provider = new LlmProvider() {
        @Override
        public LlmResponse chat(LlmRequest request) {
            calls.incrementAndGet();
            return new LlmResponse("answer to " + request.messages().get(0).text(), new TokenUsage(100, 20), "m-1");
        }

        @Override
        public String model() {
            return "m-1";
        }

        @Override
        public OptionalDouble estimateCostUsd(TokenUsage usage) {
            return OptionalDouble.of(usage.total() * 0.01);
        }
    };

    private static LlmRequest request(String text) {
        return new LlmRequest("system", List.of(LlmMessage.user(text)), Optional.empty(), 100);
    }

    @Test
    void aRepeatedPromptIsAnsweredFromTheCacheAcrossGatewaysAndCostsNothing() {
        LlmGateway first = new LlmGateway("p", Optional.of(provider), Optional.of(cache), OptionalDouble.empty(), 2);
        LlmGateway.Answer paid = first.call(request("q"));
        assertFalse(paid.cached());
        assertEquals(1.2, paid.paidUsd(), 1e-9);
        LlmGateway second = new LlmGateway("p", Optional.of(provider), Optional.of(cache), OptionalDouble.empty(), 2);
        LlmGateway.Answer cached = second.call(request("q"));
        assertTrue(cached.cached());
        assertEquals(paid.response().text(), cached.response().text());
        assertEquals(TokenUsage.NONE, cached.paidTokens());
        assertEquals(1, calls.get());
        assertEquals(1, second.cacheHits());
        assertEquals(0, second.calls());
    }

    @Test
    void theKeyCoversProviderModelParametersAndPrompt() {
        LlmGateway a = new LlmGateway("p", Optional.of(provider), Optional.empty(), OptionalDouble.empty(), 1);
        LlmGateway b = new LlmGateway("other", Optional.of(provider), Optional.empty(), OptionalDouble.empty(), 1);
        assertEquals(a.key(request("q")), a.key(request("q")));
        assertNotEquals(a.key(request("q")), a.key(request("q2")));
        assertNotEquals(a.key(request("q")), b.key(request("q")));
        assertNotEquals(a.key(request("q")), a.key(new LlmRequest("system", List.of(LlmMessage.user("q")),
                Optional.empty(), 101)));
    }

    @Test
    void offlineUsesOnlyTheCache() {
        new LlmGateway("p", Optional.of(provider), Optional.of(cache), OptionalDouble.empty(), 1).call(request("q"));
        LlmGateway offline = new LlmGateway("p", Optional.empty(), Optional.of(cache), OptionalDouble.empty(), 1);
        // the offline gateway knows no model: it takes this provider's answer of any model
        LlmGateway.Answer cached = offline.call(request("q"));
        assertTrue(cached.cached());
        assertEquals("answer to q", cached.response().text());
        LlmException missing = assertThrows(LlmException.class, () -> offline.call(request("other")));
        assertEquals(LlmException.NOT_CACHED, missing.errorCode());
    }

    @Test
    void theBudgetStopsFurtherCalls() {
        LlmGateway gateway = new LlmGateway("p", Optional.of(provider), Optional.empty(), OptionalDouble.of(2.0), 1);
        gateway.call(request("1"));
        gateway.call(request("2"));
        LlmException stop = assertThrows(LlmException.class, () -> gateway.call(request("3")));
        assertEquals(LlmException.BUDGET_EXHAUSTED, stop.errorCode());
        assertTrue(stop.getMessage().contains("$2.00"), stop.getMessage());
        assertEquals(2, calls.get());
    }
}
