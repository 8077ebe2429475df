package dev.supportgateway.engine.escalation;

import dev.supportgateway.engine.desk.Desk;
import java.time.Instant;
import java.util.Optional;

/** When a desk's operators work, as the dialogue asks it (routing implements it with the production calendar). */
public interface BusinessHours {

    boolean isOpen(Desk desk, Instant at);

    /** The next moment operators start work after {@code at}; empty when the desk works around the clock. */
    Optional<Instant> nextOpening(Desk desk, Instant at);

    /** The schedule in one Russian sentence for customers: «Операторы работают пн–пт 9:00–18:00 (время Астаны)». */
    String describe(Desk desk);
}
