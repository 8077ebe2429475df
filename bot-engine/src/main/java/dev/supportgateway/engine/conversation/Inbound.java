package dev.supportgateway.engine.conversation;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a customer sent through a channel, as the channel adapter hands it to the engine.
 *
 * @param desk         the desk the channel belongs to
 * @param customer     where the customer is reached; its channel is the channel of this message
 * @param customerName the name the channel knows (Telegram first name, e-mail display name); may be null
 * @param externalId   the channel's id of this message (Telegram update id, e-mail Message-ID, widget
 *                     frame id): a second {@code Inbound} with the same desk, customer and external id is a
 *                     redelivery and changes nothing
 * @param text         what the customer wrote; empty when only a button was pressed or a file sent
 * @param actionId     the {@link Action#id()} of the button pressed, or null
 * @param attachments  files sent with the message
 * @param receivedAt   when the channel received it
 */
public record Inbound(DeskId desk, CustomerAddress customer, String customerName, String externalId, String text,
                      String actionId, List<Attachment> attachments, Instant receivedAt) {

    public Inbound {
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (externalId.isBlank()) {
            throw new IllegalArgumentException("an inbound message needs the channel's id for idempotency");
        }
        text = text == null ? "" : text;
        actionId = actionId == null || actionId.isBlank() ? null : actionId;
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A plain text message. */
    public static Inbound text(DeskId desk, CustomerAddress customer, String externalId, String text, Instant receivedAt) {
        return new Inbound(desk, customer, null, externalId, text, null, List.of(), receivedAt);
    }

    /** A button press. */
    public static Inbound action(DeskId desk, CustomerAddress customer, String externalId, String actionId, Instant receivedAt) {
        return new Inbound(desk, customer, null, externalId, "", actionId, List.of(), receivedAt);
    }

    public ChannelKind channel() {
        return customer.channel();
    }

    public Optional<String> action() {
        return Optional.ofNullable(actionId);
    }

    /** Without the text: it may hold personal data. */
    @Override
    public String toString() {
        return "Inbound[desk=" + desk + ", customer=" + customer + ", externalId=" + externalId
                + ", action=" + actionId + ", attachments=" + attachments.size() + ", receivedAt=" + receivedAt + "]";
    }
}
