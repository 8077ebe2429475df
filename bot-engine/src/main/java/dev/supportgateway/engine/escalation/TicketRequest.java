package dev.supportgateway.engine.escalation;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the bot collected for a ticket: who asks, on which channel and tier, the identification by
 * {@link dev.supportgateway.engine.desk.IdentityField#id()}, the category, the description, and
 * whether the customer asked to be called back.
 */
public record TicketRequest(ConversationId conversation, DeskId desk, CustomerAddress customer, String customerName,
                            ChannelKind channel, String tier, String category, Map<String, String> identification,
                            String description, boolean callback, Instant requestedAt) {

    public TicketRequest {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(requestedAt, "requestedAt");
        identification = identification == null ? Map.of() : Map.copyOf(identification);
        description = description == null ? "" : description;
    }

    /** Without identification values and description: personal data. */
    @Override
    public String toString() {
        return "TicketRequest[conversation=" + conversation + ", desk=" + desk + ", customer=" + customer
                + ", channel=" + channel + ", tier=" + tier + ", category=" + category
                + ", identification=" + identification.keySet() + ", callback=" + callback + "]";
    }
}
