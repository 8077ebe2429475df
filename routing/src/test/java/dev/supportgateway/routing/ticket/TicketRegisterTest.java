package dev.supportgateway.routing.ticket;

import static dev.supportgateway.routing.ticket.TestDesks.ASTANA;
import static dev.supportgateway.routing.ticket.TestDesks.EDOC;
import static dev.supportgateway.routing.ticket.TestDesks.KONUS;
import static dev.supportgateway.routing.ticket.TestDesks.ULAN_UDE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.engine.escalation.TicketRequest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TicketRegisterTest {

    private final InMemoryTicketStore store = new InMemoryTicketStore();
    private final TicketRegister register = new TicketRegister(store, TestDesks.policies());

    @Test
    void edocTicketNumberCountsPerDeskAndYear() {
        Ticket first = register.open(request(EDOC, "vip", ChannelKind.EMAIL, null, astana("2026-03-02T10:00")));
        Ticket second = register.open(request(EDOC, "basic", ChannelKind.WIDGET, null, astana("2026-03-02T10:05")));
        Ticket otherDesk = register.open(request(KONUS, null, ChannelKind.EMAIL, "incident", at(ULAN_UDE, "2026-03-02T10:10")));

        assertThat(first.number()).isEqualTo("EDOC-2026-000001");
        assertThat(second.number()).isEqualTo("EDOC-2026-000002");
        assertThat(otherDesk.number()).isEqualTo("KONUS-2026-000001");
    }

    @Test
    void theNumberCarriesTheYearOfTheDesksTimeZone() {
        // 19:30 UTC on 31 December is already 00:30 on 1 January in Astana (UTC+5)
        Ticket newYear = register.open(request(EDOC, "vip", ChannelKind.EMAIL, null, Instant.parse("2026-12-31T19:30:00Z")));
        Ticket oldYear = register.open(request(EDOC, "vip", ChannelKind.EMAIL, null, Instant.parse("2026-12-31T18:30:00Z")));

        assertThat(newYear.number()).isEqualTo("EDOC-2027-000001");
        assertThat(oldYear.number()).isEqualTo("EDOC-2026-000001");
    }

    @Test
    void vipRequestIsQueuedBeforeBasic() {
        Ticket basic = register.open(request(EDOC, "basic", ChannelKind.EMAIL, null, astana("2026-03-02T10:00")));
        Ticket vip = register.open(request(EDOC, "vip", ChannelKind.EMAIL, null, astana("2026-03-02T10:05")));
        Ticket laterBasic = register.open(request(EDOC, "basic", ChannelKind.WIDGET, null, astana("2026-03-02T10:06")));

        assertThat(queueOf(EDOC)).containsExactly(vip.number(), basic.number(), laterBasic.number());
    }

    @Test
    void withinATierRequestsAreServedFirstComeFirstServed() {
        Ticket early = register.open(request(EDOC, "basic", ChannelKind.EMAIL, null, astana("2026-03-02T10:00")));
        Ticket late = register.open(request(EDOC, "basic", ChannelKind.EMAIL, null, astana("2026-03-02T11:00")));
        Ticket unknownTier = register.open(request(EDOC, null, ChannelKind.EMAIL, null, astana("2026-03-02T10:30")));

        // a customer whose tier is unknown is served as the desk's default tier (Basic)
        assertThat(queueOf(EDOC)).containsExactly(early.number(), unknownTier.number(), late.number());
        assertThat(register.find(TicketNumber.parse(unknownTier.number())).orElseThrow().tier()).isEqualTo("basic");
    }

    @Test
    void criticalRequestJumpsTheQueue() {
        Ticket vip = register.open(request(EDOC, "vip", ChannelKind.EMAIL, null, astana("2026-03-02T10:00")));
        Ticket basic = register.open(request(EDOC, "basic", ChannelKind.EMAIL, null, astana("2026-03-02T10:01")));
        Ticket critical = register.open(request(EDOC, "basic", ChannelKind.EMAIL, "error", astana("2026-03-02T10:02")));

        register.prioritize(TicketNumber.parse(critical.number()), "immediate", astana("2026-03-02T10:05"));

        assertThat(queueOf(EDOC)).containsExactly(critical.number(), vip.number(), basic.number());
    }

    @Test
    void aCriticalIncidentIsCriticalFromItsCategory() {
        Ticket ordinary = register.open(request(KONUS, null, ChannelKind.EMAIL, "incident", at(ULAN_UDE, "2026-03-02T09:00")));
        Ticket critical = register.open(request(KONUS, null, ChannelKind.EMAIL, "critical-incident", at(ULAN_UDE, "2026-03-02T09:30")));

        assertThat(register.find(TicketNumber.parse(critical.number())).orElseThrow().priority()).isEqualTo("critical");
        assertThat(queueOf(KONUS)).containsExactly(critical.number(), ordinary.number());
    }

    @Test
    void firstReplyDeadlineIsComputedInBusinessTime() {
        // Friday 17:00 in Astana; the next Monday is a holiday
        Instant friday = astana("2026-05-08T17:00");

        Ticket vip = register.open(request(EDOC, "vip", ChannelKind.EMAIL, null, friday));
        Ticket basicByEmail = register.open(request(EDOC, "basic", ChannelKind.EMAIL, null, friday));
        Ticket basicOnline = register.open(request(EDOC, "basic", ChannelKind.WIDGET, null, friday));

        // VIP normal: 2 business hours = 1 hour on Friday + 1 hour on Tuesday
        assertThat(vip.firstReplyDue()).isEqualTo(astana("2026-05-12T10:00"));
        // Basic: 1 business day, counted from the moment of the request into the next working day
        assertThat(basicByEmail.firstReplyDue()).isEqualTo(astana("2026-05-12T17:00"));
        // the online helper answers within 15 minutes on any tier
        assertThat(basicOnline.firstReplyDue()).isEqualTo(astana("2026-05-08T17:15"));

        RegisteredTicket stored = register.find(TicketNumber.parse(basicByEmail.number())).orElseThrow();
        assertThat(stored.deadlines().firstReplyTarget()).isEqualTo(SlaTarget.parse("1 business day"));
        assertThat(stored.deadlines().resolutionDue()).isEqualTo(astana("2026-05-13T17:00"));
    }

    @Test
    void anOperatorsPriorityChangesTheDeadlines() {
        Ticket vip = register.open(request(EDOC, "vip", ChannelKind.EMAIL, null, astana("2026-03-02T10:00")));
        assertThat(vip.firstReplyDue()).isEqualTo(astana("2026-03-02T12:00"));

        RegisteredTicket urgent = register.prioritize(TicketNumber.parse(vip.number()), "urgent", astana("2026-03-02T10:10"));

        assertThat(urgent.deadlines().firstReplyDue()).isEqualTo(astana("2026-03-02T11:00"));
        assertThat(urgent.createdAt()).isEqualTo(astana("2026-03-02T10:00"));
        assertThatThrownBy(() -> register.prioritize(TicketNumber.parse(vip.number()), "whenever", astana("2026-03-02T10:11")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whenever");
    }

    @Test
    void aTicketKeepsWhatTheBotCollected() {
        Map<String, String> identification = Map.of("full-name", "Иванов Иван Иванович", "iin", "900101300123",
                "note", "звонить после обеда");
        ConversationId conversation = ConversationId.of("c-collected");
        TicketRequest request = new TicketRequest(conversation, EDOC, CustomerAddress.of(ChannelKind.TELEGRAM, "42"), "Иван",
                ChannelKind.TELEGRAM, "vip", "error", identification, "Не подписывается документ", true, astana("2026-03-02T10:00"));

        RegisteredTicket ticket = register.find(TicketNumber.parse(register.open(request).number())).orElseThrow();

        assertThat(ticket.state()).isEqualTo(TicketState.QUEUED);
        assertThat(ticket.conversation()).isEqualTo(conversation);
        assertThat(ticket.customer()).isEqualTo(CustomerAddress.of(ChannelKind.TELEGRAM, "42"));
        assertThat(ticket.tier()).isEqualTo("vip");
        assertThat(ticket.priority()).isEqualTo("normal");
        assertThat(ticket.category()).isEqualTo("error");
        // in the order the desk asks for the fields, whatever order the request had
        assertThat(ticket.identification()).containsExactly(Map.entry("iin", "900101300123"),
                Map.entry("full-name", "Иванов Иван Иванович"), Map.entry("note", "звонить после обеда"));
        assertThat(ticket.description()).isEqualTo("Не подписывается документ");
        assertThat(ticket.callback()).isTrue();
        assertThat(ticket.toString()).doesNotContain("900101300123", "Иванов", "подписывается");
    }

    @Test
    void anEscalationRepeatedWhileTheTicketWaitsKeepsItsNumber() {
        TicketRequest request = request(EDOC, "basic", ChannelKind.EMAIL, null, astana("2026-03-02T10:00"));

        Ticket first = register.open(request);
        Ticket again = register.open(request);

        assertThat(again).isEqualTo(first);
        assertThat(queueOf(EDOC)).containsExactly(first.number());
    }

    @Test
    void aTakenTicketLeavesTheQueueAndAReopenedOneReturns() {
        Ticket ticket = register.open(request(EDOC, "basic", ChannelKind.EMAIL, null, astana("2026-03-02T10:00")));
        TicketNumber number = TicketNumber.parse(ticket.number());

        RegisteredTicket taken = register.take(number, "op-1", astana("2026-03-02T10:30"));
        assertThat(taken.state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(taken.operator()).isEqualTo("op-1");
        assertThat(register.queue(EDOC)).isEmpty();

        register.close(number, astana("2026-03-02T11:00"));
        assertThatThrownBy(() -> register.take(number, "op-2", astana("2026-03-02T11:05")))
                .isInstanceOf(IllegalStateException.class);

        RegisteredTicket reopened = register.requeue(number, astana("2026-03-03T09:00"));
        assertThat(reopened.operator()).isNull();
        assertThat(queueOf(EDOC)).containsExactly(ticket.number());
    }

    @Test
    void aTicketHandedToAColleagueStaysInWorkUnderItsDeadlines() {
        Ticket ticket = register.open(request(EDOC, "basic", ChannelKind.WIDGET, null, astana("2026-03-02T10:00")));
        TicketNumber number = TicketNumber.parse(ticket.number());
        assertThatThrownBy(() -> register.handOver(number, "op-2", astana("2026-03-02T10:10")))
                .as("a queued ticket is taken, not handed over").isInstanceOf(IllegalStateException.class);
        RegisteredTicket taken = register.take(number, "op-1", astana("2026-03-02T10:30"));

        RegisteredTicket handed = register.handOver(number, "op-2", astana("2026-03-02T10:45"));

        assertThat(handed.state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(handed.operator()).isEqualTo("op-2");
        assertThat(handed.deadlines()).isEqualTo(taken.deadlines());
        assertThat(register.find(number).orElseThrow().operator()).isEqualTo("op-2");
        assertThat(register.queue(EDOC)).isEmpty();
    }

    private List<String> queueOf(DeskId desk) {
        return register.queue(desk).stream().map(t -> t.number().toString()).toList();
    }

    private static TicketRequest request(DeskId desk, String tier, ChannelKind channel, String category, Instant at) {
        ConversationId conversation = ConversationId.random();
        return new TicketRequest(conversation, desk, CustomerAddress.of(channel, "customer-" + conversation), null, channel,
                tier, category, Map.of(), "вопрос", false, at);
    }

    private static Instant astana(String localDateTime) {
        return at(ASTANA, localDateTime);
    }

    private static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }
}
