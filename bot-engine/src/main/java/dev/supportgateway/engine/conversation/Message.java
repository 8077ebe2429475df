package dev.supportgateway.engine.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a conversation's transcript, whoever wrote it.
 *
 * @param externalId the channel's id of a customer message (idempotency, e-mail threading); null for ours
 * @param actionId   the button the customer pressed, or null
 * @param inReplyTo  the message this one answers, or null
 */
public record Message(MessageId id, Author author, String text, List<Action> actions, String link,
                      List<Attachment> attachments, String externalId, String actionId, MessageId inReplyTo, Instant at) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        text = text == null ? "" : text;
        actions = actions == null ? List.of() : List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** What the customer sent, as it enters the transcript. */
    public static Message from(Inbound inbound, MessageId id) {
        return new Message(id, Author.customer(inbound.customerName()), inbound.text(), List.of(), null,
                inbound.attachments(), inbound.externalId(), inbound.actionId(), null, inbound.receivedAt());
    }

    public boolean fromCustomer() {
        return author.kind() == AuthorKind.CUSTOMER;
    }

    /** Whether the customer may see it: everything but an operator's internal note. */
    public boolean forCustomer() {
        return author.kind() != AuthorKind.NOTE;
    }

    /** Without the text: it may hold personal data. */
    @Override
    public String toString() {
        return "Message[id=" + id + ", author=" + author.kind() + ", action=" + actionId + ", at=" + at + "]";
    }
}
