package dev.supportgateway.infra.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saves of conversations written ahead to append-only files, so that the embedded database may write its
 * pages lazily: a save is acknowledged once its record is forced to disk, replayed at start-up if the database
 * lost it, and its file deleted once the database has stored everything in it.
 *
 * <p>Records are {@code length, CRC32C, payload}; a record torn by a killed process fails its length or checksum
 * and ends the replay of its file (such a save was never acknowledged). Not thread-safe: the writer of
 * {@link JdbcConversations} appends and rotates under its lock.
 */
final class SaveJournal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SaveJournal.class);
    private static final String PREFIX = "saves-";
    private static final String SUFFIX = ".journal";
    /** Far above any save (message texts are size-limited by the channels); a bigger length means a torn record. */
    private static final int MAX_RECORD = 64 << 20;
    /** The first byte of a record; records of the first format (rows of entries) began with 0. */
    private static final byte FORMAT = 2;

    private final Path folder;
    /**
     * A stream, not a {@link java.nio.channels.FileChannel}: a channel is closed for good when a thread writing to it
     * is interrupted, as request threads are when the web server stops, and every later save would fail.
     */
    private FileOutputStream current;
    private Path currentPath;
    private long nextSegment;
    private volatile long appended;
    private volatile long appendedBeforeCurrentFile;
    /** Bytes in the folder's files: what the database still needs, and files not yet deleted. */
    private final AtomicLong keptBytes = new AtomicLong();

    SaveJournal(Path folder) {
        this.folder = folder;
    }

    /** The journal's folder. */
    Path folder() {
        return folder;
    }

    /** Every save recorded in the folder's files, oldest first; call before {@link #open()}. */
    List<SaveRows> recorded() {
        List<SaveRows> saves = new ArrayList<>();
        for (Path segment : segments()) {
            read(segment, saves);
        }
        return saves;
    }

    /** Starts a new file after the existing ones; returns the existing ones, to delete once the database holds them. */
    List<Path> open() {
        try {
            Files.createDirectories(folder);
            List<Path> existing = segments();
            for (Path segment : existing) {
                keptBytes.addAndGet(Files.size(segment));
            }
            nextSegment = existing.isEmpty() ? 1 : segment(existing.getLast()) + 1;
            startSegment();
            return existing;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal of conversation saves in " + folder, e);
        }
    }

    /**
     * Writes the records of saves {@link #encode encoded} beforehand (outside the writer's lock) and forces them to
     * disk; when this returns, the saves survive a killed process.
     */
    void append(List<byte[]> payloads) {
        if (current == null) {
            throw new IllegalStateException("the journal in " + folder + " is not open");
        }
        try {
            int size = 0;
            for (byte[] payload : payloads) {
                size += payload.length + 8;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(size);
            DataOutputStream out = new DataOutputStream(bytes);
            for (byte[] payload : payloads) {
                out.writeInt(payload.length);
                out.writeInt(checksum(payload));
                out.write(payload);
            }
            bytes.writeTo(current);
            current.getFD().sync();
            appended += payloads.size();
            keptBytes.addAndGet(bytes.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the journal " + currentPath, e);
        }
    }

    /** Closes the current file and starts the next; returns the closed one (every save in it is committed). */
    Path rotate() {
        Path closed = currentPath;
        try {
            current.close();
            startSegment();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a new journal file in " + folder, e);
        }
        return closed;
    }

    /** Closes the current file for good (saves after this fail) and returns it. */
    Path finish() {
        Path last = currentPath;
        close();
        return last;
    }

    /** Deletes files whose saves the database has stored. */
    void delete(List<Path> segments) {
        for (Path segment : segments) {
            try {
                long size = Files.size(segment);
                Files.delete(segment);
                keptBytes.addAndGet(-size);
            } catch (NoSuchFileException e) {
                // gone already: nothing to replay from it
            } catch (IOException e) {
                // replaying it again later is harmless: a save already stored is skipped by its version
                LOG.warn("could not delete the replayed journal file {}: {}", segment, e.toString());
            }
        }
    }

    /** Whether no save was appended to the current file (read without the writer's lock, so only a hint). */
    boolean currentFileEmpty() {
        return appended == appendedBeforeCurrentFile;
    }

    /** How many bytes the journal's files hold. */
    long keptBytes() {
        return keptBytes.get();
    }

    /** How many saves were appended since the journal was opened. */
    long appended() {
        return appended;
    }

    @Override
    public void close() {
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.warn("could not close the journal {}: {}", currentPath, e.toString());
            }
            current = null;
        }
    }

    private void startSegment() throws IOException {
        currentPath = folder.resolve(PREFIX + "%019d".formatted(nextSegment++) + SUFFIX);
        appendedBeforeCurrentFile = appended;
        Files.createFile(currentPath);
        current = new FileOutputStream(currentPath.toFile(), true);
    }

    private List<Path> segments() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().startsWith(PREFIX) && p.getFileName().toString().endsWith(SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal folder " + folder, e);
        }
    }

    /** The number of the file being appended to; files are numbered in the order they are written. */
    long currentSegment() {
        return nextSegment - 1;
    }

    /** The number of a journal file. */
    static long segment(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
    }

    private static void read(Path segment, List<SaveRows> into) {
        byte[] file;
        try {
            file = Files.readAllBytes(segment);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the journal file " + segment, e);
        }
        ByteBuffer in = ByteBuffer.wrap(file);
        int records = 0;
        while (in.remaining() > 0) {
            int start = in.position();
            if (in.remaining() < 8) {
                torn(segment, start, records, "a record header cut short");
                return;
            }
            int length = in.getInt();
            int checksum = in.getInt();
            if (length < 0 || length > MAX_RECORD || length > in.remaining()) {
                torn(segment, start, records, "a record length of " + length + " with " + in.remaining() + " bytes left");
                return;
            }
            byte[] payload = new byte[length];
            in.get(payload);
            if (checksum(payload) != checksum) {
                torn(segment, start, records, "a checksum that does not match");
                return;
            }
            if (payload.length > 0 && payload[0] != FORMAT) {
                // whole and checked, so not torn: skipping it would lose an acknowledged save
                throw new IllegalStateException("journal file " + segment + " holds saves in the format of an earlier"
                        + " version of the gateway (record " + records + "); start that version once so that it applies"
                        + " and deletes them, then this one");
            }
            try {
                into.add(decode(payload));
            } catch (IOException | RuntimeException e) {
                torn(segment, start, records, "an unreadable record (" + e + ")");
                return;
            }
            records++;
        }
    }

    private static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static void torn(Path segment, int offset, int records, String what) {
        // the process stopped while writing this record, so its save was never acknowledged
        LOG.warn("journal file {} ends at byte {} in {}; the {} records before it are replayed", segment, offset, what, records);
    }

    static byte[] encode(SaveRows save) throws IOException {
        // room for the entries' text in UTF-8 (two bytes a Cyrillic letter) and the row: growing from a small buffer
        // copied each record two or three times
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024 + 2 * save.entries().chars());
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(FORMAT);
        writeText(out, save.conversationId());
        out.writeLong(save.version());
        out.writeBoolean(save.created());
        out.writeInt(save.columns().size());
        for (Map.Entry<String, Object> column : save.columns().entrySet()) {
            writeText(out, column.getKey());
            writeValue(out, column.getValue());
        }
        SaveRows.Entries entries = save.entries();
        out.writeInt(entries.messagesFrom());
        out.writeInt(entries.decisionsFrom());
        out.writeInt(entries.feedbackFrom());
        for (List<String> texts : List.of(entries.messages(), entries.decisions(), entries.feedback(), save.received())) {
            out.writeInt(texts.size());
            for (String text : texts) {
                writeText(out, text);
            }
        }
        out.flush();
        return bytes.toByteArray();
    }

    static SaveRows decode(byte[] payload) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
        int format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("a record of format " + format + ", not " + FORMAT);
        }
        String id = readText(in);
        long version = in.readLong();
        boolean created = in.readBoolean();
        int columns = in.readInt();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns; i++) {
            values.put(readText(in), readValue(in));
        }
        int messagesFrom = in.readInt();
        int decisionsFrom = in.readInt();
        int feedbackFrom = in.readInt();
        List<List<String>> lists = new ArrayList<>(4);
        for (int list = 0; list < 4; list++) {
            int size = in.readInt();
            if (size < 0 || size > MAX_RECORD) {
                throw new IOException("a list of " + size + " entries");
            }
            List<String> read = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                read.add(readText(in));
            }
            lists.add(read);
        }
        if (in.read() != -1) {
            throw new IOException("bytes after the record's end");
        }
        return new SaveRows(id, version, created, values,
                new SaveRows.Entries(messagesFrom, lists.get(0), decisionsFrom, lists.get(1), feedbackFrom, lists.get(2)),
                lists.get(3));
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_RECORD) {
            throw new IOException("a text of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void writeValue(DataOutputStream out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeByte(0);
            case String s -> {
                out.writeByte(1);
                writeText(out, s);
            }
            case Integer i -> {
                out.writeByte(2);
                out.writeInt(i);
            }
            case Long l -> {
                out.writeByte(3);
                out.writeLong(l);
            }
            case Double d -> {
                out.writeByte(4);
                out.writeDouble(d);
            }
            case Boolean b -> {
                out.writeByte(5);
                out.writeBoolean(b);
            }
            case OffsetDateTime t -> {
                out.writeByte(6);
                Instant at = t.toInstant();
                out.writeLong(at.getEpochSecond());
                out.writeInt(at.getNano());
            }
            default -> throw new IllegalArgumentException("a column value of type " + value.getClass().getName()
                    + " cannot be journaled");
        }
    }

    private static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readByte();
        return switch (tag) {
            case 0 -> null;
            case 1 -> readText(in);
            case 2 -> in.readInt();
            case 3 -> in.readLong();
            case 4 -> in.readDouble();
            case 5 -> in.readBoolean();
            case 6 -> Instant.ofEpochSecond(in.readLong(), in.readInt()).atOffset(ZoneOffset.UTC);
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    /** For tests: the path of the file being appended to. */
    Path currentFile() {
        return currentPath;
    }
}
