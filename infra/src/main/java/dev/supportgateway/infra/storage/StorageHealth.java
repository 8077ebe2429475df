package dev.supportgateway.infra.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health}'s storage part: down while the embedded database is as far behind as it may be (saves
 * that would add a conversation are refused then), with how many conversations wait for it.
 */
final class StorageHealth implements HealthIndicator {

    private final JdbcConversations conversations;

    StorageHealth(JdbcConversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public Health health() {
        if (conversations.journal() == null) {
            return Health.up().withDetail("saves", "written through").build();
        }
        // up again as soon as the rounds catch up, without waiting for a save
        return (conversations.backlogFull() ? Health.down() : Health.up()).withDetail("saves", "written behind the journal")
                .withDetail("unwrittenConversations", conversations.unflushedConversations())
                .withDetail("maxUnwrittenConversations", conversations.maxUnwritten())
                .withDetail("journalBytes", conversations.journal().keptBytes())
                .withDetail("maxJournalBytes", conversations.maxJournalBytes())
                .build();
    }
}
