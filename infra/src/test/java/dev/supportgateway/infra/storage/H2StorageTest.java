package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.engine.escalation.TicketRequest;
import dev.supportgateway.routing.ticket.RegisteredTicket;
import dev.supportgateway.routing.ticket.TicketNumber;
import dev.supportgateway.routing.ticket.TicketRegister;
import dev.supportgateway.engine.conversation.ConversationId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** The storage rules on the embedded default: an H2 file database in PostgreSQL mode. */
class H2StorageTest extends StorageContract {

    @TempDir
    static Path data;
    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase(() -> TestDatabases.h2(data));

    @Override
    DataSource dataSource() {
        return database.dataSource();
    }

    @Test
    void aRestartLosesNothing(@TempDir Path gatewayData) {
        Conversation saved;
        Ticket ticket;
        TicketRequest request = new TicketRequest(escalating(IVAN, T0).id(), EDOC, IVAN, "Иван", ChannelKind.TELEGRAM, "vip",
                "error", Map.of("iin", "900101300123"), "Не подписывается документ", false, astana("2026-03-02T10:00"));
        try (HikariDataSource before = TestDatabases.h2(gatewayData)) {
            TestDatabases.migrate(before);
            saved = stores(before).conversations().save(escalating(IVAN, T0));
            ticket = stores(before).register().open(request);
        }
        // every connection is closed: H2 has closed the database file
        assertThat(gatewayData.resolve("gateway.mv.db")).isRegularFile();

        try (HikariDataSource after = TestDatabases.h2(gatewayData)) {
            TestDatabases.migrate(after);
            Stores stores = stores(after);
            assertThat(stores.conversations().find(saved.id())).contains(saved);
            assertThat(stores.conversations().findOpen(EDOC, IVAN)).contains(saved);
            assertThat(stores.conversations().received(EDOC, IVAN, "tg-1")).isTrue();
            RegisteredTicket registered = stores.register().find(TicketNumber.parse(ticket.number())).orElseThrow();
            assertThat(registered.asTicket()).isEqualTo(ticket);
            assertThat(stores.register().queue(EDOC)).containsExactly(registered);
            assertThat(stores.tickets().nextNumber(EDOC, 2026)).hasToString("EDOC-2026-000002");
        }
    }

    @Test
    void anAcknowledgedMessageAndAnIssuedTicketNumberSurviveAKilledProcess(@TempDir Path gatewayData) throws Exception {
        ConversationId id = ConversationId.random();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process killed = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KilledGateway.class.getName(),
                gatewayData.toString(), id.value())
                .redirectErrorStream(true).start();
        String output = new String(killed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(killed.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("stored");

        try (HikariDataSource restarted = TestDatabases.h2(gatewayData)) {
            JdbcTemplate jdbc = new JdbcTemplate(restarted);
            JdbcTransactionManager transactions = new JdbcTransactionManager(restarted);
            assertThat(jdbc.queryForObject("select count(*) from conversation where id = ?", Long.class, id.value()))
                    .as("H2 stores lazily: only the journal has the save")
                    .isZero();
            assertThat(new JdbcTicketStore(jdbc, transactions).nextNumber(EDOC, 2026))
                    .as("the first number was stored by the checkpoint after its transaction")
                    .hasToString("EDOC-2026-000002");

            JdbcConversations conversations = new JdbcConversations(jdbc, transactions, JdbcConversations.DEFAULT_CACHED,
                    new SaveJournal(gatewayData.resolve("journal")));
            JournalCheckpoints checkpoints = new JournalCheckpoints(conversations, Duration.ofMinutes(1), Executors.newSingleThreadScheduledExecutor());
            checkpoints.start();
            try {
                assertThat(conversations.find(id)).isPresent();
                assertThat(conversations.received(EDOC, IVAN, "tg-acknowledged")).isTrue();
            } finally {
                checkpoints.stop();
            }
            assertThat(gatewayData.resolve("journal")).isEmptyDirectory();
        }
    }

    @Test
    void replayingTheJournalAppliesTheSavesTheDatabaseLostAndSkipsTheOnesItKept(@TempDir Path first, @TempDir Path second) {
        Conversation opened = escalating(IVAN, T0);
        Conversation answered;
        try (HikariDataSource running = TestDatabases.h2(first)) {
            TestDatabases.migrate(running);
            SaveJournal journal = new SaveJournal(first.resolve("journal"));
            journal.open();
            JdbcConversations conversations = new JdbcConversations(new JdbcTemplate(running),
                    new JdbcTransactionManager(running), JdbcConversations.DEFAULT_CACHED, journal);
            Conversation v1 = conversations.save(opened);
            Conversation v2 = conversations.save(v1.append(customerMessage("ИИН 900101300123", "tg-20", T0.plusSeconds(30))));
            answered = conversations.save(v2.append(customerMessage("спасибо", "tg-30", T0.plusSeconds(60))));
            journal.finish();
        }
        try (HikariDataSource restarted = TestDatabases.h2(second)) {
            // a database that kept only the first save
            TestDatabases.migrate(restarted);
            JdbcTemplate jdbc = new JdbcTemplate(restarted);
            JdbcTransactionManager transactions = new JdbcTransactionManager(restarted);
            new JdbcConversations(jdbc, transactions).save(opened);

            JdbcConversations conversations = new JdbcConversations(jdbc, transactions, 0, null);
            List<SaveRows> journaled = new SaveJournal(first.resolve("journal")).recorded();
            assertThat(conversations.replay(journaled)).isEqualTo(2);
            assertThat(conversations.find(answered.id())).contains(answered);
            assertThat(conversations.replay(journaled)).as("replaying again changes nothing").isZero();
            assertThat(conversations.find(answered.id())).contains(answered);
        }
    }

    private record Stores(JdbcConversations conversations, JdbcTicketStore tickets, TicketRegister register) {
    }

    private static Stores stores(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        JdbcTicketStore tickets = new JdbcTicketStore(jdbc, transactions);
        return new Stores(new JdbcConversations(jdbc, transactions), tickets,
                new TicketRegister(tickets, TestDatabases.desks()::slaPolicy));
    }
}
