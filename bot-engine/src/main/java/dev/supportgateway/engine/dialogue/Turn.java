package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.Outbound;
import java.util.List;

/**
 * What one call to the engine did: the conversation as stored afterwards, the messages added to its
 * transcript, and the replies handed to {@link dev.supportgateway.engine.delivery.Deliveries}.
 *
 * @param conversation the conversation after the call; on a duplicate, the customer's open conversation or null
 *                     when the redelivered message belonged to one closed since
 * @param duplicate    the inbound message was a redelivery and nothing changed
 */
public record Turn(Conversation conversation, List<Message> stored, List<Outbound> replies, boolean duplicate) {
    public Turn {
        stored = List.copyOf(stored);
        replies = List.copyOf(replies);
    }
}
