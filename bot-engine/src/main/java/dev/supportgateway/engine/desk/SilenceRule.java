package dev.supportgateway.engine.desk;

import java.util.Objects;

/** A request waiting for the customer is closed after {@code after} of silence, with {@code reason} (edoc: 8 business hours). */
public record SilenceRule(SlaTarget after, String reason) {
    public SilenceRule {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(reason, "reason");
    }
}
