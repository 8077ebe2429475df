package dev.supportgateway.engine.conversation;

import java.util.Objects;

/**
 * A file of a conversation, sent by the customer or an operator: the engine never holds the bytes, only where the channel stored them
 * ({@code storageRef}, e.g. a blob key or a Telegram file id).
 */
public record Attachment(String name, String mediaType, long size, String storageRef) {

    public Attachment {
        Objects.requireNonNull(storageRef, "storageRef");
        name = name == null || name.isBlank() ? "attachment" : name;
        mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
        if (size < 0) {
            throw new IllegalArgumentException("an attachment size must not be negative: " + size);
        }
    }
}
