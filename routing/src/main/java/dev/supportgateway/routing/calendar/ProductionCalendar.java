package dev.supportgateway.routing.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A country's production calendar («производственный календарь»): days off on top of the weekly
 * schedule, weekend days turned into working days by a transfer, and shortened pre-holiday days.
 * {@code years} are the years it knows; outside them only the desk's weekly hours apply.
 */
public record ProductionCalendar(String id, String name, Set<Integer> years, Set<LocalDate> daysOff,
                                 Map<LocalDate, DayOfWeek> workingDays, Map<LocalDate, Duration> shortenedDays) {

    /** No production calendar: the weekly hours are all there is. */
    public static final ProductionCalendar NONE = new ProductionCalendar("none", "без производственного календаря",
            Set.of(), Set.of(), Map.of(), Map.of());

    public ProductionCalendar {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        years = Set.copyOf(years);
        daysOff = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(daysOff));
        workingDays = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(workingDays));
        shortenedDays = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(shortenedDays));
        for (LocalDate day : workingDays.keySet()) {
            if (daysOff.contains(day)) {
                throw new IllegalArgumentException(day + " is both a day off and a working day in calendar " + id);
            }
        }
        for (Map.Entry<LocalDate, Duration> e : shortenedDays.entrySet()) {
            if (daysOff.contains(e.getKey())) {
                throw new IllegalArgumentException(e.getKey() + " is both a day off and a shortened day in calendar " + id);
            }
            if (e.getValue().isNegative() || e.getValue().isZero()) {
                throw new IllegalArgumentException("a shortened day must be shorter by a positive time: " + e.getKey());
            }
        }
    }

    public boolean isDayOff(LocalDate day) {
        return daysOff.contains(day);
    }

    /** For a weekend day that is a working day by transfer: the weekday whose hours it follows. */
    public Optional<DayOfWeek> workingAs(LocalDate day) {
        return Optional.ofNullable(workingDays.get(day));
    }

    /** How much earlier than usual work ends on this day (zero on ordinary days). */
    public Duration shortening(LocalDate day) {
        return shortenedDays.getOrDefault(day, Duration.ZERO);
    }

    public boolean covers(int year) {
        return years.contains(year);
    }
}
