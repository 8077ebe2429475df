package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.delivery.ConsoleEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One call's work on one conversation before it is stored: the conversation as it becomes, the
 * messages added, and the console events to publish once the store has accepted it.
 */
final class Exchange {

    private Conversation conversation;
    private final ConversationState initialState;
    private final Instant now;
    private final List<Message> added = new ArrayList<>();
    private final List<Function<ConversationSummary, ConsoleEvent>> events = new ArrayList<>();
    private MessageId answering;

    Exchange(Conversation conversation, Instant now) {
        this.conversation = conversation;
        this.initialState = conversation.state();
        this.now = now;
    }

    Conversation conversation() {
        return conversation;
    }

    void update(Function<Conversation, Conversation> change) {
        conversation = change.apply(conversation);
    }

    Instant now() {
        return now;
    }

    ConversationState initialState() {
        return initialState;
    }

    /** Adds a customer's message; later messages of this exchange answer it. */
    void customerSaid(Message message) {
        conversation = conversation.append(message);
        added.add(message);
        answering = message.id();
    }

    Message say(Author author, String text, List<Action> actions, String link) {
        return say(author, text, actions, link, List.of());
    }

    Message say(Author author, String text, List<Action> actions, String link, List<Attachment> files) {
        Message message = new Message(MessageId.random(), author, text, actions, link, files, null, null, answering, now);
        conversation = conversation.append(message);
        added.add(message);
        return message;
    }

    /** Adds an operator's internal note: in the transcript for colleagues, never delivered, answering nothing. */
    Message note(Operator operator, String text) {
        Message message = new Message(MessageId.random(), Author.note(operator), text, List.of(), null, List.of(), null, null, null, now);
        conversation = conversation.append(message);
        added.add(message);
        return message;
    }

    Message say(Author author, String text) {
        return say(author, text, List.of(), null);
    }

    void decide(BotDecision decision) {
        conversation = conversation.record(decision);
    }

    void decide(DecisionRule rule, String reason) {
        decide(BotDecision.of(answering, rule, reason, now));
    }

    /** Later messages of this exchange answer {@code message}. */
    void answer(MessageId message) {
        answering = message;
    }

    MessageId answering() {
        return answering;
    }

    /** Moves unless already there; a move the state machine forbids throws {@link dev.supportgateway.engine.conversation.IllegalTransition}. */
    void moveTo(ConversationState target) {
        if (conversation.state() != target) {
            conversation = conversation.moveTo(target, now);
        }
    }

    void publish(Function<ConversationSummary, ConsoleEvent> event) {
        events.add(event);
    }

    List<Message> added() {
        return List.copyOf(added);
    }

    boolean changed() {
        return !added.isEmpty() || conversation.state() != initialState || events.size() > 0;
    }

    List<ConsoleEvent> events(ConversationSummary stored) {
        List<ConsoleEvent> out = new ArrayList<>();
        events.forEach(e -> out.add(e.apply(stored)));
        if (stored.state() != initialState) {
            out.add(new ConsoleEvent.StateChanged(stored, initialState));
        }
        return out;
    }
}
