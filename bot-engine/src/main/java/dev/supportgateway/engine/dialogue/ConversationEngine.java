package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.IllegalTransition;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.conversation.Outbound;
import dev.supportgateway.engine.delivery.ConsoleEvent;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.ServiceTier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
     * and changes nothing.
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
            Conversation conversation = ports.conversations().findOpen(inbound.desk(), inbound.customer())
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
            Conversation c = ex.conversation();
            refuseIfHeldByAnother(c, operator);
            if (c.state() == ConversationState.WITH_OPERATOR) {
                return;
            }
            ex.update(x -> x.heldBy(operator, ConversationState.WITH_OPERATOR, ex.now()));
            if (c.state() != ConversationState.CLOSING) {
                ex.say(policy.system(), phrases.text("operator.joined", "operator", operator.displayName()));
            }
        });
    }

    /**
     * Sends the operator's text to the customer.
     *
     * @throws NotHeldByOperator unless {@code operator} holds the conversation
     * @throws ForbiddenWordsInReply when the text uses a word the desk's conduct forbids
     */
    public Turn reply(ConversationId id, Operator operator, String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("an operator reply must not be blank");
        }
        return command(id, (ex, desk) -> {
            Conversation c = ex.conversation();
            requireHeldBy(c, operator);
            List<String> forbidden = desk.conduct().forbiddenOperatorWords().stream()
                    .filter(word -> CustomerWords.usesWord(text, word)).toList();
            if (!forbidden.isEmpty()) {
                throw new ForbiddenWordsInReply(forbidden);
            }
            if (c.state() == ConversationState.CLOSING) {
                // the operator goes on talking: the closing question is no longer the last word
                ex.update(x -> x.heldBy(operator, ConversationState.WITH_OPERATOR, ex.now()));
            }
            lastCustomerMessage(c).ifPresent(ex::answer);
            ex.say(Author.operator(operator), text.strip());
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
                ex.moveTo(ConversationState.CLOSED);
                ex.say(policy.system(), phrases.text("closed"));
            }
        });
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
    public java.util.Optional<Conversation> conversation(ConversationId id) {
        return ports.conversations().find(id);
    }

    // ---- the common path of every call

    private Turn command(ConversationId id, BiConsumer<Exchange, Desk> work) {
        Objects.requireNonNull(id, "conversation id");
        Conversation first = ports.conversations().find(id).orElseThrow(() -> new ConversationNotFound(id));
        Desk desk = desk(first.desk());
        return ports.locks().exclusively(first.desk(), first.customer(), () -> {
            // read again under the lock: the first read only told which lock to take
            Conversation current = ports.conversations().find(id).orElseThrow(() -> new ConversationNotFound(id));
            Exchange ex = new Exchange(current, ports.clock().instant());
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
            if (!message.fromCustomer()) {
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

    private static java.util.Optional<MessageId> lastCustomerMessage(Conversation c) {
        List<Message> t = c.transcript();
        for (int i = t.size() - 1; i >= 0; i--) {
            if (t.get(i).fromCustomer()) {
                return java.util.Optional.of(t.get(i).id());
            }
        }
        return java.util.Optional.empty();
    }
}
