package dev.supportgateway.infra.console;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.AuthorKind;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Feedback;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.desk.Category;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.engine.desk.IdentityField;
import dev.supportgateway.engine.desk.Priority;
import dev.supportgateway.engine.desk.ServiceTier;
import dev.supportgateway.engine.helpcenter.Article;
import dev.supportgateway.engine.privacy.PersonalData;
import dev.supportgateway.routing.sla.SlaDeadlines;
import dev.supportgateway.routing.ticket.RegisteredTicket;
import dev.supportgateway.routing.ticket.TicketNumber;
import dev.supportgateway.routing.ticket.TicketState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console's JSON carries: list rows, and transcripts with the request card (what the bot collected and
 * the SLA deadlines) and the bot's decisions; customers' addresses are masked.
 */
final class ConsoleViews {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleViews.class);

    /** The bot's steps between handing a customer over and registering the ticket: asking for what the ticket needs. */
    private static final Set<DecisionRule> FILLING_IN = EnumSet.of(DecisionRule.ASKED_IDENTIFICATION,
            DecisionRule.IDENTIFICATION_REJECTED, DecisionRule.ASKED_CATEGORY, DecisionRule.ASKED_DESCRIPTION,
            DecisionRule.TICKET_IN_PREPARATION);

    /** How much of an article's first paragraph the console shows beside its title when an operator picks one. */
    private static final int ARTICLE_SUMMARY_CHARS = 160;

    /** How much of the customer's first message names an earlier conversation's topic. */
    private static final int TOPIC_CHARS = 120;

    /** How many of the bot's latest decisions a transcript shows. */
    static final int DECISIONS_SHOWN = 20;

    /**
     * @param overdue still waiting for an operator after the first reply was due
     * @param deskZone the desk's time zone: deadlines are shown in the desk's time, as its regulation states them
     */
    record Row(String id, String desk, String deskName, String customer, String state, String stateLabel,
               String operatorId, String operatorName, String ticketNumber, Instant waitingSince, Instant lastMessageAt,
               boolean flagged, Instant awaitingCustomerSince, Instant firstReplyDue, boolean overdue, String deskZone) {
    }

    record Line(String id, String author, String authorName, String text, List<Action> actions, String link, Instant at,
                List<File> files) {
    }

    /** A file of the conversation (the customer's or an operator's), opened through the console API at {@code url}. */
    record File(String name, String mediaType, long size, String url) {
    }

    /** One identification value the customer gave, under the label the desk asked for it with. */
    record Field(String label, String value) {
    }

    /**
     * The registered request behind a conversation, as an operator needs it before answering.
     *
     * @param firstRepliedAt when an operator first wrote to the customer after registration, or null
     * @param handover the bot's decision that handed the customer over to operators, or null when none is recorded
     */
    record Request(String number, String state, String stateLabel, String tier, String priority, String category,
                   List<Field> identification, String description, boolean callback, Instant createdAt,
                   Instant firstReplyDue, Instant firstRepliedAt, boolean firstReplyOverdue, Instant resolutionDue,
                   boolean resolutionOverdue, Decision handover) {
    }

    /** Why the bot did what it did, in the operator's words. */
    record Decision(String rule, String label, String reason, Double confidence, String article, Instant at) {
    }

    /**
     * Another conversation of the same customer with the desk, as the console lists it beside the open chat: when, how
     * it ended, and what it was about.
     *
     * @param topic  what the customer first wrote in it, cut short; empty when they wrote nothing
     * @param rating the customer's rating of the service there («хорошо» / «плохо»), or null
     */
    record Earlier(String id, String state, String stateLabel, String ticketNumber, Instant openedAt, Instant changedAt,
                   String topic, String rating) {
    }

    /** A help-center article an operator may answer with: what they need to pick it, and the link the customer gets. */
    record ArticleOffer(String id, String title, String section, String summary, String link) {
    }

    /**
     * @param request the registered request, or null when the conversation has none (or it cannot be read now)
     * @param rating  the customer's latest rating of the service («хорошо» / «плохо»), or null when not rated
     */
    record Transcript(Row conversation, List<Line> messages, Request request, List<Decision> decisions, String rating) {
    }

    private final Desks desks;
    private final Function<TicketNumber, Optional<RegisteredTicket>> tickets;
    private final Clock clock;

    ConsoleViews(Desks desks, Function<TicketNumber, Optional<RegisteredTicket>> tickets, Clock clock) {
        this.desks = desks;
        this.tickets = tickets;
        this.clock = clock;
    }

    ArticleOffer offer(Article article) {
        String link = desks.find(article.desk()).map(d -> d.helpCenter().linkTo(article.id(), article.url())).orElse(article.url());
        return new ArticleOffer(article.id(), article.title(), article.section(), article.summary(ARTICLE_SUMMARY_CHARS), link);
    }

    Row row(ConversationSummary s) {
        Optional<Desk> desk = desks.find(s.desk());
        String deskName = desk.map(Desk::name).orElse(s.desk().value());
        String who = (s.customerName() == null || s.customerName().isBlank() ? "Посетитель" : PersonalData.mask(s.customerName()))
                + " · " + s.customer().channel().key() + " " + shortMask(s.customer().address());
        return new Row(s.id().value(), s.desk().value(), deskName, who, key(s.state()),
                label(s.state()), s.operator() == null ? null : s.operator().id(),
                s.operator() == null ? null : s.operator().displayName(), s.ticketNumber(), s.waitingSince(),
                s.lastMessageAt(), s.flagged(), s.awaitingCustomerSince(), s.firstReplyDue(), s.overdueAt(clock.instant()),
                desk.map(d -> d.timeZone().getId()).orElse("UTC"));
    }

    Transcript transcript(Conversation c) {
        List<BotDecision> all = c.decisions();
        List<Decision> decisions = all.subList(Math.max(0, all.size() - DECISIONS_SHOWN), all.size()).stream()
                .map(ConsoleViews::decision).toList();
        return new Transcript(row(c.summary()), c.transcript().stream().map(m -> line(c, m)).toList(), request(c), decisions,
                rating(c));
    }

    Earlier earlier(Conversation c) {
        String topic = c.transcript().stream().filter(m -> m.fromCustomer() && m.actionId() == null && !m.text().isBlank())
                .findFirst().map(m -> topic(m.text())).orElse("");
        return new Earlier(c.id().value(), key(c.state()), label(c.state()), c.ticket() == null ? null : c.ticket().number(),
                c.openedAt(), c.updatedAt(), topic, rating(c));
    }

    /** The customer's latest rating of the service in the conversation, or null. */
    private static String rating(Conversation c) {
        return c.feedback().stream().filter(Feedback::onService).reduce((a, b) -> b)
                .map(f -> f.helped() ? "хорошо" : "плохо").orElse(null);
    }

    private static String topic(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= TOPIC_CHARS ? line : line.substring(0, TOPIC_CHARS).strip() + "…";
    }

    /**
     * The conversation's ticket as registered. Reading it may fail (a number of another format, the register
     * unavailable): the transcript is still shown, without the card.
     */
    private Request request(Conversation c) {
        if (c.ticket() == null) {
            return null;
        }
        Optional<RegisteredTicket> found;
        try {
            found = tickets.apply(TicketNumber.parse(c.ticket().number()));
        } catch (RuntimeException e) {
            LOG.warn("ticket {} of conversation {} could not be read for the console: {}", c.ticket().number(), c.id(),
                    e.toString());
            return null;
        }
        if (found.isEmpty()) {
            LOG.warn("ticket {} of conversation {} is not in the desk's register", c.ticket().number(), c.id());
            return null;
        }
        RegisteredTicket t = found.get();
        Optional<Desk> desk = desks.find(c.desk());
        Instant now = clock.instant();
        SlaDeadlines deadlines = t.deadlines();
        Instant replied = c.transcript().stream()
                .filter(m -> m.author().kind() == AuthorKind.OPERATOR && !m.at().isBefore(t.createdAt()))
                .map(Message::at).findFirst().orElse(null);
        Instant firstDue = deadlines.firstReplyDue();
        Instant resolutionDue = deadlines.resolutionDue();
        return new Request(t.number().toString(), key(t.state()),
                label(t.state()),
                named(t.tier(), desk.map(Desk::tiers).orElse(List.of()), ServiceTier::id, ServiceTier::name),
                named(t.priority(), desk.map(Desk::priorities).orElse(List.of()), Priority::id, Priority::name),
                named(t.category(), desk.map(Desk::categories).orElse(List.of()), Category::id, Category::name),
                fields(t.identification(), desk.map(d -> d.identification().fields()).orElse(List.of())),
                t.description(), t.callback(), t.createdAt(), firstDue, replied,
                firstDue != null && (replied == null ? now.isAfter(firstDue) : replied.isAfter(firstDue)),
                resolutionDue, resolutionDue != null && t.state() != TicketState.CLOSED && now.isAfter(resolutionDue),
                handover(c.decisions()));
    }

    /**
     * Why the bot handed the customer over for the current ticket: the decision before the questions it asked to fill
     * the ticket in («Не помогло», a request for a person, no answer in the help center, a callback), so the operator
     * knows at a glance what the bot already tried.
     */
    private static Decision handover(List<BotDecision> decisions) {
        int registered = decisions.size() - 1;
        while (registered >= 0 && decisions.get(registered).rule() != DecisionRule.TICKET_REGISTERED) {
            registered--;
        }
        for (int i = registered - 1; i >= 0; i--) {
            if (!FILLING_IN.contains(decisions.get(i).rule())) {
                return decision(decisions.get(i));
            }
        }
        return null;
    }

    /** The desk's labels in the order the desk asks; a value under a field the desk no longer has keeps its id. */
    private static List<Field> fields(Map<String, String> values, List<IdentityField> asked) {
        List<Field> shown = new ArrayList<>();
        for (IdentityField field : asked) {
            String value = values.get(field.id());
            if (value != null) {
                shown.add(new Field(field.label(), value));
            }
        }
        values.forEach((id, value) -> {
            if (asked.stream().noneMatch(f -> f.id().equals(id))) {
                shown.add(new Field(id, value));
            }
        });
        return shown;
    }

    private static <T> String named(String id, List<T> options, Function<T, String> idOf, Function<T, String> nameOf) {
        if (id == null) {
            return null;
        }
        return options.stream().filter(o -> idOf.apply(o).equals(id)).map(nameOf).findFirst().orElse(id);
    }

    private static Decision decision(BotDecision d) {
        return new Decision(key(d.rule()), label(d.rule()), d.reason(),
                Double.isNaN(d.confidence()) ? null : d.confidence(), d.article(), d.at());
    }

    /** A button press has no text: the operator sees the button's label instead. */
    private static Line line(Conversation c, Message m) {
        String text = m.text();
        if (text.isBlank() && m.actionId() != null) {
            String label = c.transcript().stream().flatMap(x -> x.actions().stream())
                    .filter(a -> a.id().equals(m.actionId())).map(Action::label).reduce((a, b) -> b).orElse(m.actionId());
            text = "[нажата кнопка «" + label + "»]";
        }
        List<File> files = m.attachments().stream().map(a -> new File(a.name(), a.mediaType(), a.size(),
                "/api/v1/console/conversations/" + c.id().value() + "/attachments/" + a.storageRef())).toList();
        return new Line(m.id().value(), key(m.author().kind()), m.author().displayName(), text,
                m.actions(), m.link(), m.at(), files);
    }

    /** Masked and short: a widget token is long and says nothing to an operator beyond telling two customers apart. */
    private static String shortMask(String address) {
        String masked = PersonalData.mask(address);
        return masked.length() <= 16 ? masked : masked.substring(0, 2) + "…" + masked.substring(masked.length() - 2);
    }

    /** How the JSON names a state or rule: {@code WAITING_FOR_OPERATOR} as {@code waiting-for-operator}. */
    private static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String label(TicketState state) {
        return switch (state) {
            case QUEUED -> "в очереди";
            case IN_PROGRESS -> "в работе";
            case ON_HOLD -> "ждём ответа клиента";
            case CLOSED -> "закрыто";
        };
    }

    static String label(DecisionRule rule) {
        return switch (rule) {
            case GREETING -> "приветствие";
            case THANKS -> "благодарность";
            case GOODBYE -> "прощание";
            case PERSON_REQUESTED -> "клиент позвал оператора";
            case PROFANITY_IGNORED -> "грубость оставлена без ответа";
            case PROFANITY_WARNED -> "предупреждение о грубости";
            case SERVICE_STOPPED -> "обслуживание остановлено";
            case OUT_OF_SCOPE -> "вне компетенции службы";
            case CALLBACK_ACCEPTED -> "заказан обратный звонок";
            case CALLBACK_NOT_AVAILABLE -> "обратный звонок недоступен";
            case HELP_CENTER_ANSWER -> "ответ из справочного центра";
            case HELP_CENTER_SUGGESTION -> "предложены статьи";
            case HELP_CENTER_NO_ANSWER -> "в справочном центре нет ответа";
            case CANDIDATE_CHOSEN -> "клиент выбрал статью";
            case FEEDBACK_HELPED -> "«Помогло»";
            case FEEDBACK_NOT_HELPED -> "«Не помогло»";
            case ASKED_IDENTIFICATION -> "запрошены данные клиента";
            case IDENTIFICATION_REJECTED -> "данные не прошли проверку";
            case ASKED_CATEGORY -> "запрошена категория";
            case ASKED_DESCRIPTION -> "запрошено описание";
            case TICKET_REGISTERED -> "обращение зарегистрировано";
            case TICKET_IN_PREPARATION -> "обращение готовится";
            case ESCALATION_CANCELLED -> "передача оператору отменена";
            case CLOSED_FOR_SILENCE -> "закрыт: клиент молчал";
            case REOPENED -> "обращение открыто снова";
            case REOPEN_UNAVAILABLE -> "повторное открытие недоступно";
            case SERVICE_RATED -> "клиент оценил обслуживание";
            case WAITING_ACKNOWLEDGED -> "клиенту сказано, что оператор скоро ответит";
            case SILENT_WHILE_OPERATOR_HOLDS -> "бот молчит: чат у оператора";
            case SILENT_WHILE_SUSPENDED -> "бот молчит: обслуживание остановлено";
            case NOTHING_TO_ANSWER -> "отвечать не на что";
        };
    }

    static String label(ConversationState state) {
        return switch (state) {
            case BOT -> "бот";
            case ANSWERED -> "бот ответил";
            case ESCALATING -> "бот собирает данные";
            case WAITING_FOR_OPERATOR -> "ждёт оператора";
            case WITH_OPERATOR -> "у оператора";
            case CLOSING -> "закрытие";
            case CLOSED -> "закрыт";
            case SUSPENDED -> "обслуживание остановлено";
        };
    }
}
