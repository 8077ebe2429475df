package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.Operator;

/** An operator tried to take or act on a conversation another operator holds: one conversation, one operator. */
public final class HeldByAnotherOperator extends IllegalStateException {

    private final transient Operator holder;

    public HeldByAnotherOperator(ConversationId id, Operator holder, Operator requester) {
        super("conversation " + id + " is held by operator " + holder.displayName() + " (" + holder.id()
                + "); operator " + requester.id() + " cannot act on it until it is returned to the bot or closed");
        this.holder = holder;
    }

    public Operator holder() {
        return holder;
    }
}
