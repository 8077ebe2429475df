package dev.supportgateway.engine.desk;

import java.util.Objects;

/**
 * Whether an operator may extend a resolution deadline, and how the customer must be told about it
 * (eorder: only with a written notice by e-mail, {@code announceVia = EMAIL}).
 */
public record SlaExtension(boolean allowed, ChannelKind announceVia, String notice) {

    /** Deadlines are what the SLA says; nobody extends them. */
    public static final SlaExtension NOT_ALLOWED = new SlaExtension(false, null, null);

    public SlaExtension {
        if (allowed) {
            Objects.requireNonNull(announceVia, "an extension must say how the customer is told (announceVia)");
        }
    }
}
