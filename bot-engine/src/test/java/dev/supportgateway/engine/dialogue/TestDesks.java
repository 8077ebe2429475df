package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.desk.Category;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.ChannelPolicy;
import dev.supportgateway.engine.desk.ClosingRule;
import dev.supportgateway.engine.desk.Conduct;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.HelpCenterSettings;
import dev.supportgateway.engine.desk.Identification;
import dev.supportgateway.engine.desk.IdentityField;
import dev.supportgateway.engine.desk.Scope;
import dev.supportgateway.engine.desk.ServiceTier;
import dev.supportgateway.engine.desk.SilenceRule;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.desk.WorkingHours;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/** The desks of the seeds as far as the dialogue needs them, built in code. */
final class TestDesks {

    static final DeskId EDOC = DeskId.of("edoc");
    static final DeskId EORDER = DeskId.of("eorder");
    static final DeskId KONUS = DeskId.of("konus");
    static final DeskId INITIATIVA = DeskId.of("initiativa");

    /** edoc's regulation: no reply from the user in 8 business hours closes the request. */
    static final SilenceRule EDOC_SILENCE = new SilenceRule(SlaTarget.parse("8 business hours"), "ответ от клиента не получен");

    static final String EDOC_PROXY_REPLY = "Служба поддержки не настраивает подключение к интернету и прокси-серверы: обратитесь к системному администратору вашей организации.";

    private TestDesks() {
    }

    static List<Desk> all() {
        return List.of(edoc(), eorder(), konus(), initiativa());
    }

    static Desk edoc() {
        return desk(EDOC, "E-DOC", ZoneId.of("Asia/Almaty"), weekdays("09:00-18:00"),
                List.of(new ChannelPolicy(ChannelKind.WIDGET, true, true, List.of(), null, null),
                        new ChannelPolicy(ChannelKind.EMAIL, true, false, List.of(), "support@mitwork.kz", null),
                        new ChannelPolicy(ChannelKind.CALLBACK, true, false, List.of("vip"), null, null)),
                List.of(new ServiceTier("basic", "Базовый", true, 2, null), new ServiceTier("vip", "VIP", false, 1, "по договору")),
                List.of(new Category("consultation", "Консультация", false, null, List.of("как", "подскажите")),
                        new Category("error", "Ошибка/недоработка", true, null, List.of("ошибка", "не работает"))),
                new Identification(true, List.of(
                        new IdentityField("iin", "ИИН", IdentityField.Kind.IIN, true),
                        new IdentityField("full-name", "ФИО", IdentityField.Kind.FULL_NAME, true),
                        new IdentityField("bin", "БИН организации", IdentityField.Kind.BIN, true),
                        new IdentityField("org", "наименование организации", IdentityField.Kind.TEXT, true))),
                new Scope(List.of(
                        new Scope.OutOfScopeTopic("third-party-software", "установка стороннего ПО", List.of("стороннее программное", "сторонний софт", "антивирус"),
                                "Служба поддержки не устанавливает и не настраивает стороннее программное обеспечение."),
                        new Scope.OutOfScopeTopic("workstation", "диагностика рабочего места", List.of("диагностика компьютера", "тормозит компьютер", "переустановить windows"),
                                "Служба поддержки не диагностирует рабочие места пользователей."),
                        new Scope.OutOfScopeTopic("network", "интернет и прокси", List.of("прокси", "интернет"), EDOC_PROXY_REPLY),
                        new Scope.OutOfScopeTopic("legislation", "законодательство", List.of("законодательство", "налоговый кодекс"),
                                "Служба поддержки не консультирует по законодательству и методологии."),
                        new Scope.OutOfScopeTopic("third-parties", "действия третьих лиц", List.of("контрагент не"), null))),
                new Conduct(Conduct.ProfanityAction.WARN_THEN_STOP, 1, List.of()),
                EDOC_SILENCE, ClosingRule.PLAIN, "https://help.e-doc.kz/articles");
    }

    static Desk eorder() {
        return desk(EORDER, "Электронный Ордер", ZoneId.of("Europe/Moscow"), weekdays("09:30-18:30"),
                List.of(new ChannelPolicy(ChannelKind.WIDGET, true, false, List.of(), null, null),
                        new ChannelPolicy(ChannelKind.EMAIL, true, false, List.of(), "support@eorder.ru", null),
                        new ChannelPolicy(ChannelKind.PHONE, true, false, List.of(), "+7 (495) 248-06-46", "Звонки записываются")),
                List.of(new ServiceTier("base", "Базовый", true, 2, "бесплатно"), new ServiceTier("extended", "Расширенный", false, 1, "1000 ₽/мес")),
                List.of(),
                new Identification(true, List.of(
                        new IdentityField("login", "логин (e-mail)", IdentityField.Kind.EMAIL, true),
                        new IdentityField("inn", "ИНН", IdentityField.Kind.INN, true))),
                Scope.EVERYTHING,
                new Conduct(Conduct.ProfanityAction.WARN, 0, List.of("прокся", "винда", "сервак")), null,
                new ClosingRule(true, "Остались ли у вас вопросы?", false, true), "https://eorder.ru/help");
    }

    static Desk konus() {
        return desk(KONUS, "Конус", ZoneId.of("Asia/Irkutsk"), weekdays("08:30-12:00", "13:00-17:30"),
                List.of(new ChannelPolicy(ChannelKind.EMAIL, true, false, List.of(), "help@konus.ru", null),
                        new ChannelPolicy(ChannelKind.PHONE, true, false, List.of(), "+7 3012 00-00-00", null)),
                List.of(), List.of(), Identification.NONE, Scope.EVERYTHING,
                new Conduct(Conduct.ProfanityAction.WARN_THEN_STOP, 0, List.of()), null,
                new ClosingRule(false, null, true), null);
    }

    /** A desk that asks nothing before a ticket: escalation needs only the question. */
    static Desk initiativa() {
        return desk(INITIATIVA, "Служба заботы", ZoneId.of("Europe/Moscow"), weekdays("09:00-18:00"),
                List.of(new ChannelPolicy(ChannelKind.WEB_FORM, true, false, List.of(), null, null)),
                List.of(), List.of(), Identification.NONE, Scope.EVERYTHING, Conduct.TOLERANT, null, ClosingRule.PLAIN, null);
    }

    private static WorkingHours weekdays(String... intervals) {
        return WorkingHours.on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                java.util.Arrays.stream(intervals).map(WorkingHours.Interval::parse).toList());
    }

    /** The one place that calls the Desk constructor, so fields added to Desk touch only this line. */
    private static Desk desk(DeskId id, String name, ZoneId zone, WorkingHours hours, List<ChannelPolicy> channels,
                             List<ServiceTier> tiers, List<Category> categories, Identification identification, Scope scope,
                             Conduct conduct, SilenceRule silence, ClosingRule closing, String helpBaseUrl) {
        return new Desk(id, name, "ru", zone, hours, "ru", channels, tiers, List.of(), categories, List.of(), identification, scope,
                conduct, silence, closing, new HelpCenterSettings("kb/" + id, helpBaseUrl));
    }
}
