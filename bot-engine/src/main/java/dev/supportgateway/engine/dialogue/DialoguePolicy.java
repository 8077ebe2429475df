package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.AuthorKind;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Escalation;
import dev.supportgateway.engine.conversation.Feedback;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.delivery.ConsoleEvent;
import dev.supportgateway.engine.desk.Category;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.ChannelPolicy;
import dev.supportgateway.engine.desk.Conduct;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.IdentityField;
import dev.supportgateway.engine.desk.Scope;
import dev.supportgateway.engine.desk.ServiceTier;
import dev.supportgateway.engine.desk.SilenceRule;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.engine.escalation.TicketRequest;
import dev.supportgateway.engine.helpcenter.Article;
import dev.supportgateway.engine.helpcenter.HelpCenterAnswer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The bot's side of a conversation: given a customer's message and where the conversation stands,
 * decide what to say and where to move. Rules are tried in a fixed order (conduct first, then the
 * buttons, courtesy, a request for a person, a callback, the desk's scope, and only then the help
 * center), and every decision is recorded with its reason.
 */
final class DialoguePolicy {

    /** How long the short answer from an article may be in chat. */
    static final int SUMMARY_CHARS = 400;
    /** How many candidate articles a suggestion offers. */
    static final int MAX_CANDIDATES = 3;
    /** The identification field asked for a callback when the desk asks no phone otherwise. */
    static final String CALLBACK_PHONE = "callback-phone";
    /** After acknowledging a message in the queue, further messages within this time get no acknowledgement of their own. */
    static final java.time.Duration ACKNOWLEDGEMENT_QUIET = java.time.Duration.ofMinutes(10);
    /**
     * How long after closing a customer may reopen a request closed too early. konus's regulation names no
     * limit; a week of the desk's working days covers «I tried it the next days and it still fails»
     * without reviving requests the customer has long forgotten.
     */
    static final SlaTarget REOPEN_WITHIN = SlaTarget.parse("5 business days");

    /** How long after closing the customer may still rate the service: a week covers «I'll answer on Monday». */
    static final Duration RATE_WITHIN = Duration.ofDays(7);

    private static final Set<DecisionRule> HELP_CENTER_RULES = EnumSet.of(DecisionRule.HELP_CENTER_ANSWER,
            DecisionRule.HELP_CENTER_SUGGESTION, DecisionRule.HELP_CENTER_NO_ANSWER);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private static final int MAX_ARTICLE_REPLIES = 10_000;

    private final DialoguePorts ports;
    private final BotPhrases phrases;
    private final Map<ArticleLink, ArticleReply> articleReplies = new ConcurrentHashMap<>();
    // made once: every reply's author and buttons are then shared by all transcripts kept in memory, not a copy each
    private final Author bot;
    private final Author system;
    private final Action callOperator;
    private final List<Action> afterArticle;

    DialoguePolicy(DialoguePorts ports, BotPhrases phrases) {
        this.ports = ports;
        this.phrases = phrases;
        this.bot = Author.bot(phrases.text("author.bot"));
        this.system = Author.system(phrases.text("author.system"));
        this.callOperator = new Action(Action.CALL_OPERATOR, phrases.text("action.operator"));
        this.afterArticle = List.of(new Action(Action.HELPED, phrases.text("action.helped")),
                new Action(Action.NOT_HELPED, phrases.text("action.not-helped")), callOperator);
    }

    /** Decides on {@code message}, already added to the exchange, according to the conversation's state. */
    void onCustomerMessage(Exchange ex, Desk desk, Inbound inbound, Message message) {
        if (rates(inbound) && ex.conversation().state().isOpen()) {
            // a rating button of an earlier chat, pressed too late or after a new one began: not an answer to anything here
            ex.decide(DecisionRule.NOTHING_TO_ANSWER, phrases.text("reason.old-button", "action", inbound.action().orElseThrow()));
            ex.say(bot(), phrases.text("rating.unavailable"));
            return;
        }
        ConversationState state = ex.conversation().state();
        switch (state) {
            case WITH_OPERATOR -> ex.decide(DecisionRule.SILENT_WHILE_OPERATOR_HOLDS,
                    phrases.text("reason.silent-operator", "operator", ex.conversation().operator().displayName()));
            case SUSPENDED -> ex.decide(DecisionRule.SILENT_WHILE_SUSPENDED, phrases.text("reason.silent-suspended"));
            case CLOSING -> onClosingAnswer(ex, desk, inbound);
            case WAITING_FOR_OPERATOR -> {
                if (!violatesConduct(ex, desk, inbound)) {
                    acknowledgeWaiting(ex);
                }
            }
            case BOT, ANSWERED, ESCALATING -> {
                if (!violatesConduct(ex, desk, inbound)) {
                    if (state == ConversationState.ESCALATING) {
                        onEscalationAnswer(ex, desk, inbound);
                    } else {
                        onBotTurn(ex, desk, inbound);
                    }
                }
            }
            // the engine hands over a closed conversation only to be rated (rates(), mayRate()) or reopened
            // (asksToReopen(), mayReopen())
            case CLOSED -> {
                if (rates(inbound)) {
                    rate(ex, inbound);
                } else {
                    reopen(ex, desk, inbound);
                }
            }
        }
    }

    // ---- conduct

    /** Applies the desk's conduct rule; true when the message was an offence and nothing else should be done with it. */
    private boolean violatesConduct(Exchange ex, Desk desk, Inbound inbound) {
        Conduct conduct = desk.conduct();
        if (!Profanity.in(inbound.text())) {
            return false;
        }
        switch (conduct.onProfanity()) {
            case IGNORE -> {
                ex.decide(DecisionRule.PROFANITY_IGNORED, phrases.text("reason.profanity-ignored"));
                return false;
            }
            case WARN -> {
                warn(ex, phrases.text("reason.profanity-warned"));
                return true;
            }
            case WARN_THEN_STOP -> {
                int given = ex.conversation().warnings();
                if (given < conduct.warnings()) {
                    warn(ex, phrases.text("reason.profanity-warning", Map.of("given", String.valueOf(given + 1), "of", String.valueOf(conduct.warnings()))));
                } else {
                    ex.moveTo(ConversationState.SUSPENDED);
                    String reason = phrases.text("reason.service-stopped", "given", String.valueOf(given));
                    ex.decide(DecisionRule.SERVICE_STOPPED, reason);
                    ex.say(system(), phrases.text("profanity.stopped"));
                    ex.publish(summary -> new ConsoleEvent.Flagged(summary, reason));
                }
                return true;
            }
        }
        return false;
    }

    private void warn(Exchange ex, String reason) {
        ex.update(c -> c.withWarnings(c.warnings() + 1));
        ex.decide(DecisionRule.PROFANITY_WARNED, reason);
        ex.say(bot(), phrases.text("profanity.warning"));
    }

    // ---- the bot's turn (BOT, ANSWERED)

    private void onBotTurn(Exchange ex, Desk desk, Inbound inbound) {
        String text = inbound.text().strip();
        Optional<String> action = inbound.action();
        boolean answered = ex.conversation().state() == ConversationState.ANSWERED;

        if (action.isPresent()) {
            String id = action.get();
            Optional<String> article = Action.articleOf(id);
            if (article.isPresent()) {
                answerWithArticle(ex, desk, article.get(), DecisionRule.CANDIDATE_CHOSEN, phrases.text("reason.candidate-chosen"), Double.NaN, List.of());
                return;
            }
            if (id.equals(Action.CALL_OPERATOR)) {
                escalate(ex, desk, DecisionRule.PERSON_REQUESTED, phrases.text("reason.button-operator", "button", phrases.text("action.operator")),
                        "escalate.person", questionBefore(ex), false);
                return;
            }
            if (id.equals(Action.REOPEN) && text.isEmpty()) {
                // the engine opened a new conversation: the old request is past the window or may not be reopened
                ex.decide(DecisionRule.REOPEN_UNAVAILABLE, phrases.text("reason.reopen-unavailable", "button", phrases.text("action.reopen")));
                ex.say(bot(), phrases.text("reopen.unavailable"));
                return;
            }
            if (answered && id.equals(Action.HELPED)) {
                feedback(ex, desk, true);
                return;
            }
            if (answered && id.equals(Action.NOT_HELPED)) {
                feedback(ex, desk, false);
                return;
            }
        }
        CustomerWords.Said said = CustomerWords.Said.of(text);
        if (answered && !text.isEmpty()) {
            if (CustomerWords.notHelped(said)) {
                feedback(ex, desk, false);
                return;
            }
            if (CustomerWords.helped(said)) {
                feedback(ex, desk, true);
                return;
            }
        }
        if (text.isEmpty()) {
            ex.decide(DecisionRule.NOTHING_TO_ANSWER, action.map(a -> phrases.text("reason.old-button", "action", a))
                    .orElseGet(() -> phrases.text("reason.no-text")));
            ex.say(bot(), phrases.text("nothing-to-answer"));
            return;
        }
        if (answered) {
            // a new message after an answer is a new question; the old answer got no verdict
            ex.moveTo(ConversationState.BOT);
        }
        Optional<CustomerWords.Courtesy> courtesy = CustomerWords.courtesyOnly(said);
        if (courtesy.isPresent()) {
            switch (courtesy.get()) {
                case GREETING -> reply(ex, DecisionRule.GREETING, "greeting");
                case THANKS -> reply(ex, DecisionRule.THANKS, "thanks");
                case GOODBYE -> reply(ex, DecisionRule.GOODBYE, "goodbye");
            }
            return;
        }
        if (CustomerWords.asksForPerson(said)) {
            escalate(ex, desk, DecisionRule.PERSON_REQUESTED, phrases.text("reason.person"), "escalate.person", questionBefore(ex), false);
            return;
        }
        if (CustomerWords.asksForCallback(said)) {
            onCallback(ex, desk);
            return;
        }
        for (Scope.OutOfScopeTopic topic : desk.scope().outOfScope()) {
            Optional<String> keyword = topic.keywords().stream().filter(k -> CustomerWords.mentions(said, k)).findFirst();
            if (keyword.isPresent()) {
                String topicName = topic.name() == null ? topic.id() : topic.name();
                ex.decide(DecisionRule.OUT_OF_SCOPE, phrases.text("reason.out-of-scope", Map.of("topic", topicName, "keyword", keyword.get())));
                String reply = topic.reply() != null && !topic.reply().isBlank() ? topic.reply()
                        : phrases.text("out-of-scope", "topic", topicName);
                ex.say(bot(), reply);
                return;
            }
        }
        askHelpCenter(ex, desk, text);
    }

    /** A courtesy answered in kind: {@code phrase} names both the reply and, under {@code reason.}, the reason. */
    private void reply(Exchange ex, DecisionRule rule, String phrase) {
        ex.decide(rule, phrases.text("reason." + phrase));
        ex.say(bot(), phrases.text(phrase));
    }

    private void feedback(Exchange ex, Desk desk, boolean helped) {
        Optional<BotDecision> answer = ex.conversation().decisions().stream()
                .filter(d -> d.rule() == DecisionRule.HELP_CENTER_ANSWER || d.rule() == DecisionRule.CANDIDATE_CHOSEN)
                .reduce((a, b) -> b);
        MessageId answerMessage = lastBotMessageId(ex.conversation()).orElse(ex.answering());
        ex.update(c -> c.record(new Feedback(answerMessage, answer.map(BotDecision::article).orElse(null), helped, ex.now())));
        String article = answer.map(BotDecision::article).orElse("?");
        if (helped) {
            ex.decide(DecisionRule.FEEDBACK_HELPED, phrases.text("reason.helped", "article", article));
            ex.moveTo(ConversationState.BOT);
            ex.say(bot(), phrases.text("helped"));
        } else {
            String reason = phrases.text("reason.not-helped", "article", article);
            ex.decide(DecisionRule.FEEDBACK_NOT_HELPED, reason);
            escalate(ex, desk, null, reason, "escalate.not-helped",
                    answer.flatMap(d -> questionLeadingTo(ex.conversation(), d)), false);
        }
    }

    // ---- help center

    private void askHelpCenter(Exchange ex, Desk desk, String question) {
        HelpCenterAnswer answer = ports.helpCenter().ask(desk.id(), question);
        List<String> candidateIds = answer.candidates().stream().map(HelpCenterAnswer.Candidate::id).toList();
        switch (answer.decision()) {
            case ANSWER -> answerWithArticle(ex, desk, answer.answer(), DecisionRule.HELP_CENTER_ANSWER,
                    phrases.text("reason.help-center-answer"), answer.confidence(), candidateIds);
            case SUGGEST -> {
                List<HelpCenterAnswer.Candidate> offered = answer.candidates().stream().limit(MAX_CANDIDATES).toList();
                if (offered.isEmpty()) {
                    noAnswer(ex, desk, question, answer, phrases.text("reason.help-center-nothing-to-suggest"));
                    return;
                }
                ex.decide(new BotDecision(ex.answering(), DecisionRule.HELP_CENTER_SUGGESTION,
                        phrases.text("reason.help-center-suggestion"), answer.confidence(), null, candidateIds, ex.now()));
                List<Action> actions = new ArrayList<>();
                offered.forEach(c -> actions.add(Action.article(c.id(), c.title() == null ? c.id() : c.title())));
                actions.add(callOperator);
                ex.say(bot(), phrases.text("suggest"), actions, null);
            }
            case NO_ANSWER -> noAnswer(ex, desk, question, answer, phrases.text("reason.help-center-no-answer"));
        }
    }

    private void noAnswer(Exchange ex, Desk desk, String question, HelpCenterAnswer answer, String why) {
        ex.decide(new BotDecision(ex.answering(), DecisionRule.HELP_CENTER_NO_ANSWER, why, answer.confidence(), null,
                answer.candidates().stream().map(HelpCenterAnswer.Candidate::id).toList(), ex.now()));
        escalate(ex, desk, null, why, "escalate.no-answer", Optional.of(question), false);
    }

    private void answerWithArticle(Exchange ex, Desk desk, String articleId, DecisionRule rule, String reason, double confidence,
                                   List<String> candidates) {
        Optional<Article> found = ports.helpCenter().article(desk.id(), articleId);
        if (found.isEmpty()) {
            // the index and the articles disagree (an article removed since indexing): better a person than a dead link
            String missing = phrases.text("reason.article-missing", "article", articleId);
            ex.decide(new BotDecision(ex.answering(), DecisionRule.HELP_CENTER_NO_ANSWER, missing, confidence, articleId,
                    candidates, ex.now()));
            escalate(ex, desk, null, missing, "escalate.no-answer", questionBefore(ex), false);
            return;
        }
        Article article = found.get();
        ex.decide(new BotDecision(ex.answering(), rule, reason, confidence, article.id(), candidates, ex.now()));
        ex.moveTo(ConversationState.ANSWERED);
        ArticleReply reply = articleReply(desk, article);
        ex.say(bot(), reply.text(), afterArticle, reply.link());
    }

    /** What the bot says when it answers with an article: its title, short answer and, with a link, a pointer to it. */
    record ArticleReply(String text, String link) {
    }

    private record ArticleLink(Article article, String link) {
    }

    /**
     * The reply for an article, with its link into the desk's help center, made once per article version and link:
     * answers with the same article are then one string in every transcript kept in memory, not a copy each. Edited
     * articles add entries; the bound keeps a gateway whose articles change all day from growing.
     */
    ArticleReply articleReply(Desk desk, Article article) {
        String link = desk.helpCenter().linkTo(article.id(), article.url());
        if (articleReplies.size() >= MAX_ARTICLE_REPLIES) {
            articleReplies.clear();
        }
        return articleReplies.computeIfAbsent(new ArticleLink(article, link), key -> {
            String summary = article.summary(SUMMARY_CHARS);
            String text = article.title() + (summary.isEmpty() ? "" : "\n\n" + summary)
                    + (link == null ? "" : "\n\n" + phrases.text("answer.more"));
            return new ArticleReply(text, link);
        });
    }

    // ---- callback

    private void onCallback(Exchange ex, Desk desk) {
        String tier = ex.conversation().tier();
        Optional<ChannelPolicy> callback = desk.channel(ChannelKind.CALLBACK);
        if (callback.isPresent() && callback.get().openTo(tier)) {
            escalate(ex, desk, DecisionRule.CALLBACK_ACCEPTED, phrases.text("reason.callback-accepted", "tier", tierName(desk, tier)), "callback.accepted",
                    questionBefore(ex), true);
            return;
        }
        String channels = desk.channels().stream()
                .filter(c -> c.kind() != ChannelKind.CALLBACK && c.openTo(tier))
                .map(c -> phrases.text("channel." + c.kind().key()) + (c.address() == null || c.address().isBlank() ? "" : " (" + c.address() + ")"))
                .collect(Collectors.joining(", "));
        String reply;
        String reason;
        if (callback.isPresent() && callback.get().enabled() && !callback.get().tiers().isEmpty()) {
            String tiers = callback.get().tiers().stream().map(t -> tierName(desk, t)).collect(Collectors.joining(", "));
            reply = phrases.text("callback.not-available", Map.of("tiers", tiers, "channels", channels));
            reason = phrases.text("reason.callback-closed", Map.of("tier", tierName(desk, tier), "tiers", tiers));
        } else {
            reply = phrases.text("callback.not-offered", "channels", channels);
            reason = phrases.text("reason.callback-not-offered");
        }
        ex.decide(DecisionRule.CALLBACK_NOT_AVAILABLE, reason);
        ex.say(bot(), reply);
    }

    // ---- escalation

    /**
     * Starts handing the conversation to people: says why, then asks the first thing the desk requires
     * (or registers the ticket at once when nothing is missing).
     *
     * @param rule     the decision to record, or null when the caller recorded it already
     * @param reason   why the conversation goes to people; kept on the escalation
     * @param question what the customer asked, used as the description when there is one
     */
    private void escalate(Exchange ex, Desk desk, DecisionRule rule, String reason, String introPhrase,
                          Optional<String> question, boolean callback) {
        if (rule != null) {
            ex.decide(rule, reason);
        }
        String description = question.filter(q -> !q.isBlank()).orElse(null);
        ex.moveTo(ConversationState.ESCALATING);
        String why = reason;
        ex.update(c -> c.withEscalation(new Escalation(why, null, null, null, description, callback)));
        ex.say(bot(), phrases.text(introPhrase));
        askNextOrRegister(ex, desk);
    }

    private void onEscalationAnswer(Exchange ex, Desk desk, Inbound inbound) {
        Escalation escalation = ex.conversation().escalation();
        String text = inbound.text().strip();
        if (escalation == null || escalation.asking() == null) {
            askNextOrRegister(ex, desk);
            return;
        }
        if (inbound.action().isEmpty() && notAValue(ex, desk, text)) {
            return;
        }
        switch (escalation.asking()) {
            case IDENTIFICATION -> {
                IdentityField field = field(desk, escalation.fieldId());
                if (text.isEmpty()) {
                    askField(ex, field, List.of());
                    return;
                }
                List<String> problems = ports.identityCheck().problems(desk.id(), field, text);
                if (!problems.isEmpty()) {
                    // the reason names the field and the problems, never the value: it is personal data
                    ex.decide(DecisionRule.IDENTIFICATION_REJECTED, phrases.text("reason.identification-rejected",
                            Map.of("field", field.label(), "problems", String.join(" ", problems))));
                    askField(ex, field, problems);
                    return;
                }
                ex.update(c -> c.identified(field.id(), text));
            }
            case CATEGORY -> {
                Optional<Category> chosen = inbound.action().flatMap(Action::categoryOf).flatMap(desk::category)
                        .or(() -> categoryNamed(desk, text));
                if (chosen.isEmpty()) {
                    askCategory(ex, desk, "ask.category-again");
                    return;
                }
                ex.update(c -> c.withEscalation(c.escalation().withCategory(chosen.get().id())));
            }
            case DESCRIPTION -> {
                if (text.isEmpty() && inbound.attachments().isEmpty()) {
                    askCustomer(ex, phrases.text("ask.description"), List.of());
                    return;
                }
                String description = text.isEmpty() ? phrases.text("attachments-only", "count", String.valueOf(inbound.attachments().size())) : text;
                ex.update(c -> c.withEscalation(c.escalation().withDescription(description)));
            }
        }
        askNextOrRegister(ex, desk);
    }

    /**
     * Words that answer the bot rather than fill the field asked for: a cancellation goes back to the bot,
     * a request for a person or mere politeness hears what is still needed and the question again.
     * True when the message was handled so.
     */
    private boolean notAValue(Exchange ex, Desk desk, String text) {
        if (text.isEmpty()) {
            return false;
        }
        String asked = askedFor(desk, ex.conversation().escalation());
        if (CustomerWords.cancels(text)) {
            ex.decide(DecisionRule.ESCALATION_CANCELLED, phrases.text("reason.escalation-cancelled", "asked", asked));
            ex.moveTo(ConversationState.BOT);
            ex.say(bot(), phrases.text("escalation.cancelled"));
            return true;
        }
        String reminder;
        CustomerWords.Said said = CustomerWords.Said.of(text);
        if (CustomerWords.asksForPerson(said)) {
            ex.decide(DecisionRule.TICKET_IN_PREPARATION, phrases.text("reason.person-while-asked", "asked", asked));
            reminder = "escalation.in-progress";
        } else {
            Optional<CustomerWords.Courtesy> courtesy = CustomerWords.courtesyOnly(said);
            if (courtesy.isEmpty()) {
                return false;
            }
            ex.decide(DecisionRule.TICKET_IN_PREPARATION, phrases.text("reason.courtesy-while-asked",
                    Map.of("courtesy", courtesy(courtesy.get()), "asked", asked)));
            reminder = courtesy.get() == CustomerWords.Courtesy.THANKS ? "escalation.thanks" : "escalation.reminder";
        }
        ex.say(bot(), phrases.text(reminder, "missing", String.join(", ", missing(desk, ex.conversation()))));
        askNextOrRegister(ex, desk);
        return true;
    }

    /** What the ticket still lacks, in the customer's words, in the order the bot asks it. */
    private List<String> missing(Desk desk, Conversation c) {
        List<String> missing = new ArrayList<>();
        for (IdentityField field : requiredFields(desk, c.escalation().callback())) {
            if (!c.identification().containsKey(field.id())) {
                missing.add(field.label());
            }
        }
        if (!desk.categories().isEmpty() && c.escalation().category() == null) {
            missing.add(phrases.text("missing.category"));
        }
        if (c.escalation().description() == null || c.escalation().description().isBlank()) {
            missing.add(phrases.text("missing.description"));
        }
        return missing;
    }

    /** What the bot asked for, for decisions: the field's label, never a value. */
    private String askedFor(Desk desk, Escalation escalation) {
        return switch (escalation.asking()) {
            case IDENTIFICATION -> phrases.text("reason.asked.field", "field", fieldLabel(desk, escalation.fieldId()));
            case CATEGORY -> phrases.text("reason.asked.category");
            case DESCRIPTION -> phrases.text("reason.asked.description");
        };
    }

    /** A field's label for a reason; a field the desk no longer has is named by its id. */
    private String fieldLabel(Desk desk, String fieldId) {
        return knownField(desk, fieldId).map(IdentityField::label).orElse(fieldId);
    }

    /** A greeting, thanks or goodbye as a reason says it. */
    private String courtesy(CustomerWords.Courtesy courtesy) {
        return phrases.text("reason." + courtesy.name().toLowerCase(Locale.ROOT));
    }

    private static String tierName(Desk desk, String tier) {
        return tier == null ? "—" : desk.tier(tier).map(ServiceTier::name).orElse(tier);
    }

    private void askNextOrRegister(Exchange ex, Desk desk) {
        Conversation c = ex.conversation();
        Escalation escalation = c.escalation();
        for (IdentityField field : requiredFields(desk, escalation.callback())) {
            if (!c.identification().containsKey(field.id())) {
                ex.update(x -> x.withEscalation(x.escalation().asking(Escalation.Asking.IDENTIFICATION, field.id())));
                askField(ex, field, List.of());
                return;
            }
        }
        if (!desk.categories().isEmpty() && escalation.category() == null) {
            ex.update(x -> x.withEscalation(x.escalation().asking(Escalation.Asking.CATEGORY, null)));
            askCategory(ex, desk, "ask.category");
            return;
        }
        if (escalation.description() == null || escalation.description().isBlank()) {
            ex.update(x -> x.withEscalation(x.escalation().asking(Escalation.Asking.DESCRIPTION, null)));
            ex.decide(DecisionRule.ASKED_DESCRIPTION, phrases.text("reason.asked-description"));
            askCustomer(ex, phrases.text("ask.description"), List.of());
            return;
        }
        register(ex, desk);
    }

    private List<IdentityField> requiredFields(Desk desk, boolean callback) {
        List<IdentityField> fields = new ArrayList<>(desk.identification().fields().stream().filter(IdentityField::required).toList());
        if (callback && fields.stream().noneMatch(f -> f.kind() == IdentityField.Kind.PHONE)) {
            fields.add(new IdentityField(CALLBACK_PHONE, phrases.text("ask.callback-phone"), IdentityField.Kind.PHONE, true));
        }
        return fields;
    }

    private IdentityField field(Desk desk, String fieldId) {
        return knownField(desk, fieldId)
                .orElseThrow(() -> new IllegalStateException("desk " + desk.id() + " has no identity field '" + fieldId + "' any more"));
    }

    private Optional<IdentityField> knownField(Desk desk, String fieldId) {
        return requiredFields(desk, true).stream().filter(f -> f.id().equals(fieldId)).findFirst()
                .or(() -> desk.identification().fields().stream().filter(f -> f.id().equals(fieldId)).findFirst());
    }

    private void askField(Exchange ex, IdentityField field, List<String> problems) {
        if (problems.isEmpty()) {
            ex.decide(DecisionRule.ASKED_IDENTIFICATION, phrases.text("reason.asked-identification", "field", field.label()));
            askCustomer(ex, phrases.text("ask.field", "label", field.label()), List.of());
        } else {
            askCustomer(ex, phrases.text("ask.field-again", Map.of("problems", String.join(" ", problems), "label", field.label())), List.of());
        }
    }

    /** The bot asks the customer for something the ticket needs; from now on the desk's silence rule runs. */
    private void askCustomer(Exchange ex, String question, List<Action> actions) {
        ex.say(bot(), question, actions, null);
        ex.update(c -> c.awaitingCustomer(ex.now()));
    }

    private void askCategory(Exchange ex, Desk desk, String phrase) {
        ex.decide(DecisionRule.ASKED_CATEGORY, phrases.text("reason.asked-category", "categories",
                desk.categories().stream().map(c -> c.name() == null ? c.id() : c.name()).collect(Collectors.joining(", "))));
        askCustomer(ex, phrases.text(phrase), desk.categories().stream().map(c -> Action.category(c.id(), c.name())).toList());
    }

    private static Optional<Category> categoryNamed(Desk desk, String text) {
        if (text.isBlank()) {
            return Optional.empty();
        }
        String words = CustomerWords.normalize(text);
        CustomerWords.Said said = CustomerWords.Said.of(text);
        return desk.categories().stream()
                .filter(c -> CustomerWords.normalize(c.name()).equals(words) || c.id().equalsIgnoreCase(text.strip())
                        || CustomerWords.mentions(said, c.name())
                        || c.keywords().stream().anyMatch(k -> CustomerWords.mentions(said, k)))
                .findFirst();
    }

    private void register(Exchange ex, Desk desk) {
        Conversation c = ex.conversation();
        Escalation escalation = c.escalation();
        Ticket ticket = ports.tickets().open(new TicketRequest(c.id(), c.desk(), c.customer(), c.customerName(), c.customer().channel(),
                c.tier(), escalation.category(), c.identification(), escalation.description(), escalation.callback(), ex.now()));
        ex.update(x -> x.withTicket(ticket));
        ex.moveTo(ConversationState.WAITING_FOR_OPERATOR);
        ex.decide(DecisionRule.TICKET_REGISTERED, phrases.text("reason.ticket-registered",
                Map.of("number", ticket.number(), "why", escalation.reason())));
        ZoneId zone = desk.timeZone();
        StringBuilder text = new StringBuilder(phrases.text("ticket.registered", "number", ticket.number()));
        if (ticket.firstReplyDue() != null) {
            text.append(' ').append(phrases.text("ticket.due", Map.of("due", WHEN.format(ticket.firstReplyDue().atZone(zone)), "zone", zoneName(zone, ticket.firstReplyDue()))));
        } else {
            text.append(' ').append(phrases.text("ticket.no-due"));
        }
        if (!ports.businessHours().isOpen(desk, ex.now())) {
            text.append("\n\n").append(phrases.text("ticket.out-of-hours", "schedule", ports.businessHours().describe(desk)));
            Optional<Instant> opening = ports.businessHours().nextOpening(desk, ex.now());
            opening.ifPresent(at -> text.append(' ').append(phrases.text("ticket.opens-at",
                    Map.of("opening", WHEN.format(at.atZone(zone)), "zone", zoneName(zone, at)))));
        }
        ex.say(bot(), text.toString());
        ex.publish(summary -> new ConsoleEvent.Queued(summary, ticket));
    }

    /** «UTC+05:00» at that moment: unambiguous for customers in any city, unlike zone ids. */
    static String zoneName(ZoneId zone, Instant at) {
        String offset = zone.getRules().getOffset(at).getId();
        return "UTC" + ("Z".equals(offset) ? "" : offset);
    }

    // ---- waiting and closing

    private void acknowledgeWaiting(Exchange ex) {
        Conversation c = ex.conversation();
        // one acknowledgement per burst: a customer sending five lines in a row gets one answer, not five
        boolean justAcknowledged = c.decisions().stream().reduce((a, b) -> b)
                .filter(d -> d.rule() == DecisionRule.WAITING_ACKNOWLEDGED)
                .filter(d -> d.at().plus(ACKNOWLEDGEMENT_QUIET).isAfter(ex.now()))
                .isPresent();
        if (justAcknowledged) {
            ex.decide(DecisionRule.WAITING_ACKNOWLEDGED, phrases.text("reason.waiting-acknowledged-recently"));
            return;
        }
        ex.decide(DecisionRule.WAITING_ACKNOWLEDGED, phrases.text("reason.waiting-acknowledged"));
        ex.say(bot(), c.ticket() == null ? phrases.text("waiting")
                : phrases.text("waiting.ticket", "number", c.ticket().number()));
    }

    private void onClosingAnswer(Exchange ex, Desk desk, Inbound inbound) {
        String text = inbound.text();
        boolean no = inbound.action().map(Action.NOTHING_REMAINS::equals).orElse(false)
                || (inbound.action().isEmpty() && CustomerWords.nothingRemains(text));
        boolean yes = inbound.action().map(Action.QUESTIONS_REMAIN::equals).orElse(false)
                || (inbound.action().isEmpty() && CustomerWords.somethingRemains(text));
        if (no) {
            close(ex, desk, phrases.text("closed"));
        } else {
            ex.moveTo(ConversationState.WITH_OPERATOR);
            if (yes) {
                ex.say(system(), phrases.text("closing.continue"));
            }
        }
    }

    /**
     * Closes the conversation with {@code text}; where the customer may reopen the request, the message
     * says how and offers «Открыть заново»; where the desk asks, it asks to rate the service («Хорошо» / «Плохо»).
     */
    void close(Exchange ex, Desk desk, String text) {
        ex.moveTo(ConversationState.CLOSED);
        Conversation c = ex.conversation();
        StringBuilder said = new StringBuilder(text);
        List<Action> actions = new ArrayList<>();
        if (desk.closing().customerMayReopen() && c.ticket() != null) {
            said.append("\n\n").append(phrases.text("closed.reopen-hint", "number", c.ticket().number()));
            actions.add(new Action(Action.REOPEN, phrases.text("action.reopen")));
        }
        if (desk.closing().askRating()) {
            said.append("\n\n").append(phrases.text("closed.rate"));
            actions.add(new Action(Action.RATED_GOOD, phrases.text("action.rated-good")));
            actions.add(new Action(Action.RATED_BAD, phrases.text("action.rated-bad")));
        }
        ex.say(system(), said.toString(), actions, null);
    }

    /** Whether the customer pressed «Хорошо» or «Плохо» under a closing message. */
    boolean rates(Inbound inbound) {
        return inbound.action().filter(Action::isRating).isPresent();
    }

    /**
     * Whether {@code closed} may still be rated: its closing message offered the rating, and that was less than
     * {@link #RATE_WITHIN} ago (its last change is its closing).
     */
    boolean mayRate(Conversation closed, Instant now) {
        return !closed.state().isOpen() && closingMessageAskingRating(closed).isPresent()
                && now.isBefore(closed.updatedAt().plus(RATE_WITHIN));
    }

    private static Optional<MessageId> closingMessageAskingRating(Conversation c) {
        return c.lastMessage(m -> m.actions().stream().anyMatch(a -> a.id().equals(Action.RATED_GOOD))).map(Message::id);
    }

    /** Records the customer's rating of the service on the closed conversation, which stays closed; a new rating replaces it. */
    private void rate(Exchange ex, Inbound inbound) {
        boolean satisfied = inbound.action().map(Action.RATED_GOOD::equals).orElse(false);
        // the engine hands over only a conversation whose closing message asked (mayRate)
        MessageId rated = closingMessageAskingRating(ex.conversation()).orElseThrow();
        ex.update(c -> c.record(Feedback.onService(rated, satisfied, ex.now())));
        ex.decide(DecisionRule.SERVICE_RATED, phrases.text("reason.service-rated", "verdict",
                phrases.text(satisfied ? "action.rated-good" : "action.rated-bad")));
        ex.say(bot(), phrases.text(satisfied ? "rated.good" : "rated.bad"));
        Operator servedBy = ex.conversation().lastMessage(m -> m.author().kind() == AuthorKind.OPERATOR)
                .map(m -> new Operator(m.author().id(), m.author().displayName())).orElse(null);
        ex.publish(summary -> new ConsoleEvent.ServiceRated(summary, satisfied, servedBy, ex.now()));
    }

    // ---- silence (edoc: no answer from the customer in 8 business hours)

    /** Whether the conversation has waited for the customer longer than the desk's silence rule allows. */
    boolean silenceExpired(Desk desk, Conversation c, Instant now) {
        Optional<SilenceRule> rule = desk.silenceRule();
        if (rule.isEmpty() || !c.state().isOpen() || !c.awaitsCustomer()) {
            return false;
        }
        return !now.isBefore(ports.businessHours().plus(desk, c.awaitingCustomerSince(), rule.get().after()));
    }

    /** Closes a conversation whose silence expired, telling the customer the reason and what was done so far. */
    void closeForSilence(Exchange ex, Desk desk) {
        SilenceRule rule = desk.silenceRule().orElseThrow();
        Conversation c = ex.conversation();
        String awaited = awaited(desk, c);
        List<String> done = actionsDone(desk, c);
        ex.decide(DecisionRule.CLOSED_FOR_SILENCE, phrases.text("reason.closed-for-silence", Map.of("within", within(phrases, rule.after()),
                "since", WHEN.format(c.awaitingCustomerSince().atZone(desk.timeZone())))));
        StringBuilder text = new StringBuilder(c.ticket() == null
                ? phrases.text("silence.closed", "reason", rule.reason())
                : phrases.text("silence.closed-ticket", Map.of("number", c.ticket().number(), "reason", rule.reason())));
        text.append(' ').append(phrases.text("silence.awaited", "awaited", awaited));
        if (!done.isEmpty()) {
            text.append("\n\n").append(phrases.text("silence.done"));
            done.forEach(line -> text.append("\n— ").append(line));
        }
        close(ex, desk, text.toString());
    }

    /** What the customer did not answer: the field the bot asked for, or an operator's question. */
    private String awaited(Desk desk, Conversation c) {
        Escalation e = c.escalation();
        if (c.state() == ConversationState.ESCALATING && e != null && e.asking() != null) {
            return switch (e.asking()) {
                case IDENTIFICATION -> requiredFields(desk, true).stream().filter(f -> f.id().equals(e.fieldId())).findFirst()
                        .map(IdentityField::label).orElse(phrases.text("silence.awaited-information"));
                case CATEGORY -> phrases.text("missing.category");
                case DESCRIPTION -> phrases.text("missing.description");
            };
        }
        return phrases.text("silence.awaited-operator");
    }

    /**
     * The actions done so far, one short line each, for the closing message: articles offered, what was
     * received for the ticket (field names, never values), the ticket and the specialist's work.
     */
    private List<String> actionsDone(Desk desk, Conversation c) {
        List<String> done = new ArrayList<>();
        c.decisions().stream()
                .filter(d -> (d.rule() == DecisionRule.HELP_CENTER_ANSWER || d.rule() == DecisionRule.CANDIDATE_CHOSEN) && d.article() != null)
                .map(BotDecision::article).distinct()
                .flatMap(id -> ports.helpCenter().article(desk.id(), id).stream())
                .forEach(a -> done.add(phrases.text("silence.done.article", "title", a.title())));
        if (!c.identification().isEmpty()) {
            List<IdentityField> known = requiredFields(desk, true);
            String fields = c.identification().keySet().stream()
                    .map(id -> known.stream().filter(f -> f.id().equals(id)).findFirst().map(IdentityField::label).orElse(id))
                    .collect(Collectors.joining(", "));
            done.add(phrases.text("silence.done.identified", "fields", fields));
        }
        // the escalation (and its category) exists only until the ticket is registered; then the ticket says it all
        Escalation e = c.escalation();
        if (e != null && e.category() != null) {
            done.add(phrases.text("silence.done.category", "category", desk.category(e.category()).map(Category::name).orElse(e.category())));
        }
        if (c.ticket() != null) {
            done.add(phrases.text("silence.done.ticket", "number", c.ticket().number()));
        } else if (c.state() == ConversationState.ESCALATING) {
            done.add(phrases.text("silence.done.escalating"));
        }
        long answers = c.transcript().stream().filter(m -> m.author().kind() == AuthorKind.OPERATOR).count();
        if (answers > 0) {
            done.add(phrases.text("silence.done.operator", "count", Long.toString(answers)));
        }
        return done;
    }

    /**
     * A time limit as it follows «в течение» in Russian: «8 рабочих часов», «1 рабочего дня», «0,5 рабочего
     * часа» (one, a fraction, or a number ending in 1 but not 11 take the singular genitive).
     */
    static String within(BotPhrases phrases, SlaTarget limit) {
        java.math.BigDecimal amount = limit.amount().stripTrailingZeros();
        boolean whole = amount.scale() <= 0;
        long n = whole ? amount.longValueExact() : 0;
        boolean singular = !whole || (n % 10 == 1 && n % 100 != 11);
        String unit = limit.unit().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        return amount.toPlainString().replace('.', ',') + " " + phrases.text("within." + unit + (singular ? ".one" : ".many"));
    }

    // ---- reopening (konus: a customer may reopen a request closed too early)

    /**
     * Whether the message asks to reopen the customer's last request, on a desk that lets customers reopen:
     * «Открыть заново» pressed, or words saying the question is not solved. Cheap: no store is asked.
     */
    boolean asksToReopen(Desk desk, Inbound inbound) {
        return desk.closing().customerMayReopen()
                && (inbound.action().map(Action.REOPEN::equals).orElse(false)
                || (inbound.action().isEmpty() && CustomerWords.saysNotSolved(inbound.text())));
    }

    /** Whether {@code closed} may be reopened now: it had a ticket and closed within {@link #REOPEN_WITHIN} of the desk's time. */
    boolean mayReopen(Desk desk, Conversation closed, Instant now) {
        if (closed.state().isOpen() || closed.ticket() == null) {
            return false;
        }
        // the last change of a closed conversation is its closing
        return now.isBefore(ports.businessHours().plus(desk, closed.updatedAt(), REOPEN_WITHIN));
    }

    private void reopen(Exchange ex, Desk desk, Inbound inbound) {
        Ticket ticket = ex.conversation().ticket();
        ex.moveTo(ConversationState.WAITING_FOR_OPERATOR);
        if (violatesConduct(ex, desk, inbound)) {
            return;
        }
        ex.decide(DecisionRule.REOPENED, phrases.text("reason.reopened", Map.of("number", ticket.number(), "within", within(phrases, REOPEN_WITHIN))));
        ex.say(bot(), phrases.text("reopened", "number", ticket.number()));
        ex.publish(summary -> new ConsoleEvent.Reopened(summary, ticket));
    }

    // ---- helpers

    Author bot() {
        return bot;
    }

    Author system() {
        return system;
    }

    /**
     * The question the customer asked right before this message, when the bot's last decision was a
     * help-center lookup on it: it becomes the ticket's description so the customer need not repeat it.
     */
    private static Optional<String> questionBefore(Exchange ex) {
        Conversation c = ex.conversation();
        return c.decisions().stream()
                .filter(d -> !ex.answering().equals(d.message()))
                .reduce((a, b) -> b)
                .filter(d -> HELP_CENTER_RULES.contains(d.rule()) || d.rule() == DecisionRule.CANDIDATE_CHOSEN)
                .flatMap(d -> questionLeadingTo(c, d));
    }

    /**
     * The customer's question behind a help-center decision. A chosen candidate was decided on a button
     * press, which has no text: its question is the one the suggestion was made for.
     */
    private static Optional<String> questionLeadingTo(Conversation c, BotDecision decision) {
        if (decision.rule() != DecisionRule.CANDIDATE_CHOSEN) {
            return questionOf(c, decision.message());
        }
        List<BotDecision> before = c.decisions().subList(0, Math.max(0, c.decisions().indexOf(decision)));
        for (int i = before.size() - 1; i >= 0; i--) {
            if (before.get(i).rule() == DecisionRule.HELP_CENTER_SUGGESTION) {
                return questionOf(c, before.get(i).message());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> questionOf(Conversation c, MessageId message) {
        return message == null ? Optional.empty()
                : c.message(message).map(Message::text).filter(t -> !t.isBlank());
    }

    private static Optional<MessageId> lastBotMessageId(Conversation c) {
        return c.lastMessage(m -> !m.fromCustomer() && m.forCustomer()).map(Message::id);
    }
}
