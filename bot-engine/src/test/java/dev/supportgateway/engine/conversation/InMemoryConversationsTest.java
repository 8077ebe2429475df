package dev.supportgateway.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryConversationsTest {

    private static final Instant AT = Instant.parse("2026-03-11T05:00:00Z");
    private static final DeskId EDOC = DeskId.of("edoc");
    private static final CustomerAddress CUSTOMER = CustomerAddress.of(ChannelKind.EMAIL, "Ivanov@Firm.KZ");

    private final InMemoryConversations store = new InMemoryConversations();

    @Test
    void saveIsOptimistic() {
        Conversation saved = store.save(Conversation.open(ConversationId.of("c-1"), EDOC, CUSTOMER, null, null, AT));
        assertThat(saved.version()).isEqualTo(1);
        Conversation mine = store.find(saved.id()).orElseThrow();
        Conversation theirs = store.find(saved.id()).orElseThrow();
        store.save(theirs.moveTo(ConversationState.ESCALATING, AT));

        assertThatThrownBy(() -> store.save(mine.moveTo(ConversationState.ANSWERED, AT)))
                .isInstanceOf(ConcurrentConversationChange.class)
                .hasMessageContaining("read at version 1 but is now at version 2");
    }

    @Test
    void aCustomerHasOneOpenConversationPerDesk() {
        store.save(Conversation.open(ConversationId.of("c-1"), EDOC, CUSTOMER, null, null, AT));

        assertThat(store.findOpen(EDOC, CustomerAddress.of(ChannelKind.EMAIL, "ivanov@firm.kz"))).isPresent();
        assertThatThrownBy(() -> store.save(Conversation.open(ConversationId.of("c-2"), EDOC, CUSTOMER, null, null, AT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("ivanov");
        assertThat(store.findOpen(DeskId.of("eorder"), CUSTOMER)).isEmpty();
    }

    @Test
    void closedConversationsLeaveTheConsoleButKeepTheirExternalIds() {
        Conversation c = Conversation.open(ConversationId.of("c-1"), EDOC, CUSTOMER, null, null, AT)
                .append(Message.from(Inbound.text(EDOC, CUSTOMER, "<id-1@mail>", "text", AT), MessageId.of("m-1")));
        Conversation saved = store.save(c);
        assertThat(store.open(EDOC)).hasSize(1);

        store.save(saved.moveTo(ConversationState.CLOSED, AT));

        assertThat(store.open(EDOC)).isEmpty();
        assertThat(store.findOpen(EDOC, CUSTOMER)).isEmpty();
        assertThat(store.received(EDOC, CUSTOMER, "<id-1@mail>")).isTrue();
        assertThat(store.received(EDOC, CUSTOMER, "<id-2@mail>")).isFalse();
    }

    @Test
    void theCustomersConversationsWithTheDeskAreListedLastChangedFirst() {
        Conversation first = store.save(Conversation.open(ConversationId.of("c-1"), EDOC, CUSTOMER, null, null, AT)
                .moveTo(ConversationState.CLOSED, AT.plusSeconds(60)));
        Conversation second = store.save(Conversation.open(ConversationId.of("c-2"), EDOC, CUSTOMER, null, null, AT.plusSeconds(120)));
        store.save(Conversation.open(ConversationId.of("c-3"), DeskId.of("eorder"), CUSTOMER, null, null, AT.plusSeconds(180)));

        assertThat(store.ofCustomer(EDOC, CUSTOMER, 10)).containsExactly(second, first);
        assertThat(store.ofCustomer(EDOC, CUSTOMER, 1)).containsExactly(second);
        assertThat(store.ofCustomer(EDOC, CustomerAddress.of(ChannelKind.EMAIL, "petrov@firm.kz"), 10)).isEmpty();
    }

    @Test
    void theLastClosedConversationIsFoundUntilItIsReopened() {
        Conversation first = store.save(Conversation.open(ConversationId.of("c-1"), EDOC, CUSTOMER, null, null, AT));
        assertThat(store.findLastClosed(EDOC, CUSTOMER)).isEmpty();
        Conversation closed = store.save(first.withTicket(new dev.supportgateway.engine.escalation.Ticket("EDOC-2026-000001", null))
                .moveTo(ConversationState.CLOSED, AT));

        assertThat(store.findLastClosed(EDOC, CUSTOMER)).map(Conversation::id).contains(closed.id());
        assertThat(store.findLastClosed(DeskId.of("eorder"), CUSTOMER)).isEmpty();

        store.save(closed.moveTo(ConversationState.WAITING_FOR_OPERATOR, AT));

        assertThat(store.findLastClosed(EDOC, CUSTOMER)).isEmpty();
        assertThat(store.findOpen(EDOC, CUSTOMER)).map(Conversation::id).contains(closed.id());
    }
}
