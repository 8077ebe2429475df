package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.DeskId;
import java.util.function.Supplier;

/**
 * Serializes work on one customer's conversation with a desk. Keyed by desk and customer rather than
 * conversation id because the first message has no conversation yet. In one process
 * {@link InProcessConversationLocks}; across nodes a distributed lock implements it.
 */
public interface ConversationLocks {

    <T> T exclusively(DeskId desk, CustomerAddress customer, Supplier<T> work);
}
