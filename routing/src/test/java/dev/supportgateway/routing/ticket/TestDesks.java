package dev.supportgateway.routing.ticket;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;

import dev.supportgateway.engine.desk.Category;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.ChannelPolicy;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.HelpCenterSettings;
import dev.supportgateway.engine.desk.Identification;
import dev.supportgateway.engine.desk.IdentityField;
import dev.supportgateway.engine.desk.Priority;
import dev.supportgateway.engine.desk.ServiceTier;
import dev.supportgateway.engine.desk.SlaRule;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.desk.WorkingHours;
import dev.supportgateway.routing.calendar.BusinessCalendar;
import dev.supportgateway.routing.calendar.ProductionCalendar;
import dev.supportgateway.routing.sla.SlaPolicy;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Desks as their regulations describe them, trimmed to what tickets need. */
final class TestDesks {

    static final DeskId EDOC = DeskId.of("edoc");
    static final DeskId KONUS = DeskId.of("konus");
    static final ZoneId ASTANA = ZoneId.of("Asia/Almaty");
    static final ZoneId ULAN_UDE = ZoneId.of("Asia/Irkutsk");
    /** A holiday on a Monday, so that deadlines visibly skip it. */
    static final LocalDate HOLIDAY = LocalDate.of(2026, 5, 11);

    private TestDesks() {
    }

    /** E-DOC: 9:00–18:00 Astana time; VIP before Basic; «немедленный» out of turn; the SLA table of the regulation. */
    static Desk edoc() {
        return new Desk(EDOC, "E-DOC", "ru", ASTANA,
                WorkingHours.on(EnumSet.range(MONDAY, FRIDAY), List.of(WorkingHours.Interval.parse("09:00-18:00"))), "kz",
                List.of(new ChannelPolicy(ChannelKind.WIDGET, true, true, List.of(), null, null),
                        new ChannelPolicy(ChannelKind.EMAIL, true, false, List.of(), null, null),
                        new ChannelPolicy(ChannelKind.CALLBACK, true, false, List.of("vip"), null, null)),
                List.of(new ServiceTier("vip", "VIP", false, 1, "по договору"),
                        new ServiceTier("basic", "Базовый", true, 2, "бесплатно")),
                List.of(new Priority("normal", "нормальный", true, false),
                        new Priority("urgent", "срочный", false, false),
                        new Priority("immediate", "немедленный", false, true)),
                List.of(new Category("consultation", "Консультация", false, null, List.of()),
                        new Category("error", "Ошибка, недоработка", true, null, List.of())),
                List.of(new SlaRule(null, ChannelKind.WIDGET, null, null, limit("15 minutes"), null),
                        new SlaRule("vip", null, "normal", null, limit("2 business hours"), null),
                        new SlaRule("vip", null, "urgent", null, limit("1 business hour"), null),
                        new SlaRule("vip", null, "immediate", null, limit("30 minutes"), null),
                        new SlaRule("vip", null, null, null, null, limit("1 business day")),
                        new SlaRule("basic", null, null, null, limit("1 business day"), limit("2 business days"))),
                new Identification(true, List.of(new IdentityField("iin", "ИИН", IdentityField.Kind.IIN, true),
                        new IdentityField("full-name", "ФИО", IdentityField.Kind.FULL_NAME, true),
                        new IdentityField("bin", "БИН", IdentityField.Kind.BIN, false))),
                null, null, null, null, new HelpCenterSettings("articles", null));
    }

    /** Конус: 8:30–12:00 and 13:00–17:30 Ulan-Ude time; a critical incident is critical and handled out of turn. */
    static Desk konus() {
        return new Desk(KONUS, "Конус", "ru", ULAN_UDE,
                WorkingHours.on(EnumSet.range(MONDAY, FRIDAY), List.of(WorkingHours.Interval.parse("08:30-12:00"),
                        WorkingHours.Interval.parse("13:00-17:30"))), null,
                List.of(new ChannelPolicy(ChannelKind.EMAIL, true, false, List.of(), null, null)),
                List.of(),
                List.of(new Priority("normal", "обычный", true, false), new Priority("critical", "критический", false, true)),
                List.of(new Category("critical-incident", "Критический инцидент", true, "critical", List.of()),
                        new Category("incident", "Некритический инцидент", true, null, List.of())),
                List.of(), null, null, null, null, null, new HelpCenterSettings("articles", null));
    }

    static ProductionCalendar kz() {
        return new ProductionCalendar("kz", "Казахстан", Set.of(2026), Set.of(HOLIDAY), Map.of(), Map.of());
    }

    static SlaPolicies policies() {
        Desk edoc = edoc();
        Desk konus = konus();
        return desk -> switch (desk.value()) {
            case "edoc" -> new SlaPolicy(edoc, BusinessCalendar.of(edoc, kz()));
            case "konus" -> new SlaPolicy(konus, BusinessCalendar.of(konus, ProductionCalendar.NONE));
            default -> throw new IllegalArgumentException("no desk " + desk);
        };
    }

    private static SlaTarget limit(String text) {
        return SlaTarget.parse(text);
    }
}
