package dev.supportgateway.infra.storage;

import dev.supportgateway.engine.conversation.Attachments;
import dev.supportgateway.infra.desk.DeskCatalog;
import dev.supportgateway.routing.ticket.TicketRegister;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Durable storage of conversations and tickets in the SQL database of {@code spring.datasource.*}
 * (an embedded H2 file by default, PostgreSQL in production), its schema kept by Flyway. On the embedded
 * database, which commits lazily, saves of conversations are acknowledged through a journal under
 * {@code gateway.data}/journal.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageSettings.class)
public class StorageConfiguration {

    /**
     * The engine's conversation store. It keeps the {@code gateway.storage.cached-conversations} most recently
     * used conversations in memory (0: none); with several nodes on one database a cached conversation another
     * node changed costs one failed save (a concurrent change) before it is read again.
     */
    @Bean
    JdbcConversations conversations(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                    @Value("${spring.datasource.url:}") String url, @Value("${gateway.data}") Path data,
                                    StorageSettings settings) {
        SaveJournal journal = EmbeddedDatabase.isEmbeddedFile(url) ? new SaveJournal(data.resolve("journal")) : null;
        return new JdbcConversations(jdbc, transactions, settings.cachedConversations(), journal, settings.maxUnwrittenConversations(),
                settings.maxJournalSize().toBytes());
    }

    /**
     * With a journal: replays it at start-up, and every {@code gateway.storage.journal-checkpoint} (30 s by default)
     * writes the saves acknowledged since to the database and deletes the journal files it has stored. A longer
     * period writes fewer, larger batches (cheaper) and keeps more saves in memory and in the journal.
     */
    @Bean
    JournalCheckpoints journalCheckpoints(JdbcConversations conversations, StorageSettings settings) {
        return new JournalCheckpoints(conversations, settings.journalCheckpoint(),
                Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("journal-checkpoints").daemon().factory()));
    }

    /** The files customers send, in {@code gateway.data}/attachments. */
    @Bean
    Attachments attachments(@Value("${gateway.data}") Path data) {
        return new DiskAttachments(data.resolve("attachments"));
    }

    /** The storage part of {@code /actuator/health}. */
    @Bean
    HealthIndicator storageHealthIndicator(JdbcConversations conversations) {
        return new StorageHealth(conversations);
    }

    /** The schema change that is written in Java; Spring Boot hands beans of this type to Flyway. */
    @Bean
    static JavaMigration transcriptRowsIntoBatches() {
        return new V5__Transcript_rows_into_batches();
    }

    /** The engine's {@link dev.supportgateway.engine.escalation.Tickets}, and the register operators' queues are read from. */
    @Bean
    TicketRegister tickets(JdbcTemplate jdbc, PlatformTransactionManager transactions, DeskCatalog desks,
                           JdbcConversations conversations) {
        return new TicketRegister(new JdbcTicketStore(jdbc, transactions, makeDurable(conversations)), desks::slaPolicy);
    }

    /** The customers' ratings of the service, for the supervisors' report. */
    @Bean
    ServiceRatings serviceRatings(JdbcTemplate jdbc, PlatformTransactionManager transactions, JdbcConversations conversations) {
        return new ServiceRatings(jdbc, transactions, makeDurable(conversations));
    }

    /** Commits that need a journal to be durable (the embedded database) also need a checkpoint after them. */
    private static Runnable makeDurable(JdbcConversations conversations) {
        return conversations.journal() == null ? () -> { } : conversations::checkpoint;
    }
}
