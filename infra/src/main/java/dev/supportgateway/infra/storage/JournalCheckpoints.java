package dev.supportgateway.infra.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The life of the journal of conversation saves: at start-up, before anything is served, it replays what the
 * embedded database lost when the process stopped; then, every {@code every}, it starts a new journal file, makes
 * the database store its committed transactions, and deletes the files that are now stored; at shutdown it does
 * that once more, so a clean stop leaves an empty journal.
 */
final class JournalCheckpoints implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(JournalCheckpoints.class);

    private static final long SLOW_CHECKPOINT_MILLIS = 500;

    private final JdbcConversations conversations;
    private final SaveJournal journal;
    private final Duration every;
    /** Closed files waiting for a checkpoint that succeeds. */
    private final List<Path> closed = new ArrayList<>();
    private ScheduledExecutorService rounds;
    private volatile boolean running;

    /** Does nothing when {@code conversations} has no journal (its database's commits are durable). */
    JournalCheckpoints(JdbcConversations conversations, Duration every) {
        this.conversations = conversations;
        this.journal = conversations.journal();
        this.every = every;
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
        rounds = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("journal-checkpoints").daemon().factory());
        rounds.scheduleWithFixedDelay(() -> checkpoint(Rotation.NEXT_FILE), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What a checkpoint does with the journal's current file before the database stores its transactions. */
    enum Rotation { NONE, NEXT_FILE, LAST_FILE }

    /** Closes the current journal file as {@code rotation} says, then stores the database and deletes the stored files. */
    void checkpoint(Rotation rotation) {
        synchronized (closed) {
            try {
                if (rotation != Rotation.NONE) {
                    closed.add(conversations.rotateJournal(rotation == Rotation.LAST_FILE));
                }
                if (closed.isEmpty()) {
                    return;
                }
                long started = System.nanoTime();
                conversations.checkpoint();
                journal.delete(closed);
                closed.clear();
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis >= SLOW_CHECKPOINT_MILLIS) {
                    // saves wait while H2 stores, so a slow checkpoint shows up as slow replies
                    LOG.info("journal checkpoint took {} ms", millis);
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
        if (journal == null) {
            return;
        }
        if (rounds != null) {
            rounds.shutdownNow();
            try {
                rounds.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
