package dev.supportgateway.engine.conversation;

/** A conversation was asked to move to a state its current state does not lead to. */
public final class IllegalTransition extends IllegalStateException {

    private final ConversationId conversation;
    private final ConversationState from;
    private final ConversationState to;

    public IllegalTransition(ConversationId conversation, ConversationState from, ConversationState to) {
        super("conversation " + conversation + " cannot move from " + from + " to " + to + "; from " + from
                + " it may move to " + from.next());
        this.conversation = conversation;
        this.from = from;
        this.to = to;
    }

    public ConversationId conversation() {
        return conversation;
    }

    public ConversationState from() {
        return from;
    }

    public ConversationState to() {
        return to;
    }
}
