package dev.supportgateway.routing.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands. Only QUEUED tickets are in the operators' queue; a request that lacks
 * information is put ON_HOLD until the customer answers; a customer may reopen a CLOSED request (konus).
 */
public enum TicketState {
    /** Registered and waiting for an operator. */
    QUEUED,
    /** An operator works on it. */
    IN_PROGRESS,
    /** Waiting for the customer's answer. */
    ON_HOLD,
    /** Solved, or closed for silence. */
    CLOSED;

    public Set<TicketState> next() {
        return switch (this) {
            case QUEUED -> EnumSet.of(IN_PROGRESS, ON_HOLD, CLOSED);
            case IN_PROGRESS -> EnumSet.of(QUEUED, ON_HOLD, CLOSED);
            case ON_HOLD -> EnumSet.of(QUEUED, IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.of(QUEUED);
        };
    }

    public boolean canMoveTo(TicketState target) {
        return next().contains(target);
    }
}
