package dev.supportgateway.engine.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where the files of a conversation are kept: a channel keeps a customer's file here before it hands the message to
 * the engine (so an accepted message never points to a lost file), the console keeps an operator's file before
 * sending it, and each side reads the other's back by its reference.
 */
public interface Attachments {

    /**
     * Keeps {@code content} durably and returns the attachment that names it.
     *
     * @throws IOException when the file cannot be kept; nothing half-written is left behind
     */
    Attachment keep(String name, String mediaType, InputStream content) throws IOException;

    /** The content of the file kept under {@code storageRef}, or empty when there is none (or the reference is malformed). */
    Optional<InputStream> open(String storageRef) throws IOException;

    /** Removes a kept file that no message refers to (its message was refused, or was a resend already taken). */
    void discard(String storageRef) throws IOException;
}
