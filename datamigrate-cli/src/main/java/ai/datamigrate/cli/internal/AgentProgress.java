package ai.datamigrate.cli.internal;

import ai.datamigrate.spi.agent.AgentEvent;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows the agent pipeline's events on the terminal: each step, and for the LLM work one line per attempt and per
 * finished object with the counts so far, tokens used and an ETA from the average time per object.
 */
final class AgentProgress implements Consumer<AgentEvent> {

    private final Terminal terminal;
    private final LongSupplier clock;
    private final long started;
    private final boolean steps;
    private int objectsStarted;
    private int objectsFinished;
    private long tokens;

    /** @param steps whether to show each agent step too (worth it when the steps do more than rules) */
    AgentProgress(Terminal terminal, LongSupplier nanoClock, boolean steps) {
        this.terminal = terminal;
        this.steps = steps;
        this.clock = nanoClock;
        this.started = nanoClock.getAsLong();
    }

    @Override
    public synchronized void accept(AgentEvent event) {
        switch (event.kind()) {
            case STEP_STARTED -> {
                if (steps) {
                    terminal.message("agent " + event.agent() + ": started");
                }
            }
            case STEP_FINISHED -> {
                if (steps || !event.message().isEmpty()) {
                    terminal.message("agent " + event.agent() + ": "
                            + (event.message().isEmpty() ? "done" : event.message()));
                }
            }
            case OBJECT_STARTED -> objectsStarted++;
            case ATTEMPT -> {
                tokens += event.tokens().total();
                terminal.message("  " + event.object().map(Object::toString).orElse("?") + ": attempt "
                        + event.attempt() + " (" + event.message() + ", " + event.tokens().total() + " tokens)");
            }
            case OBJECT_FINISHED -> {
                objectsFinished++;
                terminal.message("  " + event.object().map(Object::toString).orElse("?") + ": " + event.message()
                        + " [" + objectsFinished + "/" + objectsStarted + " objects, " + tokens + " tokens"
                        + eta() + "]");
            }
            default -> { }
        }
    }

    private String eta() {
        int remaining = objectsStarted - objectsFinished;
        if (remaining <= 0 || objectsFinished == 0) {
            return "";
        }
        long perObject = (clock.getAsLong() - started) / objectsFinished;
        Duration left = Duration.ofNanos(perObject * remaining);
        return String.format(java.util.Locale.ROOT, ", ETA %d:%02d", left.toMinutes(), left.toSecondsPart());
    }
}
