package dev.supportgateway.routing.queue;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.Priority;
import dev.supportgateway.engine.desk.ServiceTier;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * The order in which a desk's operators take requests (edoc §19–22): out-of-turn priorities first,
 * then tiers by rank (VIP before Basic), then first come, first served. Generic over the queued
 * thing so any ticket type can be ordered without this class knowing it.
 */
public record QueueOrder(Desk desk) {

    public QueueOrder {
        Objects.requireNonNull(desk, "desk");
    }

    public <T> Comparator<T> comparing(Function<T, String> tier, Function<T, String> priority, Function<T, Instant> createdAt) {
        Comparator<T> outOfTurnFirst = Comparator.comparing(t -> outOfTurn(priority.apply(t)) ? 0 : 1);
        Comparator<T> byTierRank = Comparator.comparingInt(t -> rank(tier.apply(t)));
        return outOfTurnFirst.thenComparing(byTierRank).thenComparing(createdAt);
    }

    private boolean outOfTurn(String priorityId) {
        return priorityId != null && desk.priority(priorityId).map(Priority::outOfTurn).orElse(false);
    }

    private int rank(String tierId) {
        // an unknown or missing tier queues as the desk's default tier
        return (tierId == null ? desk.defaultTier() : desk.tier(tierId).or(desk::defaultTier))
                .map(ServiceTier::rank).orElse(Integer.MAX_VALUE);
    }
}
