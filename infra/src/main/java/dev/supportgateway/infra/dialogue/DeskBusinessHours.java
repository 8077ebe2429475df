package dev.supportgateway.infra.dialogue;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.desk.WorkingHours;
import dev.supportgateway.engine.escalation.BusinessHours;
import dev.supportgateway.infra.desk.DeskCatalog;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The engine's {@link BusinessHours} on routing's business calendars (hours, time zone, production calendar). */
final class DeskBusinessHours implements BusinessHours {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private final DeskCatalog catalog;

    DeskBusinessHours(DeskCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean isOpen(Desk desk, Instant at) {
        return catalog.businessCalendar(desk.id()).isOpen(at);
    }

    @Override
    public Optional<Instant> nextOpening(Desk desk, Instant at) {
        return desk.hours().aroundTheClock() ? Optional.empty() : Optional.of(catalog.businessCalendar(desk.id()).nextOpening(at));
    }

    @Override
    public Instant plus(Desk desk, Instant start, SlaTarget limit) {
        return catalog.businessCalendar(desk.id()).plus(start, limit);
    }

    @Override
    public String describe(Desk desk) {
        WorkingHours hours = desk.hours();
        if (hours.aroundTheClock()) {
            return "Операторы работают круглосуточно";
        }
        // days with the same intervals are told together: «пн, вт, ср, чт, пт 09:00–18:00»
        Map<List<WorkingHours.Interval>, List<DayOfWeek>> byIntervals = hours.week().entrySet().stream()
                .collect(Collectors.groupingBy(Map.Entry::getValue, java.util.LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        String schedule = byIntervals.entrySet().stream().map(e -> e.getValue().stream()
                        .map(d -> d.getDisplayName(TextStyle.SHORT, RU)).collect(Collectors.joining(", ")) + " "
                        + e.getKey().stream().map(i -> i.start() + "–" + i.end()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return "Операторы работают " + schedule + " (часовой пояс " + desk.timeZone().getId() + ")";
    }
}
