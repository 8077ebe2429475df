package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.Operator;

/** An operator replied to or returned a conversation they have not taken over. */
public final class NotHeldByOperator extends IllegalStateException {
    public NotHeldByOperator(ConversationId id, ConversationState state, Operator operator) {
        super("operator " + operator.id() + " does not hold conversation " + id + " (state " + state + "); take it over first");
    }
}
