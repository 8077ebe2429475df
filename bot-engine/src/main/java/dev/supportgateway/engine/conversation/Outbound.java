package dev.supportgateway.engine.conversation;

import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message to deliver to a customer on the channel they used. Channels render {@code actions} as
 * buttons where they can (Telegram inline keyboard, widget) and as a numbered list elsewhere (e-mail),
 * {@code link} as a link after the text, and {@code attachments} (files an operator sends) as files the customer can open.
 *
 * @param inReplyTo           our id of the customer message this answers, or null
 * @param replyToExternalId   the channel's id of that customer message (the e-mail Message-ID for In-Reply-To), or null
 */
public record Outbound(MessageId id, ConversationId conversation, DeskId desk, ChannelKind channel,
                       CustomerAddress customer, Author author, String text, List<Action> actions, String link,
                       List<Attachment> attachments, Instant createdAt, MessageId inReplyTo, String replyToExternalId) {

    public Outbound {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(createdAt, "createdAt");
        text = text == null ? "" : text;
        actions = actions == null ? List.of() : List.copyOf(actions);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** The delivery of a transcript message of {@code conversation}; an internal note is never delivered. */
    public static Outbound of(Conversation conversation, Message message) {
        if (!message.forCustomer()) {
            throw new IllegalArgumentException("message " + message.id() + " is an internal note, not for the customer");
        }
        String replyToExternal = message.inReplyTo() == null ? null
                : conversation.message(message.inReplyTo()).map(Message::externalId).orElse(null);
        return new Outbound(message.id(), conversation.id(), conversation.desk(), conversation.customer().channel(),
                conversation.customer(), message.author(), message.text(), message.actions(), message.link(),
                message.attachments(), message.at(), message.inReplyTo(), replyToExternal);
    }

    /** Without the text: it may hold personal data. */
    @Override
    public String toString() {
        return "Outbound[id=" + id + ", conversation=" + conversation + ", desk=" + desk + ", customer=" + customer
                + ", author=" + author.kind() + ", actions=" + actions.size() + ", attachments=" + attachments.size() + "]";
    }
}
