package dev.supportgateway.engine.conversation;

import java.util.Objects;

/** The identifier of a conversation, unique across desks and nodes. */
public record ConversationId(String value) {

    public ConversationId {
        Objects.requireNonNull(value, "conversation id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a conversation id must not be blank");
        }
    }

    public static ConversationId of(String value) {
        return new ConversationId(value);
    }

    /** A fresh id: time-ordered with random bits, so that nodes need no coordination to open conversations. */
    public static ConversationId random() {
        return new ConversationId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
