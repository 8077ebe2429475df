package dev.supportgateway.infra.dialogue;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.engine.dialogue.Turn;
import dev.supportgateway.infra.desk.DeskCatalog;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Walks the desks with a silence rule (edoc: no answer from the customer in 8 business hours) every
 * few minutes and lets the engine close the requests whose customer stayed silent. The window is
 * counted in business time by the engine, so a late round only closes a little late.
 */
public class SilenceRounds implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SilenceRounds.class);

    private final ConversationEngine engine;
    private final DeskCatalog catalog;
    private final Clock clock;
    private final Duration every;
    private final ScheduledExecutorService rounds;
    private volatile boolean running;

    /** @param rounds the thread the rounds run on; this owns it from now on and shuts it down when it stops */
    public SilenceRounds(ConversationEngine engine, DeskCatalog catalog, Clock clock, Duration every,
                         ScheduledExecutorService rounds) {
        this.engine = engine;
        this.catalog = catalog;
        this.clock = clock;
        this.every = every;
        this.rounds = rounds;
    }

    /** One round over all desks; returns how many conversations it closed. */
    public int closeSilentConversations() {
        int closed = 0;
        for (Desk desk : catalog.all()) {
            if (desk.silenceRule().isEmpty()) {
                continue;
            }
            try {
                List<Turn> turns = engine.closeSilentConversations(desk.id(), clock.instant());
                closed += turns.size();
                if (!turns.isEmpty()) {
                    LOG.info("desk {}: closed {} requests whose customer did not answer", desk.id(), turns.size());
                }
            } catch (RuntimeException e) {
                LOG.warn("desk {}: silence round failed, the next round tries again", desk.id(), e);
            }
        }
        return closed;
    }

    @Override
    public void start() {
        rounds.scheduleWithFixedDelay(this::closeSilentConversations, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        rounds.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
