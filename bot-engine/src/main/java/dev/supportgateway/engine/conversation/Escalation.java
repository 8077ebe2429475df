package dev.supportgateway.engine.conversation;

import java.util.Objects;

/**
 * The hand-over to people in progress: why it started, what the bot asks now, and what it has
 * collected beyond identification (which lives on the conversation, to be reused next time).
 *
 * @param asking      what the last bot message asked for
 * @param fieldId     the identification field asked for when {@code asking} is IDENTIFICATION
 * @param callback    the customer asked to be called back
 */
public record Escalation(String reason, Asking asking, String fieldId, String category, String description, boolean callback) {

    /** What the bot waits for from the customer. */
    public enum Asking { IDENTIFICATION, CATEGORY, DESCRIPTION }

    public Escalation {
        Objects.requireNonNull(reason, "reason");
    }

    public Escalation asking(Asking what, String field) {
        return new Escalation(reason, what, field, category, description, callback);
    }

    public Escalation withCategory(String categoryId) {
        return new Escalation(reason, asking, fieldId, categoryId, description, callback);
    }

    public Escalation withDescription(String text) {
        return new Escalation(reason, asking, fieldId, category, text, callback);
    }

    /** Without the description: it may hold personal data. */
    @Override
    public String toString() {
        return "Escalation[reason=" + reason + ", asking=" + asking + ", field=" + fieldId + ", category=" + category
                + ", described=" + (description != null) + ", callback=" + callback + "]";
    }
}
