package dev.supportgateway.infra.desk;

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
import dev.supportgateway.engine.desk.Priority;
import dev.supportgateway.engine.desk.ReadyReply;
import dev.supportgateway.engine.desk.Scope;
import dev.supportgateway.engine.desk.ServiceReports;
import dev.supportgateway.engine.desk.ServiceTier;
import dev.supportgateway.engine.desk.SilenceRule;
import dev.supportgateway.engine.desk.SlaExtension;
import dev.supportgateway.engine.desk.SlaRule;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.desk.WorkingHours;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Maps one parsed {@code desk.yml} onto a {@link Desk}, strictly: every problem of the file goes to {@link Problems}. */
final class DeskReader {

    private static final Set<String> DESK_KEYS = Set.of("id", "name", "locale", "time-zone", "hours", "calendar", "channels",
            "tiers", "priorities", "categories", "sla", "identification", "scope", "conduct", "silence", "closing",
            "help-center", "sla-extension", "service-reports", "ready-replies");
    private static final Set<String> CHANNEL_KEYS = Set.of("kind", "enabled", "recommended", "tiers", "address", "notice",
            "registered-within");
    private static final Set<String> TIER_KEYS = Set.of("id", "name", "default", "rank", "price", "includes");
    private static final Set<String> PRIORITY_KEYS = Set.of("id", "name", "default", "out-of-turn");
    private static final Set<String> CATEGORY_KEYS = Set.of("id", "name", "registered", "default-priority", "keywords");
    private static final Set<String> SLA_KEYS = Set.of("tier", "channel", "priority", "category", "first-reply", "resolution");
    private static final Set<String> IDENTIFICATION_KEYS = Set.of("mandatory", "refusal", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("id", "label", "kind", "required");
    private static final Set<String> SCOPE_KEYS = Set.of("out-of-scope");
    private static final Set<String> TOPIC_KEYS = Set.of("id", "name", "keywords", "reply");
    private static final Set<String> CONDUCT_KEYS = Set.of("profanity", "warnings", "forbidden-operator-words",
            "instructions-link-to-guide", "privacy-pledge");
    private static final Set<String> SILENCE_KEYS = Set.of("after", "reason");
    private static final Set<String> CLOSING_KEYS = Set.of("ask-before-closing", "question", "customer-may-reopen", "ask-rating");
    private static final Set<String> HELP_CENTER_KEYS = Set.of("articles", "base-url");
    private static final Set<String> EXTENSION_KEYS = Set.of("allowed", "announce-via", "notice");
    private static final Set<String> REPORTS_KEYS = Set.of("within", "documents");
    private static final Set<String> READY_REPLY_KEYS = Set.of("id", "title", "text");

    private static final Map<String, Set<DayOfWeek>> DAY_NAMES = dayNames();

    private final Problems problems;
    private final Path deskDir;
    private final Set<String> calendars;

    DeskReader(Problems problems, Path deskDir, Set<String> calendars) {
        this.problems = problems;
        this.deskDir = deskDir;
        this.calendars = calendars;
    }

    /** The desk, or null when the file has problems (they are in {@link Problems}). */
    Desk read(Object document) {
        int before = problems.count();
        YamlSection root = YamlSection.of(problems, "", document, DESK_KEYS);

        DeskId id = readId(root);
        String name = root.requiredString("name");
        String locale = root.string("locale", "ru");
        ZoneId zone = readZone(root);
        WorkingHours hours = readHours(root);
        String calendar = root.string("calendar", null);
        if (calendar != null && !calendars.contains(calendar)) {
            problems.add("calendar", "unknown production calendar '" + calendar + "', expected one of "
                    + calendars.stream().sorted().toList() + " (files in desks/calendars/)");
        }

        List<ServiceTier> tiers = readTiers(root);
        Set<String> tierIds = ids(tiers, ServiceTier::id);
        List<Priority> priorities = readPriorities(root);
        Set<String> priorityIds = ids(priorities, Priority::id);
        List<Category> categories = readCategories(root, priorityIds);
        Set<String> categoryIds = ids(categories, Category::id);
        List<ChannelPolicy> channels = readChannels(root, tierIds);
        Set<ChannelKind> channelKinds = new HashSet<>();
        channels.forEach(c -> channelKinds.add(c.kind()));
        List<SlaRule> sla = readSla(root, tierIds, channelKinds, priorityIds, categoryIds);

        Identification identification = readIdentification(root);
        Scope scope = readScope(root);
        Conduct conduct = readConduct(root);
        SilenceRule silence = readSilence(root);
        ClosingRule closing = readClosing(root);
        HelpCenterSettings helpCenter = readHelpCenter(root);
        SlaExtension extension = readExtension(root);
        ServiceReports reports = readReports(root);
        List<ReadyReply> readyReplies = readReadyReplies(root);

        if (problems.count() > before) {
            return null;
        }
        try {
            return new Desk(id, name, locale, zone, hours, calendar, channels, tiers, priorities, categories, sla,
                    identification, scope, conduct, silence, closing, helpCenter, extension, reports, readyReplies);
        } catch (RuntimeException e) {
            problems.add("", e.getMessage());
            return null;
        }
    }

    private DeskId readId(YamlSection root) {
        String id = root.requiredString("id");
        if (id == null) {
            return null;
        }
        DeskId deskId = root.convert("id", id, DeskId::of);
        String folder = deskDir.getFileName().toString();
        if (deskId != null && !id.equals(folder)) {
            problems.add("id", "desk id '" + id + "' must equal its folder name '" + folder + "'");
        }
        return deskId;
    }

    private ZoneId readZone(YamlSection root) {
        String zone = root.requiredString("time-zone");
        if (zone == null) {
            return null;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            problems.add("time-zone", "unknown time zone '" + zone + "', expected a region id like Europe/Moscow or Asia/Almaty");
            return null;
        }
    }

    private WorkingHours readHours(YamlSection root) {
        Object raw = root.raw("hours");
        if (raw == null) {
            problems.add("hours", "is required, e.g. hours: {mon-fri: 09:00-18:00}");
            return null;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            problems.add("hours", "expected a mapping of days to intervals, e.g. {mon-fri: 09:00-18:00}, got " + YamlSection.describe(raw));
            return null;
        }
        if (Boolean.TRUE.equals(map.get("around-the-clock"))) {
            if (map.size() > 1) {
                problems.add("hours", "around-the-clock: true leaves no room for day intervals");
            }
            return WorkingHours.ALWAYS;
        }
        EnumMap<DayOfWeek, List<WorkingHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
        boolean ok = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            String at = "hours." + key;
            if (key.equals("around-the-clock")) {
                if (!(e.getValue() instanceof Boolean)) {
                    problems.add(at, "expected true or false, got " + YamlSection.describe(e.getValue()));
                    ok = false;
                }
                continue;
            }
            Set<DayOfWeek> days = days(key);
            if (days == null) {
                problems.add(at, "unknown day '" + key + "', expected a day (monday or mon), a range (mon-fri) or every-day");
                ok = false;
                continue;
            }
            List<WorkingHours.Interval> intervals = intervals(at, e.getValue());
            if (intervals == null) {
                ok = false;
                continue;
            }
            for (DayOfWeek day : days) {
                if (week.put(day, intervals) != null) {
                    problems.add(at, day.name().toLowerCase(Locale.ROOT) + " is given twice");
                    ok = false;
                }
            }
        }
        if (!ok) {
            return null;
        }
        if (week.values().stream().allMatch(List::isEmpty)) {
            problems.add("hours", "no working day: give at least one day with intervals or around-the-clock: true");
            return null;
        }
        try {
            return new WorkingHours(week, false);
        } catch (IllegalArgumentException ex) {
            problems.add("hours", ex.getMessage());
            return null;
        }
    }

    private List<WorkingHours.Interval> intervals(String at, Object value) {
        if (value == null || "off".equals(value)) {
            return List.of();
        }
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<WorkingHours.Interval> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemAt = value instanceof List<?> ? at + "[" + i + "]" : at;
            Object item = items.get(i);
            if (!(item instanceof String text)) {
                problems.add(itemAt, "expected an interval like '09:00-18:00' (quote it), got " + YamlSection.describe(item));
                return null;
            }
            try {
                result.add(WorkingHours.Interval.parse(text));
            } catch (RuntimeException e) {
                problems.add(itemAt, "expected an interval like '09:00-18:00' that ends after it starts, got '" + text + "'");
                return null;
            }
        }
        return result;
    }

    private List<ServiceTier> readTiers(YamlSection root) {
        List<ServiceTier> tiers = new ArrayList<>();
        List<YamlSection> sections = root.sections("tiers", TIER_KEYS);
        int defaults = 0;
        for (int i = 0; i < sections.size(); i++) {
            YamlSection s = sections.get(i);
            String id = s.requiredString("id");
            boolean isDefault = s.bool("default", false);
            defaults += isDefault ? 1 : 0;
            if (id != null) {
                tiers.add(new ServiceTier(id, s.string("name", id), isDefault, s.integer("rank", i + 1, 0),
                        s.string("price", null), s.strings("includes")));
            }
        }
        if (defaults > 1) {
            problems.add("tiers", "only one tier may be the default, " + defaults + " are");
        }
        duplicates("tiers", tiers, ServiceTier::id);
        return tiers;
    }

    private List<Priority> readPriorities(YamlSection root) {
        List<Priority> priorities = new ArrayList<>();
        int defaults = 0;
        for (YamlSection s : root.sections("priorities", PRIORITY_KEYS)) {
            String id = s.requiredString("id");
            boolean isDefault = s.bool("default", false);
            defaults += isDefault ? 1 : 0;
            if (id != null) {
                priorities.add(new Priority(id, s.string("name", id), isDefault, s.bool("out-of-turn", false)));
            }
        }
        if (defaults > 1) {
            problems.add("priorities", "only one priority may be the default, " + defaults + " are");
        }
        duplicates("priorities", priorities, Priority::id);
        return priorities;
    }

    private List<Category> readCategories(YamlSection root, Set<String> priorityIds) {
        List<Category> categories = new ArrayList<>();
        for (YamlSection s : root.sections("categories", CATEGORY_KEYS)) {
            String id = s.requiredString("id");
            String defaultPriority = s.string("default-priority", null);
            if (defaultPriority != null && !priorityIds.contains(defaultPriority)) {
                problems.add(s.path("default-priority"), unknown("priority", defaultPriority, priorityIds));
            }
            if (id != null) {
                categories.add(new Category(id, s.string("name", id), s.bool("registered", false), defaultPriority, s.strings("keywords")));
            }
        }
        duplicates("categories", categories, Category::id);
        return categories;
    }

    private List<ReadyReply> readReadyReplies(YamlSection root) {
        List<ReadyReply> replies = new ArrayList<>();
        for (YamlSection s : root.sections("ready-replies", READY_REPLY_KEYS)) {
            String id = s.requiredString("id");
            String title = s.requiredString("title");
            String text = s.requiredString("text");
            if (id != null && title != null && text != null) {
                try {
                    replies.add(new ReadyReply(id, title, text.strip()));
                } catch (IllegalArgumentException e) {
                    problems.add(s.path("text"), e.getMessage());
                }
            }
        }
        duplicates("ready-replies", replies, ReadyReply::id);
        return replies;
    }

    private List<ChannelPolicy> readChannels(YamlSection root, Set<String> tierIds) {
        List<ChannelPolicy> channels = new ArrayList<>();
        if (!root.has("channels")) {
            problems.add("channels", "is required: a desk needs at least one channel");
        }
        for (YamlSection s : root.sections("channels", CHANNEL_KEYS)) {
            String kind = s.requiredString("kind");
            ChannelKind channelKind = kind == null ? null : s.convert(s.path("kind"), kind, ChannelKind::fromKey);
            List<String> tiers = s.strings("tiers");
            for (int i = 0; i < tiers.size(); i++) {
                if (!tierIds.contains(tiers.get(i))) {
                    problems.add(s.path("tiers") + "[" + i + "]", unknown("tier", tiers.get(i), tierIds));
                }
            }
            SlaTarget registeredWithin = s.parse("registered-within", SlaTarget::parse);
            if (channelKind != null) {
                channels.add(new ChannelPolicy(channelKind, s.bool("enabled", true), s.bool("recommended", false), tiers,
                        s.string("address", null), s.string("notice", null), registeredWithin));
            }
        }
        duplicates("channels", channels, c -> c.kind().key());
        return channels;
    }

    private List<SlaRule> readSla(YamlSection root, Set<String> tierIds, Set<ChannelKind> channelKinds,
                                  Set<String> priorityIds, Set<String> categoryIds) {
        List<SlaRule> rules = new ArrayList<>();
        for (YamlSection s : root.sections("sla", SLA_KEYS)) {
            List<String> tiers = references(s, "tier", "tier", tierIds);
            List<String> channelKeys = references(s, "channel", "channel", null);
            List<ChannelKind> channels = new ArrayList<>();
            for (int i = 0; i < channelKeys.size(); i++) {
                String key = channelKeys.get(i);
                String at = s.raw("channel") instanceof List<?> ? s.path("channel") + "[" + i + "]" : s.path("channel");
                if (key == null) {
                    channels.add(null);
                    continue;
                }
                ChannelKind kind = s.convert(at, key, ChannelKind::fromKey);
                if (kind != null && !channelKinds.contains(kind)) {
                    problems.add(at, "channel '" + key + "' is not among the desk's channels "
                            + channelKinds.stream().map(ChannelKind::key).sorted().toList());
                }
                channels.add(kind);
            }
            List<String> priorities = references(s, "priority", "priority", priorityIds);
            List<String> categories = references(s, "category", "category", categoryIds);
            SlaTarget firstReply = s.parse("first-reply", SlaTarget::parse);
            SlaTarget resolution = s.parse("resolution", SlaTarget::parse);
            if (!s.has("first-reply") && !s.has("resolution")) {
                problems.add(s.path(), "an SLA rule needs first-reply, resolution or both");
            }
            // a list in tier/channel/priority/category is shorthand for one rule per value, in order
            for (String tier : tiers) {
                for (ChannelKind channel : channels) {
                    for (String priority : priorities) {
                        for (String category : categories) {
                            rules.add(new SlaRule(tier, channel, priority, category, firstReply, resolution));
                        }
                    }
                }
            }
        }
        return rules;
    }

    /** The values of a matching key: absent = [null] (matches anything), a text = [it], a list = its items. */
    private List<String> references(YamlSection s, String key, String what, Set<String> known) {
        if (!s.has(key)) {
            return java.util.Collections.singletonList(null);
        }
        List<String> values = s.strings(key);
        if (known != null) {
            for (int i = 0; i < values.size(); i++) {
                if (!known.contains(values.get(i))) {
                    String at = s.raw(key) instanceof List<?> ? s.path(key) + "[" + i + "]" : s.path(key);
                    problems.add(at, unknown(what, values.get(i), known));
                }
            }
        }
        return values.isEmpty() ? java.util.Collections.singletonList(null) : values;
    }

    private Identification readIdentification(YamlSection root) {
        return root.section("identification", IDENTIFICATION_KEYS).map(s -> {
            List<IdentityField> fields = new ArrayList<>();
            for (YamlSection f : s.sections("fields", FIELD_KEYS)) {
                String id = f.requiredString("id");
                String kind = f.requiredString("kind");
                IdentityField.Kind fieldKind = kind == null ? null : f.convert(f.path("kind"), kind, DeskReader::identityKind);
                if (id != null && fieldKind != null) {
                    fields.add(new IdentityField(id, f.string("label", id), fieldKind, f.bool("required", true)));
                }
            }
            duplicates(s.path("fields"), fields, IdentityField::id);
            return new Identification(s.bool("mandatory", !fields.isEmpty()), fields, s.string("refusal", null));
        }).orElse(Identification.NONE);
    }

    private Scope readScope(YamlSection root) {
        return root.section("scope", SCOPE_KEYS).map(s -> {
            List<Scope.OutOfScopeTopic> topics = new ArrayList<>();
            for (YamlSection t : s.sections("out-of-scope", TOPIC_KEYS)) {
                String id = t.requiredString("id");
                String reply = t.requiredString("reply");
                List<String> keywords = t.strings("keywords");
                if (keywords.isEmpty()) {
                    problems.add(t.path("keywords"), "is required: the words that reveal the topic");
                }
                if (id != null) {
                    topics.add(new Scope.OutOfScopeTopic(id, t.string("name", id), keywords, reply));
                }
            }
            duplicates(s.path("out-of-scope"), topics, Scope.OutOfScopeTopic::id);
            return new Scope(topics);
        }).orElse(Scope.EVERYTHING);
    }

    private Conduct readConduct(YamlSection root) {
        return root.section("conduct", CONDUCT_KEYS).map(s -> {
            Conduct.ProfanityAction action = s.parse("profanity", DeskReader::profanityAction);
            return new Conduct(action, s.integer("warnings", 0, 0), s.strings("forbidden-operator-words"),
                    s.bool("instructions-link-to-guide", false), s.string("privacy-pledge", null));
        }).orElse(Conduct.TOLERANT);
    }

    private SilenceRule readSilence(YamlSection root) {
        return root.section("silence", SILENCE_KEYS).map(s -> {
            SlaTarget after = s.has("after") ? s.parse("after", SlaTarget::parse) : missing(s, "after");
            String reason = s.requiredString("reason");
            return after == null || reason == null ? null : new SilenceRule(after, reason);
        }).orElse(null);
    }

    private ClosingRule readClosing(YamlSection root) {
        return root.section("closing", CLOSING_KEYS).map(s -> {
            boolean ask = s.bool("ask-before-closing", false);
            String question = s.string("question", null);
            if (ask && question == null) {
                problems.add(s.path("question"), "is required when ask-before-closing is true");
            }
            return new ClosingRule(ask, question, s.bool("customer-may-reopen", true), s.bool("ask-rating", false));
        }).orElse(ClosingRule.PLAIN);
    }

    private HelpCenterSettings readHelpCenter(YamlSection root) {
        YamlSection s = root.section("help-center", HELP_CENTER_KEYS).orElse(null);
        if (s == null) {
            problems.add("help-center", "is required, e.g. help-center: {articles: articles, base-url: https://...}");
            return null;
        }
        String articles = s.requiredString("articles");
        if (articles != null) {
            Path dir = deskDir.resolve(articles).normalize();
            if (!dir.startsWith(deskDir.normalize())) {
                problems.add(s.path("articles"), "must be a folder inside the desk's folder, got '" + articles + "'");
            } else if (!Files.isDirectory(dir)) {
                problems.add(s.path("articles"), "folder '" + articles + "' does not exist next to desk.yml");
            }
        }
        String baseUrl = s.string("base-url", null);
        if (baseUrl != null && !baseUrl.matches("https?://\\S+")) {
            problems.add(s.path("base-url"), "expected an http(s) address, got '" + baseUrl + "'");
        }
        return articles == null ? null : new HelpCenterSettings(articles, baseUrl);
    }

    private SlaExtension readExtension(YamlSection root) {
        return root.section("sla-extension", EXTENSION_KEYS).map(s -> {
            boolean allowed = s.bool("allowed", true);
            ChannelKind via = s.parse("announce-via", ChannelKind::fromKey);
            if (allowed && via == null && !s.has("announce-via")) {
                problems.add(s.path("announce-via"), "is required when an extension is allowed: how the customer is told");
                return null;
            }
            return via == null && allowed ? null : new SlaExtension(allowed, via, s.string("notice", null));
        }).orElse(SlaExtension.NOT_ALLOWED);
    }

    private ServiceReports readReports(YamlSection root) {
        return root.section("service-reports", REPORTS_KEYS).map(s -> {
            SlaTarget within = s.has("within") ? s.parse("within", SlaTarget::parse) : missing(s, "within");
            return within == null ? null : new ServiceReports(within, s.strings("documents"));
        }).orElse(null);
    }

    private <T> T missing(YamlSection s, String key) {
        problems.add(s.path(key), "is required");
        return null;
    }

    private <T> void duplicates(String at, List<T> items, Function<T, String> id) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String key = id.apply(items.get(i));
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                problems.add(at, "duplicate id '" + key + "'");
            }
        }
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        Set<String> ids = new java.util.TreeSet<>();
        items.forEach(item -> ids.add(id.apply(item)));
        return ids;
    }

    private static String unknown(String what, String value, Set<String> known) {
        return "unknown " + what + " '" + value + "', expected one of " + known;
    }

    private static IdentityField.Kind identityKind(String text) {
        try {
            return IdentityField.Kind.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown identity kind '" + text + "', expected one of "
                    + Arrays.stream(IdentityField.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
        }
    }

    private static Conduct.ProfanityAction profanityAction(String text) {
        try {
            return Conduct.ProfanityAction.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown profanity action '" + text + "', expected one of [ignore, warn, warn-then-stop]");
        }
    }

    private static Set<DayOfWeek> days(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.equals("every-day")) {
            return Set.of(DayOfWeek.values());
        }
        int dash = k.indexOf('-');
        if (dash < 0) {
            return DAY_NAMES.get(k);
        }
        Set<DayOfWeek> from = DAY_NAMES.get(k.substring(0, dash));
        Set<DayOfWeek> to = DAY_NAMES.get(k.substring(dash + 1));
        if (from == null || to == null) {
            return null;
        }
        int a = from.iterator().next().getValue();
        int b = to.iterator().next().getValue();
        if (b < a) {
            return null;
        }
        Set<DayOfWeek> range = java.util.EnumSet.noneOf(DayOfWeek.class);
        for (int d = a; d <= b; d++) {
            range.add(DayOfWeek.of(d));
        }
        return range;
    }

    private static Map<String, Set<DayOfWeek>> dayNames() {
        Map<String, Set<DayOfWeek>> names = new java.util.HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String full = day.name().toLowerCase(Locale.ROOT);
            names.put(full, Set.of(day));
            names.put(full.substring(0, 3), Set.of(day));
        }
        return Map.copyOf(names);
    }
}
