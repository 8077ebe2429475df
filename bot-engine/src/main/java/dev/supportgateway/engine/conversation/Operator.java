package dev.supportgateway.engine.conversation;

import java.util.Objects;

/** A person of the desk who answers customers in the operator console (a supervisor is an operator too). */
public record Operator(String id, String displayName) {

    public Operator {
        Objects.requireNonNull(id, "operator id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an operator id must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? id : displayName.strip();
    }
}
