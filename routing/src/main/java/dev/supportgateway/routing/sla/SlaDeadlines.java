package dev.supportgateway.routing.sla;

import dev.supportgateway.engine.desk.SlaTarget;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a request created at {@code createdAt} is due: first reply and resolution, each with the
 * limit it comes from. A null limit means the desk's SLA sets none for this kind of request.
 */
public record SlaDeadlines(Instant createdAt, SlaTarget firstReplyTarget, Instant firstReplyDue,
                           SlaTarget resolutionTarget, Instant resolutionDue) {

    public SlaDeadlines {
        Objects.requireNonNull(createdAt, "createdAt");
        if ((firstReplyTarget == null) != (firstReplyDue == null) || (resolutionTarget == null) != (resolutionDue == null)) {
            throw new IllegalArgumentException("a deadline needs its target and a target its deadline");
        }
    }

    public Optional<Instant> firstReply() {
        return Optional.ofNullable(firstReplyDue);
    }

    public Optional<Instant> resolution() {
        return Optional.ofNullable(resolutionDue);
    }
}
