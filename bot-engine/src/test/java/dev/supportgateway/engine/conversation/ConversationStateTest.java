package dev.supportgateway.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConversationStateTest {

    private static final Instant AT = Instant.parse("2026-03-11T05:00:00Z");
    private static final Operator ANNA = new Operator("op-anna", "Анна");

    /** A conversation in {@code state}, reached by legal moves only. */
    static Conversation in(ConversationState state) {
        Conversation c = Conversation.open(ConversationId.of("c-1"), DeskId.of("edoc"), CustomerAddress.of(ChannelKind.WIDGET, "s-1"), null, null, AT);
        return switch (state) {
            case BOT -> c;
            case WITH_OPERATOR, CLOSING -> c.heldBy(ANNA, state, AT);
            default -> c.moveTo(state, AT);
        };
    }

    static Stream<Arguments> illegalTransitions() {
        List<Arguments> pairs = new ArrayList<>();
        for (ConversationState from : ConversationState.values()) {
            for (ConversationState to : ConversationState.values()) {
                if (!from.canMoveTo(to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} is illegal")
    @MethodSource("illegalTransitions")
    void eachIllegalTransitionThrows(ConversationState from, ConversationState to) {
        Conversation c = in(from);

        assertThatThrownBy(() -> c.moveTo(to, AT))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("cannot move from " + from + " to " + to)
                .satisfies(e -> {
                    assertThat(((IllegalTransition) e).from()).isEqualTo(from);
                    assertThat(((IllegalTransition) e).to()).isEqualTo(to);
                });
    }

    @Test
    void closedLeadsOnlyBackToTheQueueWhenReopened() {
        assertThat(ConversationState.CLOSED.next()).containsExactly(ConversationState.WAITING_FOR_OPERATOR);
        assertThat(ConversationState.CLOSED.isOpen()).isFalse();
    }

    @Test
    void aCustomerMessageEndsWaitingForTheCustomerAndAnyMoveForgetsIt() {
        Conversation asked = in(ConversationState.ESCALATING).awaitingCustomer(AT);
        assertThat(asked.awaitsCustomer()).isTrue();
        assertThat(asked.summary().awaitingCustomerSince()).isEqualTo(AT);

        Message bot = new Message(MessageId.of("b"), Author.bot("Бот"), "Укажите ИИН", List.of(), null, List.of(), null, null, null, AT);
        Message customer = new Message(MessageId.of("c"), Author.customer(null), "ИИН", List.of(), null, List.of(), "x", null, null, AT);
        assertThat(asked.append(bot).awaitingCustomerSince()).isEqualTo(AT);
        assertThat(asked.append(customer).awaitsCustomer()).isFalse();
        assertThat(asked.moveTo(ConversationState.BOT, AT).awaitsCustomer()).isFalse();
        assertThat(asked.heldBy(ANNA, ConversationState.WITH_OPERATOR, AT).awaitsCustomer()).isFalse();
    }

    @Test
    void noStateMovesToItself() {
        for (ConversationState state : ConversationState.values()) {
            assertThat(state.canMoveTo(state)).as(state.name()).isFalse();
        }
    }

    @Test
    void everyStateIsReachableFromBot() {
        List<ConversationState> reached = new ArrayList<>(List.of(ConversationState.BOT));
        for (int i = 0; i < reached.size(); i++) {
            reached.get(i).next().stream().filter(s -> !reached.contains(s)).forEach(reached::add);
        }
        assertThat(reached).containsExactlyInAnyOrder(ConversationState.values());
    }

    @Test
    void leavingTheOperatorReleasesHimAndWaitingStartsTheClock() {
        Conversation held = in(ConversationState.WITH_OPERATOR);
        assertThat(held.operator()).isEqualTo(ANNA);

        assertThat(held.moveTo(ConversationState.BOT, AT).operator()).isNull();
        Conversation requeued = held.moveTo(ConversationState.WAITING_FOR_OPERATOR, AT.plusSeconds(30));
        assertThat(requeued.operator()).isNull();
        assertThat(requeued.waitingSince()).isEqualTo(AT.plusSeconds(30));
        Conversation waiting = in(ConversationState.BOT).moveTo(ConversationState.WAITING_FOR_OPERATOR, AT.plusSeconds(60));
        assertThat(waiting.waitingSince()).isEqualTo(AT.plusSeconds(60));
        assertThat(waiting.moveTo(ConversationState.WITH_OPERATOR, AT).waitingSince()).isNull();
    }

    @Test
    void onlyOperatorStatesAreHeld() {
        assertThatThrownBy(() -> in(ConversationState.BOT).heldBy(ANNA, ConversationState.ESCALATING, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> in(ConversationState.SUSPENDED).heldBy(ANNA, ConversationState.WITH_OPERATOR, AT))
                .isInstanceOf(IllegalTransition.class);
    }
}
