package dev.supportgateway.engine.escalation;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.SlaTarget;
import java.time.Instant;
import java.util.Optional;

/** When a desk's operators work, as the dialogue asks it (routing implements it with the production calendar). */
public interface BusinessHours {

    boolean isOpen(Desk desk, Instant at);

    /** The next moment operators start work after {@code at}; empty when the desk works around the clock. */
    Optional<Instant> nextOpening(Desk desk, Instant at);

    /**
     * The moment {@code limit} runs out when counted from {@code start} in the desk's time: business hours
     * and days skip nights, breaks, weekends and holidays (routing: {@code BusinessCalendar.plus(start, limit)}).
     * The silence rule and the window for reopening a request are counted with it.
     */
    Instant plus(Desk desk, Instant start, SlaTarget limit);

    /** The schedule in one Russian sentence for customers: «Операторы работают пн–пт 9:00–18:00 (время Астаны)». */
    String describe(Desk desk);
}
