package dev.supportgateway.infra.storage;

import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.infra.desk.DeskCatalog;
import dev.supportgateway.routing.ticket.TicketRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Durable storage of conversations and tickets in the SQL database of {@code spring.datasource.*}
 * (an embedded H2 file by default, PostgreSQL in production), its schema kept by Flyway.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

    /**
     * The engine's conversation store. It keeps the {@code gateway.storage.cached-conversations} most recently
     * used conversations in memory (0: none); with several nodes on one database a cached conversation another
     * node changed costs one failed save (a concurrent change) before it is read again.
     */
    @Bean
    Conversations conversations(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                @Value("${gateway.storage.cached-conversations:" + JdbcConversations.DEFAULT_CACHED + "}") int cached) {
        return new JdbcConversations(jdbc, transactions, cached);
    }

    /** The engine's {@link dev.supportgateway.engine.escalation.Tickets}, and the register operators' queues are read from. */
    @Bean
    TicketRegister tickets(JdbcTemplate jdbc, PlatformTransactionManager transactions, DeskCatalog desks) {
        return new TicketRegister(new JdbcTicketStore(jdbc, transactions), desks::slaPolicy);
    }
}
