package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.engine.escalation.TicketRequest;
import dev.supportgateway.engine.escalation.Tickets;
import dev.supportgateway.infra.desk.DeskCatalog;
import dev.supportgateway.routing.ticket.TicketRegister;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The storage configuration starts on the gateway's application.yml with a test desks folder, Flyway
 * migrates the database, and the engine's ports work; each subclass picks the database by properties only.
 */
@SpringBootTest(classes = StorageConfigurationContract.Gateway.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
abstract class StorageConfigurationContract {

    static final DeskId EDOC = DeskId.of("edoc");

    /** Only storage and the desks it needs: the rest of the gateway is wired elsewhere. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(StorageConfiguration.class)
    static class Gateway {
        @Bean
        DeskCatalog desks() {
            return TestDatabases.desks();
        }
    }

    @Autowired
    Conversations conversations;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketRegister register;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEnginesPortsKeepConversationsAndTickets() {
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "session-1");
        Instant at = Instant.parse("2026-03-02T05:00:00Z");
        Conversation saved = conversations.save(Conversation.open(ConversationId.random(), EDOC, customer, null, null, at));
        Ticket ticket = tickets.open(new TicketRequest(saved.id(), EDOC, customer, null, ChannelKind.WIDGET, null, null,
                Map.of(), "вопрос", false, at));

        assertThat(conversations.findOpen(EDOC, customer)).contains(saved);
        assertThat(ticket.number()).isEqualTo("EDOC-2026-000001");
        // the online helper's 15 minutes
        assertThat(ticket.firstReplyDue()).isEqualTo(Instant.parse("2026-03-02T05:15:00Z"));
        assertThat(register.queue(EDOC)).hasSize(1);
        assertThat(jdbc.queryForObject("select description from flyway_schema_history where version = '1' and success",
                String.class)).isEqualTo("conversations and tickets");
    }
}
