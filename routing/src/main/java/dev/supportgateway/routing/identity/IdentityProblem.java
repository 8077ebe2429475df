package dev.supportgateway.routing.identity;

import java.util.Objects;

/** Something wrong with one identification field: which field (id and its Russian label) and what to tell the customer. */
public record IdentityProblem(String fieldId, String label, String message) {
    public IdentityProblem {
        Objects.requireNonNull(fieldId, "fieldId");
        Objects.requireNonNull(message, "message");
    }
}
