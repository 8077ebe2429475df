package dev.supportgateway.routing.ticket;

import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.routing.sla.SlaPolicy;

/** The SLA policy of each desk in its business time (the composition root builds them from the desk configuration). */
@FunctionalInterface
public interface SlaPolicies {

    /** The desk's policy; an unknown desk is an {@link IllegalArgumentException} or a {@link java.util.NoSuchElementException}. */
    SlaPolicy of(DeskId desk);
}
