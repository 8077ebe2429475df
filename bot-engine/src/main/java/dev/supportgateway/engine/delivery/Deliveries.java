package dev.supportgateway.engine.delivery;

import dev.supportgateway.engine.conversation.Outbound;

/** Outbound delivery to customers; each channel (or the cross-node router in front of them) implements it. */
public interface Deliveries {

    /**
     * Hands a message to the customer's channel. The engine calls it only after the conversation with
     * this message is stored, so an implementation may queue and retry; it should not block for long.
     */
    void deliver(Outbound outbound);

    /** Shows the customer that an operator is writing, where the channel can; e-mail, for one, cannot. */
    default void typing(Typing typing) {
        // a channel without such a signal ignores it
    }
}
