package dev.supportgateway.engine.conversation;

/** A conversation was changed by someone else (another node) since it was read; read it again and retry. */
public final class ConcurrentConversationChange extends RuntimeException {

    public ConcurrentConversationChange(ConversationId id, long readVersion, long storedVersion) {
        super("conversation " + id + " was read at version " + readVersion + " but is now at version " + storedVersion);
    }
}
