package dev.supportgateway.engine.desk;

/**
 * One line of a desk's SLA table: when a request matches tier, channel, priority and category (null
 * matches anything), its first reply and resolution are due within these limits. The first matching
 * rule that sets a limit wins, so specific rules go first.
 */
public record SlaRule(String tier, ChannelKind channel, String priority, String category, SlaTarget firstReply, SlaTarget resolution) {

    public boolean matches(String tierId, ChannelKind channelKind, String priorityId, String categoryId) {
        return (tier == null || tier.equals(tierId))
                && (channel == null || channel == channelKind)
                && (priority == null || priority.equals(priorityId))
                && (category == null || category.equals(categoryId));
    }
}
