package dev.supportgateway.engine.conversation;

import java.util.Objects;

/** The identifier of one message of a transcript, unique across conversations. */
public record MessageId(String value) {

    public MessageId {
        Objects.requireNonNull(value, "message id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a message id must not be blank");
        }
    }

    public static MessageId of(String value) {
        return new MessageId(value);
    }

    public static MessageId random() {
        return new MessageId(TimeOrderedIds.next());
    }

    @Override
    public String toString() {
        return value;
    }
}
