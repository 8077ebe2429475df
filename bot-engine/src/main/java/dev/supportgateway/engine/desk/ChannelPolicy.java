package dev.supportgateway.engine.desk;

import java.util.List;
import java.util.Objects;

/**
 * How a desk uses one channel: whether it is on, which service tiers may use it (empty = all),
 * the address customers see, and a notice told to customers on it (e.g. that calls are recorded).
 */
public record ChannelPolicy(ChannelKind kind, boolean enabled, boolean recommended, List<String> tiers, String address, String notice) {

    public ChannelPolicy {
        Objects.requireNonNull(kind, "kind");
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public boolean openTo(String tierId) {
        return enabled && (tiers.isEmpty() || tiers.contains(tierId));
    }
}
