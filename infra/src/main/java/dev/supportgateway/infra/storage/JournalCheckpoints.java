package dev.supportgateway.infra.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The life of the journal of conversation saves: at start-up, before anything is served, it replays what the
 * embedded database lost when the process stopped. Then a save stays in memory and in the journal for up to
 * {@code every}, after which it is written to the database with the conversation's other saves of that time (a row and
 * a batch of entries per conversation). The work is spread out: the journal starts a new file every
 * {@code every}/{@value #FILES} and each round writes the conversations whose oldest unwritten save is that old, so
 * that the database never writes a burst whose disk traffic would hold up the journal's own forced writes. Files
 * whose saves the database has all stored are deleted. A clean stop writes everything and leaves an empty journal.
 */
final class JournalCheckpoints implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(JournalCheckpoints.class);

    private static final long SLOW_CHECKPOINT_MILLIS = 500;
    /** Into how many journal files, and rounds, {@code every} is divided. */
    static final int FILES = 30;
    private static final Duration SHORTEST_ROUND = Duration.ofMillis(100);

    private final JdbcConversations conversations;
    private final SaveJournal journal;
    private final Duration every;
    /** Closed files waiting until the database has stored all their saves. */
    private final List<Path> closed = new ArrayList<>();
    private final ScheduledExecutorService rounds;
    private volatile boolean running;

    /**
     * Does nothing when {@code conversations} has no journal (its database's commits are durable).
     *
     * @param rounds the thread the rounds run on; this owns it from now on and shuts it down when it stops
     */
    JournalCheckpoints(JdbcConversations conversations, Duration every, ScheduledExecutorService rounds) {
        this.conversations = conversations;
        this.journal = conversations.journal();
        this.every = every;
        this.rounds = rounds;
    }

    @Override
    public void start() {
        running = true;
        if (journal == null) {
            return;
        }
        List<SaveRows> recorded = journal.recorded();
        int applied = conversations.replay(recorded);
        synchronized (closed) {
            closed.addAll(journal.open());
        }
        if (!recorded.isEmpty()) {
            LOG.info("journal {}: {} saves recorded, {} of them were missing from the database and are applied again",
                    journal.folder(), recorded.size(), applied);
        }
        // stores what was replayed, then deletes the files it came from
        checkpoint(Rotation.NONE);
        long round = Math.max(every.toMillis() / FILES, SHORTEST_ROUND.toMillis());
        rounds.scheduleWithFixedDelay(this::round, round, round, TimeUnit.MILLISECONDS);
    }

    /** A scheduled round; an idle gateway neither starts journal files nor asks the database to store anything. */
    void round() {
        synchronized (closed) {
            if (closed.isEmpty() && conversations.idle()) {
                return;
            }
        }
        checkpoint(Rotation.NEXT_FILE, FILES);
    }

    /** What a checkpoint does with the journal's current file before the database stores its transactions. */
    enum Rotation { NONE, NEXT_FILE, LAST_FILE }

    /** Closes the current journal file as {@code rotation} says and writes every save to the database (see below). */
    void checkpoint(Rotation rotation) {
        checkpoint(rotation, 0);
    }

    /**
     * Closes the current journal file as {@code rotation} says, writes to the database the conversations whose oldest
     * unwritten save is {@code age} files old (0: all), and once the database has stored them deletes the journal
     * files it no longer needs.
     */
    private void checkpoint(Rotation rotation, int age) {
        synchronized (closed) {
            try {
                long started = System.nanoTime();
                List<UnflushedSaves.Flush> toWrite = List.of();
                if (rotation != Rotation.NONE) {
                    JdbcConversations.RotatedJournal rotated = conversations.rotateJournal(rotation == Rotation.LAST_FILE, age);
                    closed.add(rotated.closedFile());
                    toWrite = rotated.toWrite();
                }
                if (!conversations.flush(toWrite)) {
                    LOG.warn("some conversations could not be written to the database; their journal files are kept");
                }
                long oldest = conversations.oldestUnflushedSegment();
                List<Path> stored = closed.stream().filter(file -> SaveJournal.segment(file) < oldest).toList();
                if (!stored.isEmpty()) {
                    conversations.checkpoint();
                    journal.delete(stored);
                    closed.removeAll(stored);
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis >= SLOW_CHECKPOINT_MILLIS) {
                    LOG.info("journal checkpoint wrote {} conversations in {} ms", toWrite.size(), millis);
                }
            } catch (RuntimeException e) {
                // the files stay until a later checkpoint succeeds; replaying them is harmless
                LOG.warn("journal checkpoint failed, {} files are kept: {}", closed.size(), e.toString());
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        // not shutdownNow: an interrupt during H2's file I/O closes its file channel, and with it the database
        rounds.shutdown();
        if (journal == null) {
            return;
        }
        try {
            rounds.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        checkpoint(Rotation.LAST_FILE);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before anything else starts (the web server, the channels), and stops after them. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }
}
