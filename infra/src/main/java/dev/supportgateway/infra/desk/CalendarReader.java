package dev.supportgateway.infra.desk;

import dev.supportgateway.routing.calendar.ProductionCalendar;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps one parsed {@code desks/calendars/<id>.yml} onto a {@link ProductionCalendar}, strictly. */
final class CalendarReader {

    private static final Set<String> CALENDAR_KEYS = Set.of("id", "name", "years", "days-off", "working-days", "shortened-days");
    private static final Set<String> WORKING_DAY_KEYS = Set.of("date", "as");
    private static final Set<String> SHORTENED_KEYS = Set.of("date", "by");
    private static final Pattern HOURS = Pattern.compile("(\\d+)\\s+hours?|(\\d+)\\s+minutes?");

    private final Problems problems;
    private final String expectedId;

    CalendarReader(Problems problems, String expectedId) {
        this.problems = problems;
        this.expectedId = expectedId;
    }

    ProductionCalendar read(Object document) {
        int before = problems.count();
        YamlSection root = YamlSection.of(problems, "", document, CALENDAR_KEYS);
        String id = root.requiredString("id");
        if (id != null && !id.equals(expectedId)) {
            problems.add("id", "calendar id '" + id + "' must equal its file name '" + expectedId + ".yml'");
        }
        Set<Integer> years = new TreeSet<>();
        Object rawYears = root.raw("years");
        if (rawYears instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Integer year && year >= 1990 && year <= 2100) {
                    years.add(year);
                } else {
                    problems.add("years[" + i + "]", "expected a year like 2026, got " + YamlSection.describe(list.get(i)));
                }
            }
        } else {
            problems.add("years", "is required: the list of years this calendar knows, e.g. [2025, 2026]");
        }

        Set<LocalDate> daysOff = new HashSet<>();
        List<String> offEntries = root.strings("days-off");
        for (int i = 0; i < offEntries.size(); i++) {
            daysOff.addAll(dates("days-off[" + i + "]", offEntries.get(i), years));
        }

        Map<LocalDate, DayOfWeek> workingDays = new HashMap<>();
        for (Entry e : entries(root, "working-days", WORKING_DAY_KEYS, "as")) {
            DayOfWeek as = DayOfWeek.MONDAY;
            if (e.option() != null) {
                try {
                    as = DayOfWeek.valueOf(e.option().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException ex) {
                    problems.add(e.path() + ".as", "expected a weekday like friday, got '" + e.option() + "'");
                }
            }
            LocalDate day = date(e.path(), e.date(), years);
            if (day != null) {
                workingDays.put(day, as);
            }
        }

        Map<LocalDate, Duration> shortened = new HashMap<>();
        for (Entry e : entries(root, "shortened-days", SHORTENED_KEYS, "by")) {
            Duration by = Duration.ofHours(1);
            if (e.option() != null) {
                Matcher m = HOURS.matcher(e.option());
                if (m.matches()) {
                    by = m.group(1) != null ? Duration.ofHours(Long.parseLong(m.group(1))) : Duration.ofMinutes(Long.parseLong(m.group(2)));
                } else {
                    problems.add(e.path() + ".by", "expected a duration like '1 hour' or '30 minutes', got '" + e.option() + "'");
                }
            }
            LocalDate day = date(e.path(), e.date(), years);
            if (day != null) {
                shortened.put(day, by);
            }
        }
        for (LocalDate day : workingDays.keySet()) {
            if (daysOff.contains(day)) {
                problems.add("working-days", day + " is also listed in days-off");
            }
        }
        for (LocalDate day : shortened.keySet()) {
            if (daysOff.contains(day)) {
                problems.add("shortened-days", day + " is also listed in days-off");
            }
        }
        if (problems.count() > before) {
            return null;
        }
        return new ProductionCalendar(id, root.string("name", id), years, daysOff, workingDays, shortened);
    }

    /** An entry of a list that is either a plain date or a mapping {date, <option>}. */
    private record Entry(String path, String date, String option) {
    }

    private List<Entry> entries(YamlSection root, String key, Set<String> keys, String optionKey) {
        Object raw = root.raw(key);
        List<Entry> entries = new ArrayList<>();
        if (raw == null) {
            return entries;
        }
        if (!(raw instanceof List<?> list)) {
            problems.add(key, "expected a list, got " + YamlSection.describe(raw));
            return entries;
        }
        for (int i = 0; i < list.size(); i++) {
            String at = key + "[" + i + "]";
            Object item = list.get(i);
            if (item instanceof String s) {
                entries.add(new Entry(at, s, null));
            } else {
                YamlSection s = YamlSection.of(problems, at, item, keys);
                String date = s.requiredString("date");
                if (date != null) {
                    entries.add(new Entry(at, date, s.string(optionKey, null)));
                }
            }
        }
        return entries;
    }

    /** A date or an inclusive range {@code 2026-01-01..2026-01-11}. */
    private List<LocalDate> dates(String at, String text, Set<Integer> years) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            LocalDate day = date(at, text, years);
            return day == null ? List.of() : List.of(day);
        }
        LocalDate from = date(at, text.substring(0, dots), years);
        LocalDate to = date(at, text.substring(dots + 2), years);
        if (from == null || to == null) {
            return List.of();
        }
        if (to.isBefore(from) || from.plusDays(31).isBefore(to)) {
            problems.add(at, "expected a range of at most a month, first day first, got '" + text + "'");
            return List.of();
        }
        return from.datesUntil(to.plusDays(1)).toList();
    }

    private LocalDate date(String at, String text, Set<Integer> years) {
        try {
            LocalDate day = LocalDate.parse(text.strip());
            if (!years.isEmpty() && !years.contains(day.getYear())) {
                problems.add(at, day + " is outside the calendar's years " + years);
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(at, "expected a date like 2026-01-08 (or a range 2026-01-01..2026-01-11), got '" + text + "'");
            return null;
        }
    }
}
