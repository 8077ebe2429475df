package dev.supportgateway.engine.desk;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The weekly schedule of a desk in its own time zone: for each day, the intervals operators work
 * (a lunch break is the gap between two intervals). Days off of the production calendar are applied
 * on top by the business calendar.
 */
public record WorkingHours(Map<DayOfWeek, List<Interval>> week, boolean aroundTheClock) {

    /** A working interval within one day, {@code start} inclusive, {@code end} exclusive. */
    public record Interval(LocalTime start, LocalTime end) {
        public Interval {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("interval must end after it starts: " + start + "-" + end);
            }
        }

        /** Parses {@code 09:00-18:00}. */
        public static Interval parse(String text) {
            String[] parts = text.trim().split("\\s*[-–]\\s*");
            if (parts.length != 2) {
                throw new IllegalArgumentException("expected an interval like 09:00-18:00, got '" + text + "'");
            }
            return new Interval(LocalTime.parse(pad(parts[0])), LocalTime.parse(pad(parts[1])));
        }

        private static String pad(String time) {
            return time.length() == 4 ? "0" + time : time;
        }

        @Override
        public String toString() {
            return start + "-" + end;
        }
    }

    public static final WorkingHours ALWAYS = new WorkingHours(Map.of(), true);

    public WorkingHours {
        EnumMap<DayOfWeek, List<Interval>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, intervals) -> {
            List<Interval> sorted = intervals.stream().sorted(java.util.Comparator.comparing(Interval::start)).toList();
            for (int i = 1; i < sorted.size(); i++) {
                if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                    throw new IllegalArgumentException("intervals of " + day + " overlap: " + sorted);
                }
            }
            copy.put(day, sorted);
        });
        week = java.util.Collections.unmodifiableMap(copy);
    }

    /** The same intervals on each of the given days. */
    public static WorkingHours on(Set<DayOfWeek> days, List<Interval> intervals) {
        EnumMap<DayOfWeek, List<Interval>> week = new EnumMap<>(DayOfWeek.class);
        days.forEach(day -> week.put(day, intervals));
        return new WorkingHours(week, false);
    }

    public List<Interval> on(DayOfWeek day) {
        return week.getOrDefault(day, List.of());
    }
}
