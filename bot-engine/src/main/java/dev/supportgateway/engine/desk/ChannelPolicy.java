package dev.supportgateway.engine.desk;

import java.util.List;
import java.util.Objects;

/**
 * How a desk uses one channel: whether it is on, which service tiers may use it (empty = all),
 * the address customers see, a notice told to customers on it (e.g. that calls are recorded), and
 * how soon a request from it must be registered as a ticket ({@code registeredWithin}, null = at once;
 * initiativa promises its web form reaches the helpdesk within 3 minutes).
 */
public record ChannelPolicy(ChannelKind kind, boolean enabled, boolean recommended, List<String> tiers, String address,
                            String notice, SlaTarget registeredWithin) {

    public ChannelPolicy {
        Objects.requireNonNull(kind, "kind");
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public ChannelPolicy(ChannelKind kind, boolean enabled, boolean recommended, List<String> tiers, String address, String notice) {
        this(kind, enabled, recommended, tiers, address, notice, null);
    }

    public boolean openTo(String tierId) {
        return enabled && (tiers.isEmpty() || tiers.contains(tierId));
    }
}
