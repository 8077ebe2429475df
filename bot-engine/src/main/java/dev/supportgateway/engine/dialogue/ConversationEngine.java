package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.IllegalTransition;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.conversation.Outbound;
import dev.supportgateway.engine.delivery.ConsoleEvent;
import dev.supportgateway.engine.delivery.Typing;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.ServiceTier;
import dev.supportgateway.engine.helpcenter.Article;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The dialogue core's entry points: customers' messages come in through {@link #receive}, operators
 * act through the other methods. Safe to call concurrently; work on one customer's conversation is
 * serialized by {@link ConversationLocks}, and each call stores the conversation before anything is
 * delivered, so a channel may acknowledge its source as soon as {@code receive} returns.
 */
public final class ConversationEngine {

    private static final System.Logger LOG = System.getLogger(ConversationEngine.class.getName());

    private final DialoguePorts ports;
    private final BotPhrases phrases;
    private final DialoguePolicy policy;

    public ConversationEngine(DialoguePorts ports, BotPhrases phrases) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.phrases = Objects.requireNonNull(phrases, "phrases");
        this.policy = new DialoguePolicy(ports, phrases);
    }

    /**
     * Stores a customer's message in their open conversation with the desk (opening one if none) and
     * lets the bot answer unless an operator holds it. A redelivered message returns a duplicate turn
     * and changes nothing. Without an open conversation, a message that says the last request is not
     * solved (or the «Открыть заново» button) reopens that request's conversation with its ticket where
     * the desk allows it; otherwise a new conversation starts.
     *
     * @throws UnknownDesk when the desk is not configured
     */
    public Turn receive(Inbound inbound) {
        Objects.requireNonNull(inbound, "inbound");
        Desk desk = desk(inbound.desk());
        return ports.locks().exclusively(inbound.desk(), inbound.customer(), () -> {
            if (ports.conversations().received(inbound.desk(), inbound.customer(), inbound.externalId())) {
                Conversation current = ports.conversations().findOpen(inbound.desk(), inbound.customer()).orElse(null);
                return new Turn(current, List.of(), List.of(), true);
            }
            Instant now = ports.clock().instant();
            // a rating button belongs to the chat that closed, even when the customer has begun another one since
            Optional<Conversation> rated = policy.rates(inbound)
                    ? ports.conversations().findLastClosed(inbound.desk(), inbound.customer())
                            .filter(closed -> policy.mayRate(closed, now))
                    : Optional.empty();
            Conversation conversation = rated.or(() -> ports.conversations().findOpen(inbound.desk(), inbound.customer()))
                    .or(() -> policy.asksToReopen(desk, inbound)
                            ? ports.conversations().findLastClosed(inbound.desk(), inbound.customer())
                                    .filter(closed -> policy.mayReopen(desk, closed, now))
                            : Optional.empty())
                    .orElseGet(() -> Conversation.open(ConversationId.random(), desk.id(), inbound.customer(), inbound.customerName(),
                            tierOf(desk, inbound), now));
            Exchange ex = new Exchange(conversation, now);
            Message message = Message.from(inbound, MessageId.random());
            ex.customerSaid(message);
            ex.publish(summary -> new ConsoleEvent.CustomerWrote(summary, message));
            policy.onCustomerMessage(ex, desk, inbound, message);
            return finish(ex);
        });
    }

    /**
     * {@code operator} takes the conversation over: the bot falls silent and the customer is told a
     * person joined. Taking over one's own conversation again changes nothing.
     *
     * @throws HeldByAnotherOperator when another operator holds it
     * @throws dev.supportgateway.engine.conversation.IllegalTransition when it is CLOSED or SUSPENDED
     */
    public Turn takeOver(ConversationId id, Operator operator) {
        return command(id, (ex, desk) -> {
            refuseIfHeldByAnother(ex.conversation(), operator);
            takeOver(ex, operator);
        });
    }

    /**
     * Takes over a conversation from the operators' queue: only one still waiting there, checked under the
     * conversation's lock, so that a chat the bot serves again or a colleague took a moment earlier is not taken.
     *
     * @throws HeldByAnotherOperator when a colleague holds it
     * @throws IllegalTransition unless the conversation waits for an operator
     */
    public Turn takeOverFromQueue(ConversationId id, Operator operator) {
        return command(id, (ex, desk) -> {
            Conversation c = ex.conversation();
            refuseIfHeldByAnother(c, operator);
            if (c.state() != ConversationState.WAITING_FOR_OPERATOR || c.operator() != null) {
                throw new IllegalTransition(c.id(), c.state(), ConversationState.WITH_OPERATOR);
            }
            takeOver(ex, operator);
        });
    }

    /** Takes over for {@code operator}, whom the caller has checked no colleague stands in the way of. */
    private void takeOver(Exchange ex, Operator operator) {
        Conversation c = ex.conversation();
        if (c.state() == ConversationState.WITH_OPERATOR) {
            return;
        }
        ex.update(x -> x.heldBy(operator, ConversationState.WITH_OPERATOR, ex.now()));
        if (c.state() != ConversationState.CLOSING) {
            ex.say(policy.system(), phrases.text("operator.joined", "operator", operator.displayName()));
        }
    }

    /**
     * Sends the operator's text to the customer. It does not lift a hold set by {@link #awaitCustomer}
     * (a reminder is no answer): only the customer's message does.
     *
     * @throws NotHeldByOperator unless {@code operator} holds the conversation
     * @throws ForbiddenWordsInReply when the text uses a word the desk's conduct forbids
     */
    public Turn reply(ConversationId id, Operator operator, String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an operator reply must not be blank");
        }
        return command(id, (ex, desk) -> sendOperatorText(ex, desk, operator, text, List.of()));
    }

    /**
     * Sends the customer files (an instruction, a filled-in form, a screenshot of where to click) with the operator's
     * text, which may be empty. The files are already kept ({@link dev.supportgateway.engine.conversation.Attachments});
     * the customer's channel delivers them as files it can show.
     *
     * @throws NotHeldByOperator unless {@code operator} holds the conversation
     * @throws ForbiddenWordsInReply when the text uses a word the desk's conduct forbids
     */
    public Turn sendFiles(ConversationId id, Operator operator, String text, List<Attachment> files) {
        Objects.requireNonNull(files, "files");
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no files to send");
        }
        String said = text == null ? "" : text;
        return command(id, (ex, desk) -> sendOperatorText(ex, desk, operator, said, files));
    }

    private void sendOperatorText(Exchange ex, Desk desk, Operator operator, String text, List<Attachment> files) {
        requireHeldBy(ex.conversation(), operator);
        List<String> forbidden = desk.conduct().forbiddenOperatorWords().stream()
                .filter(word -> CustomerWords.usesWord(text, word)).toList();
        if (!forbidden.isEmpty()) {
            throw new ForbiddenWordsInReply(forbidden);
        }
        operatorSays(ex, operator, text.strip(), null, files);
    }

    /**
     * The operator answers with an article of the desk's help center, as the regulations allow for standard
     * questions: the customer gets its title, short answer and link, as from the bot, but from the operator and
     * without the bot's feedback buttons (the operator is in the chat to hear whether it helped).
     *
     * @throws NotHeldByOperator unless {@code operator} holds the conversation
     * @throws ArticleNotFound when the desk's help center has no such article (any more)
     */
    public Turn shareArticle(ConversationId id, Operator operator, String articleId) {
        Objects.requireNonNull(articleId, "articleId");
        return command(id, (ex, desk) -> {
            requireHeldBy(ex.conversation(), operator);
            Article article = ports.helpCenter().article(desk.id(), articleId)
                    .orElseThrow(() -> new ArticleNotFound(desk.id(), articleId));
            DialoguePolicy.ArticleReply reply = policy.articleReply(desk, article);
            operatorSays(ex, operator, reply.text(), reply.link(), List.of());
        });
    }

    private void operatorSays(Exchange ex, Operator operator, String text, String link, List<Attachment> files) {
        Conversation c = ex.conversation();
        if (c.state() == ConversationState.CLOSING) {
            // the operator goes on talking: the closing question is no longer the last word
            ex.update(x -> x.heldBy(operator, ConversationState.WITH_OPERATOR, ex.now()));
        }
        c.lastMessage(Message::fromCustomer).map(Message::id).ifPresent(ex::answer);
        ex.say(Author.operator(operator), text, List.of(), link, files);
    }

    /**
     * Tells the customer that {@code operator} is writing to them. Only the operator holding the conversation does;
     * nothing is stored and no lock is taken: the signal is stale seconds later anyway.
     *
     * @throws NotHeldByOperator unless {@code operator} holds it
     */
    public void operatorTyping(ConversationId id, Operator operator) {
        Conversation c = ports.conversations().find(id).orElseThrow(() -> new ConversationNotFound(id));
        requireHeldBy(c, operator);
        ports.deliveries().typing(new Typing(c.desk(), c.customer(), operator.displayName()));
    }

    /**
     * Tells the operator holding the customer's open conversation that the customer is writing. A conversation the bot
     * serves has no one to tell; nothing is stored and no lock is taken.
     */
    public void customerTyping(DeskId desk, CustomerAddress customer) {
        ports.conversations().findOpen(desk, customer)
                .filter(c -> c.operator() != null
                        && (c.state() == ConversationState.WITH_OPERATOR || c.state() == ConversationState.CLOSING))
                .ifPresent(c -> ports.console().publish(new ConsoleEvent.CustomerTyping(c.summary())));
    }

    /**
     * Adds an internal note for colleagues («клиент просил перезвонить после обеда»): it stays in the transcript for
     * operators and never reaches the customer. Any operator may add one, in any state, without holding the
     * conversation; it changes neither state nor holder nor the request's deadlines.
     */
    public Turn addNote(ConversationId id, Operator operator, String text) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("a note must not be blank");
        }
        return command(id, (ex, desk) -> {
            ex.note(operator, text.strip());
            ex.publish(summary -> new ConsoleEvent.NoteAdded(summary, operator));
        });
    }

    /**
     * Sends the operator's question to the customer and puts the request on hold until they answer
     * («ждём ответа клиента»): the console shows it as awaiting the customer, and on a desk with a
     * silence rule the customer is told that without an answer within the rule's time the request is
     * closed — {@link #closeSilent} counts that time from now. The customer's next message ends the hold
     * and reaches the operator, who still holds the conversation.
     *
     * @throws NotHeldByOperator unless {@code operator} holds the conversation
     * @throws ForbiddenWordsInReply when the text uses a word the desk's conduct forbids
     */
    public Turn awaitCustomer(ConversationId id, Operator operator, String question) {
        Objects.requireNonNull(question, "question");
        if (question.isBlank()) {
            throw new IllegalArgumentException("the question to the customer must not be blank");
        }
        return command(id, (ex, desk) -> {
            sendOperatorText(ex, desk, operator, question, List.of());
            ex.update(c -> c.awaitingCustomer(ex.now()));
            desk.silenceRule().ifPresent(rule -> ex.say(policy.system(),
                    phrases.text("await.notice", "limit", DialoguePolicy.within(phrases, rule.after()))));
        });
    }

    /** Hands the conversation back to the bot; the customer is told. @throws NotHeldByOperator unless {@code operator} holds it */
    public Turn returnToBot(ConversationId id, Operator operator) {
        return command(id, (ex, desk) -> {
            Conversation c = ex.conversation();
            requireHeldBy(c, operator);
            ex.moveTo(ConversationState.BOT);
            ex.say(policy.system(), phrases.text("operator.left"));
        });
    }

    /**
     * Puts the registered request back into the operators' queue for a colleague (the operator's shift ends, or it
     * needs someone else): the operator is released, the customer is told that the next free specialist answers, and
     * the queue counts the wait from now. A chat without a request goes back to the bot instead ({@link #returnToBot}).
     *
     * @throws NotHeldByOperator unless {@code operator} holds it
     * @throws IllegalTransition when the conversation has no registered request
     */
    public Turn returnToQueue(ConversationId id, Operator operator) {
        return command(id, (ex, desk) -> {
            Conversation c = ex.conversation();
            requireHeldBy(c, operator);
            if (c.ticket() == null || c.state() != ConversationState.WITH_OPERATOR) {
                throw new IllegalTransition(c.id(), c.state(), ConversationState.WAITING_FOR_OPERATOR);
            }
            ex.moveTo(ConversationState.WAITING_FOR_OPERATOR);
            ex.say(policy.system(), phrases.text("operator.requeued"));
        });
    }

    /**
     * Hands the chat to a named colleague («передать коллеге»: a specialist of the topic, the next shift): {@code to}
     * holds it from now, the customer is told who goes on, and the request stays in work under its deadlines. Whether
     * the colleague serves the desk is the console's to check: the engine knows no operator directory.
     *
     * @throws NotHeldByOperator unless {@code from} holds it
     * @throws IllegalTransition unless an operator is talking with the customer (not while closing)
     */
    public Turn transfer(ConversationId id, Operator from, Operator to) {
        Objects.requireNonNull(to, "to");
        return command(id, (ex, desk) -> {
            Conversation c = ex.conversation();
            requireHeldBy(c, from);
            if (c.state() != ConversationState.WITH_OPERATOR || to.equals(from)) {
                throw new IllegalTransition(c.id(), c.state(), ConversationState.WITH_OPERATOR);
            }
            ex.update(x -> x.heldBy(to, ConversationState.WITH_OPERATOR, ex.now()));
            ex.say(policy.system(), phrases.text("operator.transferred", "operator", to.displayName()));
            ex.publish(summary -> new ConsoleEvent.Transferred(summary, from));
        });
    }

    /**
     * Closes the conversation. When the desk asks before closing (eorder) the first call asks the
     * customer «Остались ли у вас вопросы?» and moves to CLOSING; the customer's «нет», or a second
     * call, closes it.
     *
     * @throws HeldByAnotherOperator when another operator holds it
     */
    public Turn close(ConversationId id, Operator operator) {
        return command(id, (ex, desk) -> {
            Conversation c = ex.conversation();
            if (!c.state().isOpen()) {
                throw new IllegalTransition(c.id(), c.state(), ConversationState.CLOSED);
            }
            refuseIfHeldByAnother(c, operator);
            // a stopped service is not asked whether questions remain
            boolean ask = desk.closing().askBeforeClosing() && c.state() != ConversationState.CLOSING
                    && c.state() != ConversationState.SUSPENDED;
            if (ask) {
                ex.update(x -> x.heldBy(operator, ConversationState.CLOSING, ex.now()));
                String question = desk.closing().question() == null || desk.closing().question().isBlank()
                        ? phrases.text("closing.question") : desk.closing().question();
                ex.say(Author.operator(operator), question, List.of(
                        new Action(Action.QUESTIONS_REMAIN, phrases.text("action.questions-remain")),
                        new Action(Action.NOTHING_REMAINS, phrases.text("action.nothing-remains"))), null);
            } else {
                policy.close(ex, desk, phrases.text("closed"));
            }
        });
    }

    /**
     * Closes the conversation when it has waited for the customer's answer longer than its desk's
     * {@link dev.supportgateway.engine.desk.SilenceRule} allows, counted in the desk's business time from
     * when the bot or an operator asked (edoc: 8 business hours). The customer is told the rule's reason
     * («ответ от клиента не получен») and the actions done so far. Does nothing — an empty turn — when the
     * desk has no silence rule, nothing is awaited, or the time has not run out; so it is safe to call
     * again and from any node.
     *
     * @param now the scheduler's current time (normally the clock's)
     */
    public Turn closeSilent(ConversationId id, Instant now) {
        Objects.requireNonNull(now, "now");
        return command(id, now, (ex, desk) -> {
            if (policy.silenceExpired(desk, ex.conversation(), now)) {
                policy.closeForSilence(ex, desk);
            }
        });
    }

    /**
     * {@link #closeSilent} for every open conversation of the desk that awaits the customer. Meant for a
     * scheduler in infra that calls it every few minutes for each desk (a desk without a silence rule
     * returns at once); the window is counted in business time, so a late tick only closes a little late.
     * A conversation that fails (changed concurrently, say) is logged by id and left for the next tick.
     *
     * @return the turns of the conversations it closed
     * @throws UnknownDesk when the desk is not configured
     */
    public List<Turn> closeSilentConversations(DeskId deskId, Instant now) {
        Objects.requireNonNull(now, "now");
        Desk desk = desk(deskId);
        if (desk.silenceRule().isEmpty()) {
            return List.of();
        }
        List<Turn> closed = new ArrayList<>();
        for (ConversationSummary summary : ports.conversations().open(deskId)) {
            // only the states where someone asks the customer; the rule itself is checked under the lock
            if (summary.state() != ConversationState.ESCALATING && summary.state() != ConversationState.WITH_OPERATOR) {
                continue;
            }
            try {
                Turn turn = closeSilent(summary.id(), now);
                if (turn.conversation() != null && turn.conversation().state() == ConversationState.CLOSED && !turn.stored().isEmpty()) {
                    closed.add(turn);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "closing silent conversation " + summary.id() + " failed: " + e.getClass().getSimpleName());
            }
        }
        return closed;
    }

    /** A supervisor resumes service of a SUSPENDED conversation: the bot serves the customer again, warnings start over. */
    public Turn resume(ConversationId id, Operator supervisor) {
        return command(id, (ex, desk) -> {
            if (ex.conversation().state() != ConversationState.SUSPENDED) {
                throw new IllegalTransition(id, ex.conversation().state(), ConversationState.BOT);
            }
            ex.moveTo(ConversationState.BOT);
            ex.update(x -> x.withWarnings(0));
            ex.say(policy.system(), phrases.text("resumed"));
        });
    }

    /** The desk's open conversations for the console, longest waiting first. */
    public List<ConversationSummary> open(DeskId desk) {
        return ports.conversations().open(desk);
    }

    /** The desk's conversations where service was stopped and a supervisor should look. */
    public List<ConversationSummary> flagged(DeskId desk) {
        return open(desk).stream().filter(ConversationSummary::flagged).toList();
    }

    /** The conversation as stored, or empty. */
    public Optional<Conversation> conversation(ConversationId id) {
        return ports.conversations().find(id);
    }

    // ---- the common path of every call

    private Turn command(ConversationId id, BiConsumer<Exchange, Desk> work) {
        return command(id, null, work);
    }

    /** @param now the time of the exchange, or null for the clock's time once the lock is held */
    private Turn command(ConversationId id, Instant now, BiConsumer<Exchange, Desk> work) {
        Objects.requireNonNull(id, "conversation id");
        Conversation first = ports.conversations().find(id).orElseThrow(() -> new ConversationNotFound(id));
        Desk desk = desk(first.desk());
        return ports.locks().exclusively(first.desk(), first.customer(), () -> {
            // read again under the lock: the first read only told which lock to take
            Conversation current = ports.conversations().find(id).orElseThrow(() -> new ConversationNotFound(id));
            Exchange ex = new Exchange(current, now == null ? ports.clock().instant() : now);
            work.accept(ex, desk);
            if (!ex.changed()) {
                return new Turn(current, List.of(), List.of(), false);
            }
            return finish(ex);
        });
    }

    /** Stores the exchange, then delivers its replies and tells the console: nothing leaves before it is stored. */
    private Turn finish(Exchange ex) {
        Conversation stored = ports.conversations().save(ex.conversation());
        List<Message> added = ex.added();
        List<Outbound> replies = new ArrayList<>();
        for (Message message : added) {
            if (!message.fromCustomer() && message.forCustomer()) {
                replies.add(Outbound.of(stored, message));
            }
        }
        for (Outbound outbound : replies) {
            try {
                ports.deliveries().deliver(outbound);
            } catch (RuntimeException e) {
                // the message is stored and stays in the transcript; a channel failure must not undo the turn
                LOG.log(System.Logger.Level.WARNING, "delivery of " + outbound + " failed: " + e.getClass().getSimpleName());
            }
        }
        ConversationSummary summary = stored.summary();
        for (ConsoleEvent event : ex.events(summary)) {
            try {
                ports.console().publish(event);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "console event " + event.getClass().getSimpleName() + " of conversation "
                        + stored.id() + " failed: " + e.getClass().getSimpleName());
            }
        }
        return new Turn(stored, added, replies, false);
    }

    private Desk desk(DeskId id) {
        return ports.desks().find(id).orElseThrow(() -> new UnknownDesk(id));
    }

    private String tierOf(Desk desk, Inbound inbound) {
        return ports.subscriptions().tierOf(desk.id(), inbound.customer())
                .filter(t -> desk.tier(t).isPresent())
                .or(() -> desk.defaultTier().map(ServiceTier::id))
                .orElse(null);
    }

    private static void refuseIfHeldByAnother(Conversation c, Operator operator) {
        Objects.requireNonNull(operator, "operator");
        if (c.operator() != null && !c.heldBy(operator)) {
            throw new HeldByAnotherOperator(c.id(), c.operator(), operator);
        }
    }

    private static void requireHeldBy(Conversation c, Operator operator) {
        refuseIfHeldByAnother(c, operator);
        boolean held = c.heldBy(operator)
                && (c.state() == ConversationState.WITH_OPERATOR || c.state() == ConversationState.CLOSING);
        if (!held) {
            throw new NotHeldByOperator(c.id(), c.state(), operator);
        }
    }
}
