package dev.supportgateway.engine.delivery;

import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.escalation.Ticket;
import java.time.Instant;

/** Something the operator console shows as it happens. */
public sealed interface ConsoleEvent {

    ConversationSummary conversation();

    /** A customer wrote; while an operator holds the conversation only the operator sees it. */
    record CustomerWrote(ConversationSummary conversation, Message message) implements ConsoleEvent {
    }

    /** A ticket was registered and the conversation joined the operators' queue. */
    record Queued(ConversationSummary conversation, Ticket ticket) implements ConsoleEvent {
    }

    /** The customer reopened a request closed too early: it is back in the operators' queue under the same ticket. */
    record Reopened(ConversationSummary conversation, Ticket ticket) implements ConsoleEvent {
    }

    /** Service was stopped; a supervisor must look at the conversation. */
    record Flagged(ConversationSummary conversation, String reason) implements ConsoleEvent {
    }

    /**
     * The customer rated the service of a closed conversation (or rated it again); {@code servedBy} is the last
     * operator who wrote to them there, or null when only the bot did.
     */
    record ServiceRated(ConversationSummary conversation, boolean satisfied, Operator servedBy, Instant at) implements ConsoleEvent {
    }

    /** The operator holding the conversation handed it to a colleague, who holds it now. */
    record Transferred(ConversationSummary conversation, Operator from) implements ConsoleEvent {
    }

    /** An operator added an internal note: colleagues looking at the conversation see it at once. */
    record NoteAdded(ConversationSummary conversation, Operator author) implements ConsoleEvent {
    }

    /** The customer is writing to the operator holding the conversation: a signal for seconds, never stored. */
    record CustomerTyping(ConversationSummary conversation) implements ConsoleEvent {
    }

    /** The conversation changed state (taken over, returned to the bot, closed…). */
    record StateChanged(ConversationSummary conversation, ConversationState from) implements ConsoleEvent {
    }
}
