package dev.supportgateway.infra.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.infra.DemoDesksGateway;
import dev.supportgateway.infra.GatewayApplication;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** edoc's silence rule through the running gateway: SQL storage, the demo desk, business time. */
@SpringBootTest(classes = {GatewayApplication.class, SilenceRoundsTest.Time.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SilenceRoundsTest {

    static final DeskId EDOC = DeskId.of("edoc");
    /** Monday 2 March 2026, 10:00 in Astana. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T05:00:00Z");

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        DemoDesksGateway.register(registry, () -> data);
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now = MONDAY_MORNING;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MovingClock movingClock() {
            return new MovingClock();
        }
    }

    @Autowired
    ConversationEngine engine;
    @Autowired
    Conversations conversations;
    @Autowired
    SilenceRounds silenceRounds;
    @Autowired
    MovingClock clock;

    @Test
    void edocRequestIsClosedWhenTheCustomerIsSilentForEightBusinessHours() {
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, "silent-customer-token");
        engine.receive(Inbound.text(EDOC, customer, "m-1", "позовите оператора", MONDAY_MORNING));
        Conversation asking = conversations.findOpen(EDOC, customer).orElseThrow();
        assertThat(asking.state()).isEqualTo(ConversationState.ESCALATING);
        assertThat(asking.awaitingCustomerSince()).as("the bot asked for identification").isNotNull();

        clock.set(MONDAY_MORNING.plusSeconds(7 * 3600));
        assertThat(silenceRounds.closeSilentConversations()).as("7 business hours are not enough").isZero();

        clock.set(MONDAY_MORNING.plusSeconds(24 * 3600));
        assertThat(silenceRounds.closeSilentConversations()).isEqualTo(1);

        Conversation closed = conversations.find(asking.id()).orElseThrow();
        assertThat(closed.state()).isEqualTo(ConversationState.CLOSED);
        assertThat(closed.transcript().getLast().text()).contains("ответ от клиента не получен");
        assertThat(conversations.findOpen(EDOC, customer)).isEmpty();
    }
}
