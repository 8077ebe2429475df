package dev.supportgateway.engine.conversation;

import dev.supportgateway.engine.desk.DeskId;
import java.util.List;
import java.util.Optional;

/** The store of conversations: one open conversation per customer per desk, saved with optimistic versions. */
public interface Conversations {

    /** The customer's conversation with the desk that is not CLOSED. */
    Optional<Conversation> findOpen(DeskId desk, CustomerAddress customer);

    Optional<Conversation> find(ConversationId id);

    /**
     * The customer's most recently closed conversation with the desk: the one a customer may reopen when
     * it was closed too early. Asked only when the customer has no open conversation with the desk.
     */
    Optional<Conversation> findLastClosed(DeskId desk, CustomerAddress customer);

    /**
     * The customer's conversations with the desk, closed ones and the open one included, the most recently changed
     * first, at most {@code limit}: what an operator reads of the customer before answering.
     */
    List<Conversation> ofCustomer(DeskId desk, CustomerAddress customer, int limit);

    /**
     * Stores {@code conversation} if the stored one is still at {@code conversation.version()} (0: none
     * stored yet) and returns it at the next version; otherwise throws {@link ConcurrentConversationChange}.
     * Throws {@link ConversationsUnavailable} when the store cannot take the save for now.
     * Messages and decisions are only ever appended, so a store may write just the new ones.
     */
    Conversation save(Conversation conversation);

    /**
     * Whether a customer message with this channel id was already stored for this customer and desk
     * (in any of their conversations, closed ones included): the idempotency check of inbound messages.
     */
    boolean received(DeskId desk, CustomerAddress customer, String externalId);

    /** The desk's conversations that are not CLOSED, longest waiting first, for the operator console. */
    List<ConversationSummary> open(DeskId desk);
}
