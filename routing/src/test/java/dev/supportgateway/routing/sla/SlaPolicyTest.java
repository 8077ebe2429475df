package dev.supportgateway.routing.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.routing.RegulationDesks;
import dev.supportgateway.routing.calendar.BusinessCalendar;
import dev.supportgateway.routing.calendar.ProductionCalendar;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private static final SlaPolicy EDOC = policy(RegulationDesks.edoc(), RegulationDesks.kazakhstan2026());
    private static final SlaPolicy EORDER = policy(RegulationDesks.eorder(), RegulationDesks.russia2026());
    private static final SlaPolicy INITIATIVA = policy(RegulationDesks.initiativa(), RegulationDesks.russia2026());

    @Test
    void edocOnlineHelperFirstReplyIsFifteenMinutes() {
        SlaDeadlines basic = EDOC.deadlines("basic", ChannelKind.WIDGET, null, "consultation", at(EDOC, "2026-04-06T10:00"));
        SlaDeadlines vip = EDOC.deadlines("vip", ChannelKind.WIDGET, "normal", "consultation", at(EDOC, "2026-04-06T10:00"));

        assertThat(basic.firstReply()).contains(at(EDOC, "2026-04-06T10:15"));
        assertThat(vip.firstReply()).contains(at(EDOC, "2026-04-06T10:15"));
    }

    @Test
    void edocBasicRequestByEmailIsAnsweredWithinOneBusinessDayAndClosedWithinTwo() {
        SlaDeadlines d = EDOC.deadlines(null, ChannelKind.EMAIL, null, "consultation", at(EDOC, "2026-04-06T10:00"));

        assertThat(d.firstReply()).contains(at(EDOC, "2026-04-07T10:00"));
        assertThat(d.resolution()).contains(at(EDOC, "2026-04-08T10:00"));
        assertThat(d.firstReplyTarget()).isEqualTo(SlaTarget.parse("1 business day"));
    }

    @Test
    void vipNormalRequestIsAnsweredWithinTwoBusinessHours() {
        SlaDeadlines d = EDOC.deadlines("vip", ChannelKind.CALLBACK, "normal", "error", at(EDOC, "2026-04-06T17:00"));

        assertThat(d.firstReply()).contains(at(EDOC, "2026-04-07T10:00"));
    }

    @Test
    void vipUrgentRequestMustBeAnsweredWithinOneBusinessHour() {
        SlaDeadlines d = EDOC.deadlines("vip", ChannelKind.WEB_FORM, "urgent", "error", at(EDOC, "2026-04-06T17:30"));

        assertThat(d.firstReply()).contains(at(EDOC, "2026-04-07T09:30"));
    }

    @Test
    void vipImmediateRequestIsAnsweredWithinThirtyMinutes() {
        SlaDeadlines d = EDOC.deadlines("vip", ChannelKind.CALLBACK, "immediate", "error", at(EDOC, "2026-04-06T11:00"));

        assertThat(d.firstReply()).contains(at(EDOC, "2026-04-06T11:30"));
    }

    @Test
    void vipRequestIsClosedWithinOneBusinessDayExceptOfficialLetters() {
        Instant created = at(EDOC, "2026-04-06T11:00");

        assertThat(EDOC.deadlines("vip", ChannelKind.EMAIL, "normal", "error", created).resolution()).contains(at(EDOC, "2026-04-07T11:00"));
        assertThat(EDOC.deadlines("vip", ChannelKind.LETTER, "normal", "error", created).resolution()).isEmpty();
        assertThat(EDOC.deadlines("vip", ChannelKind.LETTER, "normal", "error", created).firstReply()).contains(at(EDOC, "2026-04-06T13:00"));
    }

    @Test
    void edocClosesARequestAfterEightBusinessHoursOfCustomerSilence() {
        assertThat(EDOC.silenceDeadline(at(EDOC, "2026-04-06T15:00"))).contains(at(EDOC, "2026-04-07T14:00"));
        assertThat(EDOC.desk().silence().reason()).isEqualTo("ответ от клиента не получен");
    }

    @Test
    void eorderNonErrorRequestIsSolvedWithinSixteenBusinessHoursButAnErrorHasNoSuchLimit() {
        Instant monday = at(EORDER, "2026-04-06T09:30");

        assertThat(EORDER.deadlines(null, ChannelKind.EMAIL, null, "question", monday).resolution()).contains(at(EORDER, "2026-04-07T16:30"));
        assertThat(EORDER.deadlines(null, ChannelKind.EMAIL, null, "error", monday).resolution()).isEmpty();
    }

    @Test
    void initiativaReactsToAReferenceQuestionInThirtyMinutesAndToAnOutageInSixty() {
        Instant created = at(INITIATIVA, "2026-04-06T10:00");

        assertThat(INITIATIVA.deadlines(null, ChannelKind.WEB_FORM, null, "reference", created).firstReply()).contains(at(INITIATIVA, "2026-04-06T10:30"));
        assertThat(INITIATIVA.deadlines(null, ChannelKind.PHONE, null, "outage", created).firstReply()).contains(at(INITIATIVA, "2026-04-06T11:00"));
    }

    @Test
    void initiativaSendsServiceDocumentsWithinFiveBusinessDays() {
        // the service ends on Wednesday Apr 29; May 1-3 are off
        assertThat(INITIATIVA.serviceReportsDue(at(INITIATIVA, "2026-04-29T15:00"))).contains(at(INITIATIVA, "2026-05-07T15:00"));
        assertThat(EDOC.serviceReportsDue(at(EDOC, "2026-04-29T15:00"))).isEmpty();
    }

    private static SlaPolicy policy(Desk desk, ProductionCalendar calendar) {
        return new SlaPolicy(desk, BusinessCalendar.of(desk, calendar));
    }

    private static Instant at(SlaPolicy policy, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(policy.desk().timeZone()).toInstant();
    }
}
