package dev.supportgateway.routing;

import dev.supportgateway.engine.desk.Category;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.ChannelPolicy;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.HelpCenterSettings;
import dev.supportgateway.engine.desk.Priority;
import dev.supportgateway.engine.desk.ServiceReports;
import dev.supportgateway.engine.desk.ServiceTier;
import dev.supportgateway.engine.desk.SilenceRule;
import dev.supportgateway.engine.desk.SlaRule;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.desk.WorkingHours;
import dev.supportgateway.engine.desk.WorkingHours.Interval;
import dev.supportgateway.routing.calendar.ProductionCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The desks of the regulations as the routing tests need them, built in code because routing reads
 * no files; infra's tests check that desks/*.yml say the same.
 */
public final class RegulationDesks {

    public static final Set<DayOfWeek> MON_FRI = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private RegulationDesks() {
    }

    /** The Russian production calendar 2026 as in desks/calendars/ru.yml. */
    public static ProductionCalendar russia2026() {
        Set<LocalDate> off = new HashSet<>();
        range(off, "2026-01-01", "2026-01-11");
        range(off, "2026-02-21", "2026-02-23");
        range(off, "2026-03-07", "2026-03-09");
        range(off, "2026-05-01", "2026-05-03");
        range(off, "2026-05-09", "2026-05-11");
        range(off, "2026-06-12", "2026-06-14");
        off.add(LocalDate.parse("2026-11-04"));
        off.add(LocalDate.parse("2026-12-31"));
        Map<LocalDate, Duration> shortened = Map.of(
                LocalDate.parse("2026-04-30"), Duration.ofHours(1), LocalDate.parse("2026-05-08"), Duration.ofHours(1),
                LocalDate.parse("2026-06-11"), Duration.ofHours(1), LocalDate.parse("2026-11-03"), Duration.ofHours(1));
        return new ProductionCalendar("ru", "РФ", Set.of(2026), off, Map.of(), shortened);
    }

    public static ProductionCalendar kazakhstan2026() {
        Set<LocalDate> off = new HashSet<>();
        range(off, "2026-03-21", "2026-03-25");
        range(off, "2026-01-01", "2026-01-02");
        return new ProductionCalendar("kz", "РК", Set.of(2026), off, Map.of(), Map.of());
    }

    public static Desk edoc() {
        return new Desk(DeskId.of("edoc"), "E-DOC", "ru", ZoneId.of("Asia/Almaty"),
                WorkingHours.on(MON_FRI, List.of(Interval.parse("09:00-18:00"))), "kz",
                List.of(channel(ChannelKind.WIDGET), channel(ChannelKind.EMAIL), channel(ChannelKind.LETTER),
                        new ChannelPolicy(ChannelKind.CALLBACK, true, false, List.of("vip"), null, null),
                        new ChannelPolicy(ChannelKind.WEB_FORM, true, false, List.of("vip"), null, null)),
                List.of(new ServiceTier("vip", "VIP", false, 1, "по договору"), new ServiceTier("basic", "Базовый", true, 2, "бесплатно")),
                List.of(new Priority("normal", "нормальный", true, false), new Priority("urgent", "срочный", false, false),
                        new Priority("immediate", "немедленный", false, true)),
                List.of(new Category("consultation", "Консультация", false, null, List.of()),
                        new Category("error", "Ошибка, недоработка", true, null, List.of())),
                List.of(
                        rule(null, ChannelKind.WIDGET, null, null, "15 minutes", null),
                        rule("vip", null, "normal", null, "2 business hours", null),
                        rule("vip", null, "urgent", null, "1 business hour", null),
                        rule("vip", null, "immediate", null, "30 minutes", null),
                        rule("vip", ChannelKind.WIDGET, null, null, null, "1 business day"),
                        rule("vip", ChannelKind.EMAIL, null, null, null, "1 business day"),
                        rule("vip", ChannelKind.CALLBACK, null, null, null, "1 business day"),
                        rule("vip", ChannelKind.WEB_FORM, null, null, null, "1 business day"),
                        rule("basic", null, null, null, "1 business day", "2 business days")),
                null, null, null, new SilenceRule(SlaTarget.parse("8 business hours"), "ответ от клиента не получен"),
                null, new HelpCenterSettings("articles", null));
    }

    public static Desk eorder() {
        return plain("eorder", "Europe/Moscow", WorkingHours.on(MON_FRI, List.of(Interval.parse("09:30-18:30"))),
                List.of(new Category("error", "Техническая ошибка", true, null, List.of()),
                        new Category("question", "Вопрос", false, null, List.of())),
                List.of(rule(null, null, null, "question", null, "16 business hours")), null);
    }

    public static Desk konus() {
        return plain("konus", "Asia/Irkutsk",
                WorkingHours.on(MON_FRI, List.of(Interval.parse("08:30-12:00"), Interval.parse("13:00-17:30"))),
                List.of(), List.of(), null);
    }

    public static Desk initiativa() {
        return plain("initiativa", "Europe/Moscow", WorkingHours.on(MON_FRI, List.of(Interval.parse("09:00-18:00"))),
                List.of(new Category("reference", "Справочный", false, null, List.of()),
                        new Category("outage", "Неработоспособность ПО", true, null, List.of())),
                List.of(rule(null, null, null, "reference", "30 minutes", null),
                        rule(null, null, null, "outage", "60 minutes", null)),
                new ServiceReports(SlaTarget.parse("5 business days"), List.of("отчёт", "акт", "счёт")));
    }

    private static Desk plain(String id, String zone, WorkingHours hours, List<Category> categories, List<SlaRule> sla,
                              ServiceReports reports) {
        return new Desk(DeskId.of(id), id, "ru", ZoneId.of(zone), hours, "ru",
                List.of(channel(ChannelKind.PHONE), channel(ChannelKind.EMAIL), channel(ChannelKind.WEB_FORM)),
                List.of(new ServiceTier("basic", "Базовый", true, 1, null)),
                List.of(new Priority("normal", "обычный", true, false)), categories, sla,
                null, null, null, null, null, new HelpCenterSettings("articles", null), null, reports, List.of());
    }

    private static ChannelPolicy channel(ChannelKind kind) {
        return new ChannelPolicy(kind, true, false, List.of(), null, null);
    }

    private static SlaRule rule(String tier, ChannelKind channel, String priority, String category, String firstReply, String resolution) {
        return new SlaRule(tier, channel, priority, category,
                firstReply == null ? null : SlaTarget.parse(firstReply), resolution == null ? null : SlaTarget.parse(resolution));
    }

    private static void range(Set<LocalDate> days, String from, String to) {
        LocalDate.parse(from).datesUntil(LocalDate.parse(to).plusDays(1)).forEach(days::add);
    }
}
