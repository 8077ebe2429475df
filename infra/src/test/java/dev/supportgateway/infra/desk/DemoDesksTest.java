package dev.supportgateway.infra.desk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.Conduct;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.IdentityField;
import dev.supportgateway.engine.desk.ReadyReply;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.desk.WorkingHours.Interval;
import dev.supportgateway.routing.calendar.BusinessCalendar;
import dev.supportgateway.routing.identity.IdentityFieldValidator;
import dev.supportgateway.routing.sla.SlaPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The repository's desks/ folder: it loads, and each desk says what its regulation says. */
class DemoDesksTest {

    private static DeskCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = DeskFiles.load(repositoryDesks());
    }

    @Test
    void theFiveDesksOfTheSeedsAreThere() {
        assertThat(catalog.desks().keySet()).extracting(DeskId::value)
                .containsExactly("atlas", "edoc", "eorder", "initiativa", "konus");
        assertThat(catalog.calendars()).containsKeys("ru", "kz");
        catalog.all().forEach(desk -> assertThat(catalog.articleFolder(desk.id())).isDirectory());
    }

    @Test
    void edocAndEorderAskTheCustomerToRateTheServiceWhenTheChatCloses() {
        assertThat(desk("edoc").closing().askRating()).isTrue();
        assertThat(desk("eorder").closing().askRating()).isTrue();
        assertThat(desk("konus").closing().askRating()).isFalse();
    }

    @Test
    void everyDeskGivesItsOperatorsReadyReplies() {
        assertThat(catalog.desks().values()).allSatisfy(d -> assertThat(d.readyReplies()).as(d.id().value()).isNotEmpty());
        assertThat(desk("edoc").readyReplies()).extracting(ReadyReply::id).containsExactly("greeting", "screenshot", "registered");
        assertThat(desk("edoc").readyReplies().getFirst().text()).startsWith("Здравствуйте! Меня зовут {operator}");
    }

    @Test
    void eachDeskWorksInItsOwnTimeZone() {
        assertThat(desk("atlas").timeZone()).isEqualTo(ZoneId.of("Asia/Vladivostok"));
        assertThat(desk("edoc").timeZone()).isEqualTo(ZoneId.of("Asia/Almaty"));
        assertThat(desk("eorder").timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(desk("konus").timeZone()).isEqualTo(ZoneId.of("Asia/Irkutsk"));
        assertThat(desk("initiativa").timeZone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(desk("edoc").calendar()).isEqualTo("kz");
        assertThat(desk("eorder").calendar()).isEqualTo("ru");
    }

    @Test
    void edocCallbackAndIncidentRegistrationAreOpenOnlyToVip() {
        Desk edoc = desk("edoc");

        assertThat(edoc.channel(ChannelKind.CALLBACK)).hasValueSatisfying(c -> {
            assertThat(c.openTo("vip")).isTrue();
            assertThat(c.openTo("basic")).isFalse();
        });
        assertThat(edoc.channel(ChannelKind.WEB_FORM).orElseThrow().openTo("basic")).isFalse();
        assertThat(edoc.channel(ChannelKind.WIDGET).orElseThrow().recommended()).isTrue();
        assertThat(edoc.channel(ChannelKind.EMAIL).orElseThrow().openTo("basic")).isTrue();
    }

    @Test
    void edocSlaFromTheRegulation() {
        SlaPolicy sla = catalog.slaPolicy(DeskId.of("edoc"));
        Instant monday10 = local("edoc", "2026-04-06T10:00");

        assertThat(sla.deadlines("basic", ChannelKind.WIDGET, null, "consultation", monday10).firstReply()).contains(local("edoc", "2026-04-06T10:15"));
        assertThat(sla.deadlines("basic", ChannelKind.EMAIL, null, "consultation", monday10).resolution()).contains(local("edoc", "2026-04-08T10:00"));
        assertThat(sla.deadlines("vip", ChannelKind.CALLBACK, "urgent", "error", monday10).firstReply()).contains(local("edoc", "2026-04-06T11:00"));
        assertThat(sla.deadlines("vip", ChannelKind.CALLBACK, "immediate", "error", monday10).firstReply()).contains(local("edoc", "2026-04-06T10:30"));
        assertThat(sla.deadlines("vip", ChannelKind.LETTER, "normal", "consultation", monday10).resolution()).isEmpty();
        assertThat(sla.silenceDeadline(monday10)).contains(local("edoc", "2026-04-06T18:00"));
        assertThat(desk("edoc").silence().reason()).isEqualTo("ответ от клиента не получен");
        assertThat(desk("edoc").category("error").orElseThrow().registered()).isTrue();
        assertThat(desk("edoc").priority("immediate").orElseThrow().outOfTurn()).isTrue();
        assertThat(desk("edoc").tier("vip").orElseThrow().rank()).isLessThan(desk("edoc").tier("basic").orElseThrow().rank());
    }

    @Test
    void edocDeclinesProxyQuestionsPolitely() {
        assertThat(desk("edoc").scope().outOfScope()).anySatisfy(topic -> {
            assertThat(topic.keywords()).contains("прокси");
            assertThat(topic.reply()).contains("прокси");
        });
        assertThat(desk("edoc").conduct().onProfanity()).isEqualTo(Conduct.ProfanityAction.WARN_THEN_STOP);
    }

    @Test
    void konusHasALunchBreakInUlanUdeTime() {
        assertThat(desk("konus").hours().on(DayOfWeek.MONDAY))
                .containsExactly(Interval.parse("08:30-12:00"), Interval.parse("13:00-17:30"));
        BusinessCalendar konus = catalog.businessCalendar(DeskId.of("konus"));
        assertThat(konus.isOpen(local("konus", "2026-04-06T12:30"))).isFalse();
        assertThat(desk("konus").closing().customerMayReopen()).isTrue();
    }

    @Test
    void eorderAsksBeforeClosingAndForbidsJargon() {
        Desk eorder = desk("eorder");

        assertThat(eorder.closing().askBeforeClosing()).isTrue();
        assertThat(eorder.closing().question()).isEqualTo("Остались ли у вас вопросы?");
        assertThat(eorder.conduct().forbiddenOperatorWords()).containsExactly("прокся", "винда", "сервак");
        assertThat(eorder.conduct().instructionsLinkToGuide()).isTrue();
        assertThat(eorder.channel(ChannelKind.PHONE).orElseThrow().notice()).contains("записывается");
        assertThat(eorder.slaExtension().announceVia()).isEqualTo(ChannelKind.EMAIL);
        assertThat(eorder.tier("extended").orElseThrow().price()).contains("1000 ₽").contains("2500 ₽");
    }

    @Test
    void eorderRequestSolvedWithinSixteenBusinessHoursSkipsMayHolidays() {
        SlaPolicy sla = catalog.slaPolicy(DeskId.of("eorder"));

        assertThat(sla.deadlines(null, ChannelKind.EMAIL, null, "question", local("eorder", "2026-04-30T15:00")).resolution())
                .contains(local("eorder", "2026-05-05T14:00"));
    }

    @Test
    void initiativaHasNoLunchBreakAndReactsWithinThirtyOrSixtyMinutes() {
        SlaPolicy sla = catalog.slaPolicy(DeskId.of("initiativa"));
        Instant noon = local("initiativa", "2026-04-06T12:00");

        assertThat(desk("initiativa").hours().on(DayOfWeek.TUESDAY)).containsExactly(Interval.parse("09:00-18:00"));
        assertThat(sla.deadlines(null, ChannelKind.WEB_FORM, null, "reference", noon).firstReply()).contains(local("initiativa", "2026-04-06T12:30"));
        assertThat(sla.deadlines(null, ChannelKind.PHONE, null, "outage", noon).firstReply()).contains(local("initiativa", "2026-04-06T13:00"));
        assertThat(desk("initiativa").channel(ChannelKind.WEB_FORM).orElseThrow().registeredWithin()).isEqualTo(SlaTarget.parse("3 minutes"));
        assertThat(desk("initiativa").serviceReports()).hasValueSatisfying(r -> assertThat(r.documents()).hasSize(3));
        assertThat(desk("initiativa").scope().outOfScope()).singleElement().satisfies(t -> assertThat(t.reply()).contains("разработчику"));
    }

    @Test
    void identificationOfEachDeskValidatesItsNumbers() {
        IdentityFieldValidator validator = new IdentityFieldValidator();

        assertThat(desk("edoc").identification().fields()).extracting(IdentityField::kind)
                .contains(IdentityField.Kind.IIN, IdentityField.Kind.FULL_NAME, IdentityField.Kind.BIN);
        assertThat(validator.validate(desk("edoc").identification(), Map.of("iin", "900515300127", "full-name", "Сериков Алмас"))).isEmpty();
        assertThat(validator.validate(desk("eorder").identification(), Map.of("inn", "7707083894")))
                .extracting(p -> p.fieldId()).contains("login", "inn", "support-paid-until");
        assertThat(desk("konus").identification().fields()).extracting(IdentityField::kind).contains(IdentityField.Kind.CONTRACT);
        assertThat(desk("atlas").identification().fields()).extracting(IdentityField::kind)
                .contains(IdentityField.Kind.INN, IdentityField.Kind.SNILS, IdentityField.Kind.OGRN);
        assertThat(desk("atlas").conduct().privacyPledge()).contains("152-ФЗ");
        assertThat(desk("initiativa").identification().mandatory()).isFalse();
    }

    @Test
    void russianCalendarKnowsTheHolidaysOf2026() {
        var ru = catalog.calendars().get("ru");

        assertThat(ru.isDayOff(LocalDate.parse("2026-01-09"))).isTrue();
        assertThat(ru.isDayOff(LocalDate.parse("2026-01-12"))).isFalse();
        assertThat(ru.isDayOff(LocalDate.parse("2026-03-09"))).isTrue();
        assertThat(ru.isDayOff(LocalDate.parse("2026-05-11"))).isTrue();
        assertThat(ru.isDayOff(LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(ru.shortening(LocalDate.parse("2026-11-03"))).hasHours(1);
        BusinessCalendar weekly = catalog.businessCalendar(DeskId.of("eorder"));
        long workingDays2026 = LocalDate.parse("2026-01-01").datesUntil(LocalDate.parse("2027-01-01")).filter(weekly::isWorkingDay).count();
        long workingDays2025 = LocalDate.parse("2025-01-01").datesUntil(LocalDate.parse("2026-01-01")).filter(weekly::isWorkingDay).count();
        assertThat(workingDays2026).as("the published norm for 2026").isEqualTo(247);
        assertThat(workingDays2025).as("the published norm for 2025").isEqualTo(247);
    }

    private static Desk desk(String id) {
        return catalog.require(DeskId.of(id));
    }

    private static Instant local(String desk, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(desk(desk).timeZone()).toInstant();
    }

    /** The desks/ folder at the repository root, found from the module's working directory. */
    static Path repositoryDesks() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("desks").resolve(DeskFiles.CALENDARS))) {
                return dir.resolve("desks");
            }
        }
        throw new IllegalStateException("no desks/ folder above " + Path.of("").toAbsolutePath());
    }
}
