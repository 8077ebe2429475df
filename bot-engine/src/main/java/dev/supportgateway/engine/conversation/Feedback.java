package dev.supportgateway.engine.conversation;

import java.time.Instant;
import java.util.Objects;

/** The customer's verdict on one help-center answer: the quality signal for the help center. */
public record Feedback(MessageId answer, String article, boolean helped, Instant at) {
    public Feedback {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(at, "at");
    }
}
