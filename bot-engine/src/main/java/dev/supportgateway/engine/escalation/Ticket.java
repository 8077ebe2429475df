package dev.supportgateway.engine.escalation;

import java.time.Instant;
import java.util.Objects;

/**
 * A registered request: its registration number as the customer is told it ({@code EDOC-2026-000123})
 * and when the first reply is due by the desk's SLA (null when the desk states no SLA).
 */
public record Ticket(String number, Instant firstReplyDue) {
    public Ticket {
        Objects.requireNonNull(number, "number");
        if (number.isBlank()) {
            throw new IllegalArgumentException("a ticket needs a registration number");
        }
    }
}
