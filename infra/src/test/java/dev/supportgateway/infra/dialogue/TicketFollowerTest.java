package dev.supportgateway.infra.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.infra.DemoDesksGateway;
import dev.supportgateway.infra.GatewayApplication;
import dev.supportgateway.infra.QueuedRequests;
import dev.supportgateway.routing.ticket.TicketNumber;
import dev.supportgateway.routing.ticket.TicketRegister;
import dev.supportgateway.routing.ticket.TicketState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A ticket follows its conversation through the running gateway: taken over, handed back, closed. */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TicketFollowerTest {

    static final DeskId INITIATIVA = DeskId.of("initiativa");
    static final Operator ANNA = new Operator("operator", "Анна");
    static final Operator BORIS = new Operator("boris", "Борис");

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        DemoDesksGateway.register(registry, () -> data);
    }

    @Autowired
    ConversationEngine engine;
    @Autowired
    TicketRegister register;

    @Test
    void theTicketIsInProgressWhileAnOperatorHoldsTheChatAndClosedWithIt() {
        Conversation waiting = escalatedUntilQueued(CustomerAddress.of(ChannelKind.WIDGET, "t-" + UUID.randomUUID()));
        TicketNumber number = TicketNumber.parse(waiting.ticket().number());
        assertThat(register.find(number).orElseThrow().state()).isEqualTo(TicketState.QUEUED);

        engine.takeOver(waiting.id(), ANNA);
        assertThat(register.find(number).orElseThrow().state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(register.queue(INITIATIVA)).extracting(t -> t.number()).doesNotContain(number);

        engine.returnToBot(waiting.id(), ANNA);
        assertThat(register.find(number).orElseThrow().state()).as("handed back: the queue has it again").isEqualTo(TicketState.QUEUED);

        engine.takeOver(waiting.id(), ANNA);
        engine.close(waiting.id(), ANNA);
        assertThat(register.find(number).orElseThrow().state()).isEqualTo(TicketState.CLOSED);
    }

    @Test
    void aTicketHandedToAColleagueIsTheirsAndOneThatMissedTheTakeOverIsTakenThen() {
        Conversation waiting = escalatedUntilQueued(CustomerAddress.of(ChannelKind.WIDGET, "t-" + UUID.randomUUID()));
        TicketNumber number = TicketNumber.parse(waiting.ticket().number());
        engine.takeOver(waiting.id(), ANNA);

        engine.transfer(waiting.id(), ANNA, BORIS);

        assertThat(register.find(number).orElseThrow().operator()).isEqualTo(BORIS.id());
        assertThat(register.find(number).orElseThrow().state()).isEqualTo(TicketState.IN_PROGRESS);
        // as if the ticket's update had failed at the take-over: the hand-over takes it for the new holder
        register.requeue(number, Instant.now());
        engine.transfer(waiting.id(), BORIS, ANNA);
        assertThat(register.find(number).orElseThrow().state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(register.find(number).orElseThrow().operator()).isEqualTo(ANNA.id());
    }

    private Conversation escalatedUntilQueued(CustomerAddress customer) {
        return QueuedRequests.onInitiativa(engine, customer);
    }
}
