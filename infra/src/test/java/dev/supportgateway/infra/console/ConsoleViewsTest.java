package dev.supportgateway.infra.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.routing.sla.SlaDeadlines;
import dev.supportgateway.routing.ticket.RegisteredTicket;
import dev.supportgateway.routing.ticket.TicketNumber;
import dev.supportgateway.routing.ticket.TicketState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's request card and list rows judge the SLA against the clock: what is overdue, and what was answered in time. */
class ConsoleViewsTest {

    private static final DeskId EORDER = DeskId.of("eorder");
    private static final Instant REGISTERED = Instant.parse("2026-03-10T06:00:00Z");
    private static final Instant FIRST_REPLY_DUE = REGISTERED.plus(Duration.ofHours(2));
    private static final TicketNumber NUMBER = TicketNumber.parse("EORDER-2026-000007");
    private static final Operator ALIYA = new Operator("operator", "Алия Демо");

    private final RegisteredTicket ticket = new RegisteredTicket(NUMBER, EORDER, ConversationId.of("c-1"),
            CustomerAddress.of(ChannelKind.WIDGET, "token-1"), null, ChannelKind.WIDGET, TicketState.QUEUED, "basic", null,
            "error", Map.of("inn", "7707083893"), "Не загружается прайс", false, null,
            new SlaDeadlines(REGISTERED, SlaTarget.parse("2 hours"), FIRST_REPLY_DUE, SlaTarget.parse("16 business hours"),
                    REGISTERED.plus(Duration.ofDays(2))), null);

    private ConsoleViews at(Instant now) {
        return new ConsoleViews(desk -> Optional.empty(), number -> number.equals(NUMBER) ? Optional.of(ticket) : Optional.empty(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    private Conversation waitingForAnOperator() {
        return Conversation.open(ConversationId.of("c-1"), EORDER, CustomerAddress.of(ChannelKind.WIDGET, "token-1"), null,
                        "basic", REGISTERED.minusSeconds(60))
                .moveTo(ConversationState.ESCALATING, REGISTERED.minusSeconds(30))
                .record(new BotDecision(null, DecisionRule.HELP_CENTER_NO_ANSWER, "в справочном центре нет подходящей статьи", 0.12,
                        null, List.of(), REGISTERED.minusSeconds(30)))
                .withTicket(new Ticket(NUMBER.toString(), FIRST_REPLY_DUE))
                .record(BotDecision.of(null, DecisionRule.TICKET_REGISTERED, "зарегистрировано обращение " + NUMBER, REGISTERED))
                .moveTo(ConversationState.WAITING_FOR_OPERATOR, REGISTERED);
    }

    @Test
    void aRequestStillQueuedAfterItsFirstReplyDeadlineIsOverdueInTheListAndOnTheCard() {
        ConsoleViews.Transcript early = at(FIRST_REPLY_DUE.minusSeconds(60)).transcript(waitingForAnOperator());
        ConsoleViews.Transcript late = at(FIRST_REPLY_DUE.plusSeconds(60)).transcript(waitingForAnOperator());

        assertThat(early.conversation().overdue()).isFalse();
        assertThat(early.request().firstReplyOverdue()).isFalse();
        assertThat(late.conversation().overdue()).isTrue();
        assertThat(late.conversation().firstReplyDue()).isEqualTo(FIRST_REPLY_DUE);
        assertThat(late.request().firstReplyOverdue()).isTrue();
        assertThat(late.request().firstRepliedAt()).isNull();
        assertThat(late.request().resolutionOverdue()).isFalse();
    }

    @Test
    void anOperatorsReplyBeforeTheDeadlineMeetsTheFirstReplyTargetForGood() {
        Instant replied = FIRST_REPLY_DUE.minus(Duration.ofMinutes(30));
        Conversation answered = waitingForAnOperator()
                .heldBy(ALIYA, ConversationState.WITH_OPERATOR, replied.minusSeconds(30))
                .append(new Message(MessageId.random(), Author.operator(ALIYA), "Проверяю прайс", List.of(), null, List.of(),
                        null, null, null, replied));

        ConsoleViews.Transcript view = at(FIRST_REPLY_DUE.plus(Duration.ofHours(5))).transcript(answered);

        assertThat(view.request().firstRepliedAt()).isEqualTo(replied);
        assertThat(view.request().firstReplyOverdue()).isFalse();
        assertThat(view.conversation().overdue()).as("held by an operator, no longer in the queue").isFalse();
    }

    @Test
    void theCardCarriesWhatTheBotCollectedAndTheDecisionsWithTheirReasons() {
        ConsoleViews.Transcript view = at(REGISTERED).transcript(waitingForAnOperator());

        assertThat(view.request().number()).isEqualTo("EORDER-2026-000007");
        assertThat(view.request().stateLabel()).isEqualTo("в очереди");
        assertThat(view.request().identification()).containsExactly(new ConsoleViews.Field("inn", "7707083893"));
        assertThat(view.request().description()).isEqualTo("Не загружается прайс");
        assertThat(view.decisions()).extracting(ConsoleViews.Decision::label)
                .containsExactly("в справочном центре нет ответа", "обращение зарегистрировано");
        assertThat(view.decisions().getFirst().confidence()).isEqualTo(0.12);
        assertThat(view.decisions().getLast().confidence()).as("no confidence behind a rule").isNull();
        assertThat(view.decisions()).extracting(ConsoleViews.Decision::reason)
                .containsExactly("в справочном центре нет подходящей статьи", "зарегистрировано обращение EORDER-2026-000007");
    }

    @Test
    void theCardSaysWhyTheBotHandedTheCustomerOverNotTheQuestionsItAskedForTheTicket() {
        Instant asked = REGISTERED.minus(Duration.ofMinutes(5));
        Conversation notHelped = Conversation.open(ConversationId.of("c-1"), EORDER,
                        CustomerAddress.of(ChannelKind.WIDGET, "token-1"), null, "basic", asked)
                .record(new BotDecision(null, DecisionRule.HELP_CENTER_ANSWER, "справочный центр уверен в статье", 0.97,
                        "eorder-price-upload", List.of("eorder-price-upload"), asked))
                .record(BotDecision.of(null, DecisionRule.FEEDBACK_NOT_HELPED, "ответ статьёй eorder-price-upload не помог",
                        asked.plusSeconds(60)))
                .moveTo(ConversationState.ESCALATING, asked.plusSeconds(60))
                .record(BotDecision.of(null, DecisionRule.ASKED_IDENTIFICATION, "спрошено: ИНН", asked.plusSeconds(60)))
                .record(BotDecision.of(null, DecisionRule.IDENTIFICATION_REJECTED, "ИНН не прошёл проверку", asked.plusSeconds(90)))
                .record(BotDecision.of(null, DecisionRule.TICKET_IN_PREPARATION, "клиент поблагодарил", asked.plusSeconds(100)))
                .record(BotDecision.of(null, DecisionRule.ASKED_DESCRIPTION, "спрошено описание", asked.plusSeconds(120)))
                .withTicket(new Ticket(NUMBER.toString(), FIRST_REPLY_DUE))
                .record(BotDecision.of(null, DecisionRule.TICKET_REGISTERED, "зарегистрировано обращение " + NUMBER, REGISTERED))
                .moveTo(ConversationState.WAITING_FOR_OPERATOR, REGISTERED);

        ConsoleViews.Decision handover = at(REGISTERED).transcript(notHelped).request().handover();

        assertThat(handover.label()).isEqualTo("«Не помогло»");
        assertThat(handover.reason()).isEqualTo("ответ статьёй eorder-price-upload не помог");
        assertThat(at(REGISTERED).transcript(waitingForAnOperator()).request().handover().label())
                .isEqualTo("в справочном центре нет ответа");
    }

    @Test
    void aTicketWhoseRegistrationTheTranscriptDoesNotRecordHasACardWithoutAHandover() {
        Conversation withoutDecisions = Conversation.open(ConversationId.of("c-1"), EORDER,
                        CustomerAddress.of(ChannelKind.WIDGET, "token-1"), null, "basic", REGISTERED)
                .withTicket(new Ticket(NUMBER.toString(), FIRST_REPLY_DUE))
                .moveTo(ConversationState.WAITING_FOR_OPERATOR, REGISTERED);

        ConsoleViews.Request card = at(REGISTERED).transcript(withoutDecisions).request();

        assertThat(card.number()).isEqualTo("EORDER-2026-000007");
        assertThat(card.handover()).isNull();
    }

    @Test
    void aTicketTheRegisterCannotFindLeavesTheTranscriptWithoutACard() {
        Conversation other = waitingForAnOperator().withTicket(new Ticket("EORDER-2026-000999", FIRST_REPLY_DUE));

        ConsoleViews.Transcript view = at(REGISTERED).transcript(other);

        assertThat(view.request()).isNull();
        assertThat(view.messages()).isEmpty();
    }
}
