package dev.supportgateway.infra.storage;

import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Attachments;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The conversations' files (customers' and operators') in a folder ({@code gateway.data}/attachments), one file per
 * attachment under a random reference, spread over 256 sub-folders. A file is written under a temporary name, forced to disk and then
 * renamed, so a reference handed out always names a complete file, also after a crash.
 */
final class DiskAttachments implements Attachments {

    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern UNSAFE_IN_NAME = Pattern.compile("[\\p{Cntrl}/\\\\]");
    private static final int MAX_NAME_LENGTH = 200;

    private final Path root;

    DiskAttachments(Path root) {
        this.root = root;
    }

    @Override
    public Attachment keep(String name, String mediaType, InputStream content) throws IOException {
        String reference = UUID.randomUUID().toString().replace("-", "");
        Path file = path(reference);
        Files.createDirectories(file.getParent());
        Path part = file.resolveSibling(reference + ".part");
        long size;
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = Channels.newOutputStream(channel);
            size = content.transferTo(out);
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        try {
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        forceFolder(file.getParent());
        return new Attachment(safeName(name), mediaType, size, reference);
    }

    @Override
    public void discard(String storageRef) throws IOException {
        if (storageRef != null && REFERENCE.matcher(storageRef).matches()) {
            Files.deleteIfExists(path(storageRef));
        }
    }

    @Override
    public Optional<InputStream> open(String storageRef) throws IOException {
        if (storageRef == null || !REFERENCE.matcher(storageRef).matches()) {
            return Optional.empty();
        }
        Path file = path(storageRef);
        return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    /** The rename is durable once the folder's entry is on disk too; a system that cannot open a folder has no such step. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows refuses to open a folder for reading: its renames are ordered by the file system itself
        }
    }

    private Path path(String reference) {
        return root.resolve(reference.substring(0, 2)).resolve(reference);
    }

    /** The name as the sender's system gave it, without folders or control characters, and not endless. */
    static String safeName(String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String clean = UNSAFE_IN_NAME.matcher(base).replaceAll("").strip();
        return clean.length() > MAX_NAME_LENGTH ? clean.substring(clean.length() - MAX_NAME_LENGTH) : clean;
    }
}
