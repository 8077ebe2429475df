package dev.supportgateway.engine.conversation;

/** The conversation store cannot take a save for now (nothing of it is kept); the customer may send again later. */
public final class ConversationsUnavailable extends RuntimeException {

    public ConversationsUnavailable(String message) {
        super(message);
    }
}
