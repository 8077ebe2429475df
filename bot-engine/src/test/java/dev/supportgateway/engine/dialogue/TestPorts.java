package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Outbound;
import dev.supportgateway.engine.delivery.ConsoleEvent;
import dev.supportgateway.engine.delivery.Deliveries;
import dev.supportgateway.engine.delivery.Typing;
import dev.supportgateway.engine.delivery.OperatorConsole;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.engine.desk.IdentityField;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.desk.WorkingHours;
import dev.supportgateway.engine.escalation.BusinessHours;
import dev.supportgateway.engine.escalation.IdentityCheck;
import dev.supportgateway.engine.escalation.Subscriptions;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.engine.escalation.TicketRequest;
import dev.supportgateway.engine.escalation.Tickets;
import dev.supportgateway.engine.helpcenter.Article;
import dev.supportgateway.engine.helpcenter.HelpCenter;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** In-memory implementations of the dialogue's ports for tests. */
final class TestPorts {

    private TestPorts() {
    }

    /** Desks from a list. */
    record KnownDesks(List<Desk> desks) implements Desks {
        @Override
        public Optional<Desk> find(DeskId id) {
            return desks.stream().filter(d -> d.id().equals(id)).findFirst();
        }
    }

    /** A help center that knows answers to exact questions (case and punctuation aside) and records what it was asked. */
    static final class InMemoryHelpCenter implements HelpCenter {
        final Map<String, HelpCenterAnswer> answers = new ConcurrentHashMap<>();
        final Map<String, Article> articles = new ConcurrentHashMap<>();
        final List<String> asked = new CopyOnWriteArrayList<>();

        void article(Article article) {
            articles.put(article.id(), article);
        }

        void answer(String question, String articleId, double confidence) {
            answers.put(key(question), new HelpCenterAnswer(question, HelpCenterAnswer.Decision.ANSWER, articleId, confidence,
                    List.of(new HelpCenterAnswer.Candidate(articleId, articles.get(articleId).title(), 10)), "matched «" + question + "»"));
        }

        void suggest(String question, double confidence, String... articleIds) {
            List<HelpCenterAnswer.Candidate> candidates = new ArrayList<>();
            for (int i = 0; i < articleIds.length; i++) {
                candidates.add(new HelpCenterAnswer.Candidate(articleIds[i], articles.get(articleIds[i]).title(), 5 - i));
            }
            answers.put(key(question), new HelpCenterAnswer(question, HelpCenterAnswer.Decision.SUGGEST, null, confidence, candidates, "close scores"));
        }

        @Override
        public HelpCenterAnswer ask(DeskId desk, String question) {
            asked.add(question);
            return answers.getOrDefault(key(question), HelpCenterAnswer.none(question, "nothing matched"));
        }

        @Override
        public Optional<Article> article(DeskId desk, String articleId) {
            return Optional.ofNullable(articles.get(articleId)).filter(a -> a.desk().equals(desk));
        }

        private static String key(String question) {
            return CustomerWords.normalize(question);
        }
    }

    /** Numbers tickets per desk like routing does ({@code EDOC-2026-000001}); the first reply is due two hours later. */
    static final class InMemoryTickets implements Tickets {
        final List<TicketRequest> requests = new CopyOnWriteArrayList<>();
        private final Map<DeskId, AtomicInteger> counters = new ConcurrentHashMap<>();

        @Override
        public Ticket open(TicketRequest request) {
            requests.add(request);
            int n = counters.computeIfAbsent(request.desk(), d -> new AtomicInteger()).incrementAndGet();
            String number = "%s-%d-%06d".formatted(request.desk().value().toUpperCase(Locale.ROOT),
                    request.requestedAt().atZone(ZoneOffset.UTC).getYear(), n);
            return new Ticket(number, request.requestedAt().plus(Duration.ofHours(2)));
        }
    }

    /** Length rules of Russian and Kazakh tax numbers, with the messages routing gives. */
    static final class DigitRules implements IdentityCheck {
        @Override
        public List<String> problems(DeskId desk, IdentityField field, String value) {
            String digits = value.replaceAll("\\s", "");
            return switch (field.kind()) {
                case INN -> digits.matches("\\d{10}|\\d{12}") ? List.of() : List.of("ИНН должен состоять из 10 или 12 цифр.");
                case IIN, BIN -> digits.matches("\\d{12}") ? List.of() : List.of(field.label() + " должен состоять из 12 цифр.");
                case EMAIL -> value.contains("@") ? List.of() : List.of("Это не похоже на адрес электронной почты.");
                default -> List.of();
            };
        }
    }

    /**
     * Business hours switched by the test; time limits are counted in the desk's weekly hours and time
     * zone (no production calendar), a business day being the desk's longest working day.
     */
    static final class SwitchedBusinessHours implements BusinessHours {
        volatile boolean open = true;
        volatile Instant nextOpening = Instant.parse("2026-03-16T04:00:00Z");

        @Override
        public boolean isOpen(Desk desk, Instant at) {
            return open;
        }

        @Override
        public Optional<Instant> nextOpening(Desk desk, Instant at) {
            return open ? Optional.of(at) : Optional.of(nextOpening);
        }

        @Override
        public Instant plus(Desk desk, Instant start, SlaTarget limit) {
            java.math.BigDecimal seconds = switch (limit.unit()) {
                case MINUTES -> limit.amount().multiply(java.math.BigDecimal.valueOf(60));
                case HOURS, BUSINESS_HOURS -> limit.amount().multiply(java.math.BigDecimal.valueOf(3600));
                case BUSINESS_DAYS -> limit.amount().multiply(java.math.BigDecimal.valueOf(longestDay(desk).toSeconds()));
            };
            Duration amount = Duration.ofSeconds(seconds.longValue());
            return switch (limit.unit()) {
                case MINUTES, HOURS -> start.plus(amount);
                case BUSINESS_HOURS, BUSINESS_DAYS -> plusWorkingTime(desk, start, amount);
            };
        }

        private static Instant plusWorkingTime(Desk desk, Instant start, Duration amount) {
            if (desk.hours().aroundTheClock()) {
                return start.plus(amount);
            }
            Duration left = amount;
            java.time.LocalDate day = start.atZone(desk.timeZone()).toLocalDate();
            for (int i = 0; i < 400; i++, day = day.plusDays(1)) {
                for (WorkingHours.Interval interval : desk.hours().on(day.getDayOfWeek())) {
                    Instant from = day.atTime(interval.start()).atZone(desk.timeZone()).toInstant();
                    Instant to = day.atTime(interval.end()).atZone(desk.timeZone()).toInstant();
                    Instant a = from.isAfter(start) ? from : start;
                    if (!to.isAfter(a)) {
                        continue;
                    }
                    Duration available = Duration.between(a, to);
                    if (left.compareTo(available) <= 0) {
                        return a.plus(left);
                    }
                    left = left.minus(available);
                }
            }
            throw new IllegalStateException("desk " + desk.id() + " never works");
        }

        private static Duration longestDay(Desk desk) {
            return desk.hours().week().values().stream()
                    .map(intervals -> intervals.stream().map(i -> Duration.between(i.start(), i.end())).reduce(Duration.ZERO, Duration::plus))
                    .max(Duration::compareTo).orElse(Duration.ofHours(24));
        }

        @Override
        public String describe(Desk desk) {
            return "Операторы работают пн–пт 9:00–18:00 (время Астаны).";
        }
    }

    /** Tiers by customer address. */
    static final class TierBook implements Subscriptions {
        final Map<CustomerAddress, String> tiers = new ConcurrentHashMap<>();

        @Override
        public Optional<String> tierOf(DeskId desk, CustomerAddress customer) {
            return Optional.ofNullable(tiers.get(customer));
        }
    }

    /** Records what would have been delivered. */
    static final class RecordingDeliveries implements Deliveries {
        final List<Outbound> delivered = new CopyOnWriteArrayList<>();
        final List<Typing> typings = new CopyOnWriteArrayList<>();

        @Override
        public void deliver(Outbound outbound) {
            delivered.add(outbound);
        }

        @Override
        public void typing(Typing typing) {
            typings.add(typing);
        }
    }

    /** Records console events. */
    static final class RecordingConsole implements OperatorConsole {
        final List<ConsoleEvent> events = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(ConsoleEvent event) {
            events.add(event);
        }

        <T extends ConsoleEvent> List<T> of(Class<T> kind) {
            synchronized (events) {
                return events.stream().filter(kind::isInstance).map(kind::cast).toList();
            }
        }
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static Map<String, String> map() {
        return new HashMap<>();
    }
}
