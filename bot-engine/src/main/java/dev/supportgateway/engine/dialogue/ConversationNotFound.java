package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.ConversationId;

/** An operator command named a conversation the store does not have. */
public final class ConversationNotFound extends RuntimeException {
    public ConversationNotFound(ConversationId id) {
        super("no conversation " + id);
    }
}
