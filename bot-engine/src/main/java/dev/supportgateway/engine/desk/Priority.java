package dev.supportgateway.engine.desk;

import java.util.Objects;

/** A request priority of a desk (normal, urgent, immediate; critical incident); {@code outOfTurn} jumps the queue. */
public record Priority(String id, String name, boolean isDefault, boolean outOfTurn) {
    public Priority {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
    }
}
