package dev.supportgateway.infra.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A gateway process that issues a ticket number and stores one customer message in the embedded database, and
 * is killed right after, before anything is closed: what an acknowledged message must survive. H2's lazy writer
 * is held back for a minute, so that only the journal and the ticket checkpoint can have made them durable.
 */
final class KilledGateway {

    private KilledGateway() {
    }

    /** Arguments: the data folder and the conversation id to store. */
    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        HikariDataSource database = TestDatabases.pool(TestDatabases.h2Url(data) + ";WRITE_DELAY=60000", "sa", "");
        TestDatabases.migrate(database);
        JdbcTemplate jdbc = new JdbcTemplate(database);
        JdbcTransactionManager transactions = new JdbcTransactionManager(database);
        SaveJournal journal = new SaveJournal(data.resolve("journal"));
        journal.open();
        JdbcConversations conversations = new JdbcConversations(jdbc, transactions, JdbcConversations.DEFAULT_CACHED, journal);
        // Flyway's migration is stored before the test's writes, like a gateway that has been running a while
        conversations.checkpoint();
        // wired as StorageConfiguration wires it
        new JdbcTicketStore(jdbc, transactions, conversations::checkpoint).nextNumber(StorageContract.EDOC, 2026);
        Conversation c = Conversation.open(ConversationId.of(args[1]), StorageContract.EDOC, StorageContract.IVAN, "Иван", null,
                StorageContract.T0).append(StorageContract.customerMessage("добрый день", "tg-acknowledged", StorageContract.T0));
        conversations.save(c);
        System.out.println("stored");
        System.out.flush();
        // no shutdown hooks, no pool close: as if the process were killed
        Runtime.getRuntime().halt(0);
    }
}
