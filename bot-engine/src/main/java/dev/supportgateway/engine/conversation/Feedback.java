package dev.supportgateway.engine.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * The customer's verdict on one help-center answer (the quality signal for the help center), or on the whole
 * service, given with the closing message's «Хорошо» / «Плохо» ({@code onService}; then {@code answer} is the
 * closing message and {@code article} is null).
 *
 * @param helped for the service: satisfied
 */
public record Feedback(MessageId answer, String article, boolean helped, Instant at, boolean onService) {

    public Feedback {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(at, "at");
        if (onService && article != null) {
            throw new IllegalArgumentException("a rating of the service names no article");
        }
    }

    /** The verdict on one help-center answer. */
    public Feedback(MessageId answer, String article, boolean helped, Instant at) {
        this(answer, article, helped, at, false);
    }

    /** The customer's rating of the service, given with the closing message {@code closing}. */
    public static Feedback onService(MessageId closing, boolean satisfied, Instant at) {
        return new Feedback(closing, null, satisfied, at, true);
    }
}
