package dev.supportgateway.infra.storage;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code /actuator/health}'s storage part: down while saves of further conversations are refused because the embedded
 * database has fallen behind, with how many conversations wait for it.
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
        Health.Builder health = conversations.refusing() ? Health.down() : Health.up();
        return health.withDetail("saves", "written behind the journal")
                .withDetail("unwrittenConversations", conversations.unflushedConversations())
                .withDetail("maxUnwrittenConversations", conversations.maxUnwritten())
                .build();
    }
}
