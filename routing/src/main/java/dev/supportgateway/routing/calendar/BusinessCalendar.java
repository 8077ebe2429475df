package dev.supportgateway.routing.calendar;

import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.desk.WorkingHours;
import dev.supportgateway.engine.desk.WorkingHours.Interval;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The working time of one desk: its weekly hours in its time zone with the production calendar on
 * top. Counts SLA deadlines the way the regulations do.
 *
 * <p>How a {@link SlaTarget} is counted by {@link #plus}:
 * <ul>
 *   <li><b>business hours</b> — only working time counts: nights, lunch breaks, weekends, holidays
 *       and the cut-off hour of a shortened day are skipped. A limit that ends exactly at closing
 *       ends at closing, not at the next opening.</li>
 *   <li><b>business days</b> — N working days. Started during a working day, the deadline is the
 *       same local time on the N-th next working day (if that moment is a break or after a shortened
 *       day's end, the last working moment before it). Started before opening or out of hours, the
 *       day of the next opening is the first day and the deadline is the end of the N-th working day:
 *       a Saturday request with «1 business day» is due on Monday at closing. A fraction of a day is
 *       counted as that fraction of the longest weekly working day, in business hours.</li>
 *   <li><b>minutes / hours</b> — clock time, counted from the next opening when the request arrives
 *       out of hours (nobody can reply at night, and «15 minutes» must not fall due before the desk opens).</li>
 * </ul>
 */
public record BusinessCalendar(WorkingHours hours, ZoneId zone, ProductionCalendar calendar) {

    /** How far ahead to look for working time before concluding that a desk never opens. */
    private static final int HORIZON_DAYS = 3 * 366;

    public BusinessCalendar {
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(zone, "zone");
        calendar = calendar == null ? ProductionCalendar.NONE : calendar;
        if (!hours.aroundTheClock() && hours.week().values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("working hours have no working day");
        }
    }

    /** The business calendar of a desk with its production calendar (null when the desk names none). */
    public static BusinessCalendar of(Desk desk, ProductionCalendar calendar) {
        return new BusinessCalendar(desk.hours(), desk.timeZone(), calendar);
    }

    /** The working intervals of one local date, after days off, transfers and shortening. */
    public List<Interval> intervalsOn(LocalDate day) {
        if (hours.aroundTheClock()) {
            return List.of(new Interval(LocalTime.MIN, LocalTime.MAX));
        }
        if (calendar.isDayOff(day)) {
            return List.of();
        }
        DayOfWeek scheduleOf = calendar.workingAs(day).orElse(day.getDayOfWeek());
        List<Interval> intervals = hours.on(scheduleOf);
        if (intervals.isEmpty() && calendar.workingAs(day).isPresent()) {
            // a transferred working day follows an ordinary weekday's hours
            intervals = hours.on(firstWorkingWeekday());
        }
        Duration cut = calendar.shortening(day);
        return cut.isZero() ? intervals : shorten(intervals, cut);
    }

    public boolean isWorkingDay(LocalDate day) {
        return !intervalsOn(day).isEmpty();
    }

    public boolean isOpen(Instant moment) {
        if (hours.aroundTheClock()) {
            return true;
        }
        ZonedDateTime local = moment.atZone(zone);
        for (Window w : windowsOn(local.toLocalDate())) {
            if (w.contains(moment)) {
                return true;
            }
        }
        return false;
    }

    /** The moment itself when the desk is open, else the start of the next working interval. */
    public Instant nextOpening(Instant moment) {
        if (hours.aroundTheClock()) {
            return moment;
        }
        LocalDate day = moment.atZone(zone).toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            for (Window w : windowsOn(day.plusDays(i))) {
                if (w.contains(moment)) {
                    return moment;
                }
                if (w.start().isAfter(moment)) {
                    return w.start();
                }
            }
        }
        throw neverOpens(moment);
    }

    /** The deadline of {@code target} for something that starts at {@code start}. */
    public Instant plus(Instant start, SlaTarget target) {
        Objects.requireNonNull(start, "start");
        return switch (target.unit()) {
            case MINUTES -> nextOpening(start).plus(toDuration(target.amount(), 60));
            case HOURS -> nextOpening(start).plus(toDuration(target.amount(), 3600));
            case BUSINESS_HOURS -> plusWorkingTime(start, toDuration(target.amount(), 3600));
            case BUSINESS_DAYS -> plusBusinessDays(start, target.amount());
        };
    }

    /** Working time between two moments (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (hours.aroundTheClock()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (Window w : windowsOn(day)) {
                Instant a = w.start().isAfter(from) ? w.start() : from;
                Instant b = w.end().isBefore(to) ? w.end() : to;
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    /** Adds working time, skipping everything that is not working time. */
    public Instant plusWorkingTime(Instant start, Duration amount) {
        if (hours.aroundTheClock()) {
            return start.plus(amount);
        }
        Duration remaining = amount;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            for (Window w : windowsOn(day.plusDays(i))) {
                if (!w.end().isAfter(start)) {
                    continue;
                }
                Instant from = w.start().isAfter(start) ? w.start() : start;
                Duration available = Duration.between(from, w.end());
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw neverOpens(start);
    }

    private Instant plusBusinessDays(Instant start, BigDecimal days) {
        int whole = days.setScale(0, RoundingMode.DOWN).intValueExact();
        BigDecimal fraction = days.subtract(BigDecimal.valueOf(whole));
        if (hours.aroundTheClock()) {
            return start.plus(toDuration(days, 24 * 3600));
        }
        Instant opening = nextOpening(start);
        Instant deadline = opening;
        if (whole > 0) {
            ZonedDateTime local = opening.atZone(zone);
            LocalDate firstDay = local.toLocalDate();
            List<Interval> firstDayIntervals = intervalsOn(firstDay);
            boolean wholeDayAhead = local.toLocalTime().equals(firstDayIntervals.getFirst().start());
            if (wholeDayAhead) {
                deadline = endOf(workingDayAfter(firstDay, whole - 1));
            } else {
                LocalDate target = workingDayAfter(firstDay, whole);
                deadline = lastWorkingMomentAtOrBefore(target, local.toLocalTime())
                        .orElseGet(() -> endOf(workingDayAfter(firstDay, whole - 1)));
            }
        }
        if (fraction.signum() > 0) {
            Duration day = longestWorkingDay();
            long seconds = fraction.multiply(BigDecimal.valueOf(day.toSeconds())).setScale(0, RoundingMode.HALF_UP).longValueExact();
            deadline = plusWorkingTime(deadline, Duration.ofSeconds(seconds));
        }
        return deadline;
    }

    /** The {@code n}-th working day after {@code day} (n = 0: {@code day} itself). */
    private LocalDate workingDayAfter(LocalDate day, int n) {
        LocalDate current = day;
        int found = 0;
        for (int i = 0; found < n; i++) {
            if (i > HORIZON_DAYS) {
                throw neverOpens(day.atStartOfDay(zone).toInstant());
            }
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                found++;
            }
        }
        return current;
    }

    private Instant endOf(LocalDate day) {
        List<Window> windows = windowsOn(day);
        return windows.getLast().end();
    }

    private java.util.Optional<Instant> lastWorkingMomentAtOrBefore(LocalDate day, LocalTime time) {
        Instant moment = ZonedDateTime.of(day, time, zone).toInstant();
        Instant best = null;
        for (Window w : windowsOn(day)) {
            if (w.contains(moment)) {
                return java.util.Optional.of(moment);
            }
            if (!w.end().isAfter(moment)) {
                best = w.end();
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private Duration longestWorkingDay() {
        Duration longest = Duration.ZERO;
        for (List<Interval> day : hours.week().values()) {
            Duration length = day.stream().map(i -> Duration.between(i.start(), i.end())).reduce(Duration.ZERO, Duration::plus);
            if (length.compareTo(longest) > 0) {
                longest = length;
            }
        }
        return longest;
    }

    private DayOfWeek firstWorkingWeekday() {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!hours.on(day).isEmpty()) {
                return day;
            }
        }
        throw new IllegalStateException("working hours have no working day");
    }

    private List<Window> windowsOn(LocalDate day) {
        List<Window> windows = new ArrayList<>();
        for (Interval i : intervalsOn(day)) {
            windows.add(new Window(ZonedDateTime.of(day, i.start(), zone).toInstant(),
                    ZonedDateTime.of(day, i.end(), zone).toInstant()));
        }
        return windows;
    }

    private static List<Interval> shorten(List<Interval> intervals, Duration cut) {
        List<Interval> result = new ArrayList<>(intervals);
        Duration left = cut;
        while (!result.isEmpty() && left.isPositive()) {
            Interval last = result.removeLast();
            Duration length = Duration.between(last.start(), last.end());
            if (length.compareTo(left) > 0) {
                result.add(new Interval(last.start(), last.end().minus(left)));
                left = Duration.ZERO;
            } else {
                left = left.minus(length);
            }
        }
        return List.copyOf(result);
    }

    private static Duration toDuration(BigDecimal amount, long secondsPerUnit) {
        return Duration.ofSeconds(amount.multiply(BigDecimal.valueOf(secondsPerUnit)).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private IllegalStateException neverOpens(Instant from) {
        return new IllegalStateException("no working time within " + HORIZON_DAYS + " days after " + from + " in " + zone);
    }

    /** One working interval as instants. */
    private record Window(Instant start, Instant end) {
        boolean contains(Instant moment) {
            return !moment.isBefore(start) && moment.isBefore(end);
        }
    }
}
