package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.DeskId;
import java.util.List;
import java.util.Objects;

/**
 * The dialogue core's entry points: customers' messages come in through {@link #receive}, operators
 * act through the other methods. Safe to call concurrently; work on one customer's conversation is
 * serialized by {@link ConversationLocks}, and each call stores the conversation before anything is
 * delivered, so a channel may acknowledge its source as soon as {@code receive} returns.
 */
public final class ConversationEngine {

    private final DialoguePorts ports;
    private final BotPhrases phrases;

    public ConversationEngine(DialoguePorts ports, BotPhrases phrases) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.phrases = Objects.requireNonNull(phrases, "phrases");
    }

    /**
     * Stores a customer's message in their open conversation with the desk (opening one if none) and
     * lets the bot answer unless an operator holds it. A redelivered message returns a duplicate turn
     * and changes nothing.
     *
     * @throws UnknownDesk when the desk is not configured
     */
    public Turn receive(Inbound inbound) {
        throw new UnsupportedOperationException("being implemented");
    }

    /**
     * {@code operator} takes the conversation over: the bot falls silent and the customer is told a
     * person joined. Taking over one's own conversation again changes nothing.
     *
     * @throws HeldByAnotherOperator when another operator holds it
     * @throws dev.supportgateway.engine.conversation.IllegalTransition when it is CLOSED or SUSPENDED
     */
    public Turn takeOver(ConversationId id, Operator operator) {
        throw new UnsupportedOperationException("being implemented");
    }

    /**
     * Sends the operator's text to the customer.
     *
     * @throws NotHeldByOperator unless {@code operator} holds the conversation
     * @throws ForbiddenWordsInReply when the text uses a word the desk's conduct forbids
     */
    public Turn reply(ConversationId id, Operator operator, String text) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** Hands the conversation back to the bot; the customer is told. @throws NotHeldByOperator unless {@code operator} holds it */
    public Turn returnToBot(ConversationId id, Operator operator) {
        throw new UnsupportedOperationException("being implemented");
    }

    /**
     * Closes the conversation. When the desk asks before closing (eorder) the first call asks the
     * customer «Остались ли у вас вопросы?» and moves to CLOSING; the customer's «нет», or a second
     * call, closes it.
     *
     * @throws HeldByAnotherOperator when another operator holds it
     */
    public Turn close(ConversationId id, Operator operator) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** A supervisor resumes service of a SUSPENDED conversation: the bot serves the customer again, warnings start over. */
    public Turn resume(ConversationId id, Operator supervisor) {
        throw new UnsupportedOperationException("being implemented");
    }

    /** The desk's open conversations for the console, longest waiting first. */
    public List<ConversationSummary> open(DeskId desk) {
        return ports.conversations().open(desk);
    }

    /** The desk's conversations where service was stopped and a supervisor should look. */
    public List<ConversationSummary> flagged(DeskId desk) {
        return open(desk).stream().filter(ConversationSummary::flagged).toList();
    }
}
