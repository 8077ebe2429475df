package dev.supportgateway.infra.storage;

import com.zaxxer.hikari.HikariDataSource;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A gateway process that stores one customer message in the embedded database and is killed right after
 * the commit, before anything is closed: what an acknowledged message must survive.
 */
final class KilledGateway {

    private KilledGateway() {
    }

    /** Arguments: the data folder and the conversation id to store. */
    public static void main(String[] args) {
        HikariDataSource database = TestDatabases.h2(Path.of(args[0]));
        TestDatabases.migrate(database);
        JdbcConversations conversations = new JdbcConversations(new JdbcTemplate(database), new JdbcTransactionManager(database));
        Conversation c = Conversation.open(ConversationId.of(args[1]), StorageContract.EDOC, StorageContract.IVAN, "Иван", null,
                StorageContract.T0).append(StorageContract.customerMessage("добрый день", "tg-acknowledged", StorageContract.T0));
        conversations.save(c);
        System.out.println("stored");
        System.out.flush();
        // no shutdown hooks, no pool close: as if the process were killed
        Runtime.getRuntime().halt(0);
    }
}
