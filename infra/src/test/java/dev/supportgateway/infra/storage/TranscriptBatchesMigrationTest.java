package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.AuthorKind;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Feedback;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** A database of schema version 3, which stored a row per transcript entry, keeps every entry when migrated to batches. */
class TranscriptBatchesMigrationTest {

    @Test
    void theEmbeddedDatabaseKeepsItsTranscriptsWhenMigratedToBatches(@TempDir Path data) {
        try (HikariDataSource h2 = TestDatabases.h2(data)) {
            migratesTranscriptRows(h2);
        }
    }

    @Test
    void postgresqlKeepsItsTranscriptsWhenMigratedToBatches() {
        try (HikariDataSource postgres = TestDatabases.pool(TestDatabases.postgresDatabase("transcript_rows"), "postgres", "postgres")) {
            migratesTranscriptRows(postgres);
        }
    }

    private static void migratesTranscriptRows(HikariDataSource database) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").target("3").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(database);
        jdbc.execute(script("/storage/transcript-as-rows.sql"));

        TestDatabases.migrate(database);

        JdbcConversations conversations = new JdbcConversations(jdbc, new JdbcTransactionManager(database), 0, null);
        Conversation c = conversations.find(ConversationId.of("c-rows")).orElseThrow();
        assertThat(c.version()).isEqualTo(3);
        assertThat(c.identification()).containsEntry("iin", "900101300123");
        assertThat(c.transcript()).extracting(Message::id).containsExactly(MessageId.of("m-1"), MessageId.of("m-2"), MessageId.of("m-3"));
        Message question = c.transcript().getFirst();
        assertThat(question.author().kind()).isEqualTo(AuthorKind.CUSTOMER);
        assertThat(question.attachments()).containsExactly(new Attachment("screen.png", "image/png", 12_345, "tg-file-1"));
        assertThat(question.at()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
        Message answer = c.transcript().get(1);
        assertThat(answer.actions()).containsExactly(new Action("helped", "Помогло"), new Action("not-helped", "Не помогло"));
        assertThat(answer.link()).isEqualTo("https://edoc.kz/help/edoc-signing");
        assertThat(answer.inReplyTo()).isEqualTo(MessageId.of("m-1"));
        assertThat(c.transcript().getLast().actionId()).isEqualTo("helped");
        assertThat(c.decisions()).extracting(BotDecision::rule)
                .containsExactly(DecisionRule.HELP_CENTER_ANSWER, DecisionRule.FEEDBACK_HELPED);
        assertThat(c.decisions().getFirst().confidence()).isEqualTo(0.93);
        assertThat(c.decisions().getFirst().candidates()).containsExactly("edoc-signing");
        assertThat(c.decisions().getLast().confidence()).isNaN();
        assertThat(c.feedback()).containsExactly(new Feedback(MessageId.of("m-2"), "edoc-signing", true,
                Instant.parse("2026-03-02T05:00:02Z")));
        assertThat(conversations.received(c.desk(), c.customer(), "tg-2")).isTrue();
        assertThat(conversations.received(c.desk(), c.customer(), "tg-3")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name in"
                + " ('conversation_message', 'bot_decision', 'answer_feedback')", Long.class)).as("the old tables are gone").isZero();

        Conversation more = conversations.save(c.append(StorageContract.customerMessage("ещё вопрос", "tg-3", Instant.parse("2026-03-02T06:00:00Z"))));
        assertThat(conversations.find(c.id())).contains(more);
        assertThat(more.transcript()).hasSize(4);
        assertThat(more.version()).isEqualTo(4);
    }

    private static String script(String resource) {
        try (InputStream in = TranscriptBatchesMigrationTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
