package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.ChannelKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** By default the gateway keeps its data in an H2 file database under gateway.data. */
class EmbeddedStorageStartsTest extends StorageConfigurationContract {

    @Autowired
    @Qualifier("storageHealthIndicator")
    HealthIndicator storageHealth;

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("gateway.data", () -> data.toAbsolutePath().toString());
    }

    @Test
    void theDatabaseIsAFileInTheDataFolder() {
        assertThat(data.resolve("gateway.mv.db")).isRegularFile();
    }

    @Test
    void savesAreAcknowledgedThroughTheJournalInTheDataFolder() throws IOException {
        long before = ((JdbcConversations) conversations).journal().appended();
        conversations.save(Conversation.open(ConversationId.random(), EDOC, CustomerAddress.of(ChannelKind.WIDGET, "journaled"),
                null, null, Instant.parse("2026-03-02T05:00:00Z")));
        assertThat(((JdbcConversations) conversations).journal().appended()).isGreaterThan(before);
        try (var files = Files.list(data.resolve("journal"))) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(name -> name.endsWith(".journal"));
        }
    }

    @Test
    void healthTellsThatSavesAreWrittenBehindTheJournalAndHowManyWait() {
        Health health = storageHealth.health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("saves", "written behind the journal").containsKey("unwrittenConversations");
    }
}
