package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.ConversationsUnavailable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The storage rules on the embedded default as the gateway runs it: saves acknowledged by the journal and written to
 * the H2 file behind it, at each checkpoint. Every rule of the contract holds before the flush as after it.
 */
class H2WriteBehindStorageTest extends StorageContract {

    @TempDir
    static Path data;
    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase(() -> TestDatabases.h2(data));
    private Path journalFolder;
    private JournalCheckpoints checkpoints;

    @Override
    DataSource dataSource() {
        return database.dataSource();
    }

    @Override
    JdbcConversations conversations(JdbcTemplate jdbc, JdbcTransactionManager transactions) {
        try {
            journalFolder = Files.createTempDirectory(data, "journal");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JdbcConversations writtenBehind = new JdbcConversations(jdbc, transactions, JdbcConversations.DEFAULT_CACHED,
                new SaveJournal(journalFolder));
        // a checkpoint only when the test asks for one
        checkpoints = new JournalCheckpoints(writtenBehind, Duration.ofHours(1), Executors.newSingleThreadScheduledExecutor());
        checkpoints.start();
        return writtenBehind;
    }

    @AfterEach
    void stopCheckpoints() {
        checkpoints.stop();
    }

    @Override
    void flushed() {
        checkpoints.checkpoint(JournalCheckpoints.Rotation.NEXT_FILE);
        assertThat(conversations.unflushedConversations()).isZero();
    }

    @Override
    boolean nodesShareTheDatabase() {
        return false;
    }

    @Test
    void aCallerInterruptedWhileItsSaveWaitsForTheWriterGetsItSavedAndKeepsTheInterrupt() throws Exception {
        Conversation opened = Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("добрый день", "tg-1", T0));
        CompletableFuture<Boolean> stillInterrupted = new CompletableFuture<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuWhileWaiting;
        conversations.writer.lock();
        try {
            // as when the web server stops while a request waits for its save
            Thread caller = Thread.ofPlatform().start(() -> {
                Thread.currentThread().interrupt();
                conversations.save(opened);
                stillInterrupted.complete(Thread.currentThread().isInterrupted());
            });
            while (conversations.queued() < 1) {
                Thread.onSpinWait();
            }
            long before = threads.getThreadCpuTime(caller.threadId());
            Thread.sleep(300);
            cpuWhileWaiting = threads.getThreadCpuTime(caller.threadId()) - before;
        } finally {
            conversations.writer.unlock();
        }

        assertThat(cpuWhileWaiting).as("the waiting caller parks, it does not spin on its interrupt")
                .isLessThan(TimeUnit.MILLISECONDS.toNanos(100));
        assertThat(stillInterrupted.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(conversations.find(opened.id())).get().extracting(Conversation::version).isEqualTo(1L);
    }

    @Test
    void anAcknowledgedSaveIsServedFromMemoryUntilTheCheckpointWritesItAsOneRowAndOneBatch() {
        Conversation opened = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("добрый день", "tg-1", T0)));
        Conversation answered = conversations.save(opened.append(customerMessage("как подписать документ", "tg-2", T0.plusSeconds(5))));
        Conversation waiting = conversations.save(answered.moveTo(ConversationState.WAITING_FOR_OPERATOR, T0.plusSeconds(10)));

        assertThat(count("conversation")).as("nothing in SQL before the checkpoint").isZero();
        assertThat(conversations.find(waiting.id())).contains(waiting);
        assertThat(conversations.findOpen(EDOC, IVAN)).contains(waiting);
        assertThat(conversations.received(EDOC, IVAN, "tg-2")).isTrue();
        assertThat(conversations.open(EDOC)).extracting(ConversationSummary::id).containsExactly(waiting.id());

        flushed();

        assertThat(count("conversation")).isOne();
        assertThat(count("conversation_entries")).as("three saves, one batch").isOne();
        assertThat(uncached().find(waiting.id())).contains(waiting);
        assertThat(uncached().received(EDOC, IVAN, "tg-1")).isTrue();
        assertThat(conversations.findOpen(EDOC, IVAN)).contains(waiting);
    }

    @Test
    void aConversationClosedSinceTheLastCheckpointIsNoLongerOpenThoughSqlStillSaysSo() {
        Conversation open = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("добрый день", "tg-1", T0)));
        flushed();
        Conversation closed = conversations.save(open.moveTo(ConversationState.CLOSED, T0.plusSeconds(60)));

        assertThat(uncached().findOpen(EDOC, IVAN)).as("SQL's row is a checkpoint behind").isPresent();
        assertThat(conversations.findOpen(EDOC, IVAN)).isEmpty();
        assertThat(conversations.open(EDOC)).isEmpty();
        assertThat(conversations.findLastClosed(EDOC, IVAN)).contains(closed);
        Conversation next = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0.plusSeconds(90)));
        assertThat(conversations.findOpen(EDOC, IVAN)).contains(next);
        assertThat(conversations.received(EDOC, IVAN, "tg-1")).isTrue();

        flushed();
        assertThat(uncached().findOpen(EDOC, IVAN)).contains(next);
        assertThat(uncached().findLastClosed(EDOC, IVAN)).contains(closed);
    }

    @Test
    void aConversationTheCheckpointCannotWriteKeepsItsSavesAndJournalWhileTheOthersAreWritten() throws IOException {
        Conversation blocked = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("добрый день", "tg-1", T0)));
        Conversation other = conversations.save(Conversation.open(ConversationId.random(), EDOC, customer("other"), null, null, T0)
                .append(customerMessage("вопрос", "o-1", T0)));
        // a row that should not be there takes the id the checkpoint inserts
        jdbc.update("insert into conversation (id, desk, channel, address, state, identification, warnings, opened_at,"
                + " updated_at, last_message_at, version) values (?, 'konus', 'email', 'x@example.kz', 'CLOSED', '{}', 0,"
                + " current_timestamp, current_timestamp, current_timestamp, 7)", blocked.id().value());

        checkpoints.checkpoint(JournalCheckpoints.Rotation.NEXT_FILE);

        assertThat(conversations.unflushedConversations()).isOne();
        assertThat(uncached().find(other.id())).contains(other);
        assertThat(conversations.find(blocked.id())).contains(blocked);
        assertThat(journalFiles()).as("the journal keeps the file with the unwritten save").isEqualTo(2);

        jdbc.update("delete from conversation where id = ?", blocked.id().value());
        flushed();
        assertThat(uncached().find(blocked.id())).contains(blocked);
        assertThat(journalFiles()).as("only the current file").isEqualTo(1);
    }

    @Test
    void entriesTooLongForOneBatchAreWrittenInSeveralAndReadBackWhole() {
        Conversation c = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0));
        String letter = "Добрый день! " + "Подробности ошибки при подписании документа. ".repeat(90);
        for (int i = 0; i < 100; i++) {
            c = conversations.save(c.append(customerMessage(letter + i, "mail-" + i, T0.plusSeconds(i))));
        }

        flushed();

        assertThat(count("conversation_entries")).as("about 420,000 characters of JSON").isGreaterThan(1);
        assertThat(uncached().find(c.id())).contains(c);
        assertThat(uncached().received(EDOC, IVAN, "mail-99")).isTrue();
    }

    @Test
    void anIdleGatewayNeitherStartsJournalFilesNorWritesTheDatabaseAndABusyOneWritesOnlyWhatIsDue() {
        Path current = conversations.journal().currentFile();

        checkpoints.round();
        checkpoints.round();

        assertThat(conversations.journal().currentFile()).isEqualTo(current);
        Conversation saved = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0));
        checkpoints.round();
        assertThat(conversations.journal().currentFile()).isNotEqualTo(current);
        assertThat(conversations.unflushedConversations()).as("a save is written once it is %d files old",
                JournalCheckpoints.FILES).isOne();
        for (int round = 1; round <= JournalCheckpoints.FILES; round++) {
            checkpoints.round();
        }
        assertThat(conversations.unflushedConversations()).isZero();
        assertThat(uncached().find(saved.id())).contains(saved);
    }

    @Test
    void aCleanStopWritesEverySaveAndLeavesAnEmptyJournal() {
        Conversation saved = conversations.save(escalating(IVAN, T0));

        checkpoints.stop();

        assertThat(journalFolder).isEmptyDirectory();
        assertThat(uncached().find(saved.id())).contains(saved);
    }

    @Test
    void whileTheDatabaseTakesNoSavesFurtherConversationsAreRefusedAndTheOnesInMemoryGoOn() throws IOException {
        try (Limited store = limited(2, JdbcConversations.DEFAULT_MAX_JOURNAL_BYTES)) {
            JdbcConversations limited = store.conversations();
            Conversation first = limited.save(Conversation.open(ConversationId.random(), EDOC, customer("limit-1"), null, null, T0)
                    .append(customerMessage("вопрос", "l1-1", T0)));
            limited.save(Conversation.open(ConversationId.random(), EDOC, customer("limit-2"), null, null, T0));
            Conversation third = Conversation.open(ConversationId.random(), EDOC, customer("limit-3"), null, null, T0)
                    .append(customerMessage("вопрос", "l3-1", T0));

            assertThatThrownBy(() -> limited.save(third)).as("two conversations wait for the database, the most allowed")
                    .isInstanceOf(ConversationsUnavailable.class).hasMessageContaining("gateway.storage.max-unwritten-conversations");
            assertThat(limited.find(third.id())).isEmpty();
            assertThat(limited.received(EDOC, customer("limit-3"), "l3-1")).as("the customer may send it again").isFalse();
            Conversation firstAgain = limited.save(first.append(customerMessage("ещё вопрос", "l1-2", T0.plusSeconds(5))));
            assertThat(limited.find(first.id())).contains(firstAgain);
            Health refusing = new StorageHealth(limited).health();
            assertThat(refusing.getStatus()).isEqualTo(Status.DOWN);
            assertThat(refusing.getDetails()).containsEntry("unwrittenConversations", 2).containsEntry("maxUnwrittenConversations", 2);

            store.checkpoints().checkpoint(JournalCheckpoints.Rotation.NEXT_FILE);
            assertThat(new StorageHealth(limited).health().getStatus()).as("up once the database caught up").isEqualTo(Status.UP);

            Conversation thirdSaved = limited.save(third);
            assertThat(limited.find(third.id())).contains(thirdSaved);
            assertThat(limited.received(EDOC, customer("limit-3"), "l3-1")).isTrue();
            assertThat(new StorageHealth(limited).health().getStatus()).isEqualTo(Status.UP);
        }
    }

    @Test
    void whileTheJournalHoldsAsMuchAsItMayEverySaveIsRefusedUntilTheDatabaseHasTakenItsFiles() throws IOException {
        try (Limited store = limited(JdbcConversations.DEFAULT_MAX_UNWRITTEN, 1)) {
            JdbcConversations limited = store.conversations();
            Conversation first = limited.save(Conversation.open(ConversationId.random(), EDOC, customer("journal-1"), null, null, T0)
                    .append(customerMessage("вопрос", "j1-1", T0)));
            Conversation next = first.append(customerMessage("ещё вопрос", "j1-2", T0.plusSeconds(5)));

            assertThatThrownBy(() -> limited.save(next)).as("the journal holds more than one byte")
                    .isInstanceOf(ConversationsUnavailable.class).hasMessageContaining("gateway.storage.max-journal-size");
            assertThat(limited.find(first.id())).contains(first);
            assertThat(new StorageHealth(limited).health().getStatus()).isEqualTo(Status.DOWN);

            store.checkpoints().checkpoint(JournalCheckpoints.Rotation.NEXT_FILE);

            assertThat(limited.journal().keptBytes()).as("the files the database has taken are deleted").isZero();
            assertThat(new StorageHealth(limited).health().getStatus()).isEqualTo(Status.UP);
            Conversation saved = limited.save(next);
            assertThat(limited.find(first.id())).contains(saved);
        }
    }

    /** A store beside the contract's, on the same database, with a journal of its own and these limits; started. */
    private record Limited(JdbcConversations conversations, JournalCheckpoints checkpoints) implements AutoCloseable {
        @Override
        public void close() {
            checkpoints.stop();
        }
    }

    private Limited limited(int maxUnwritten, long maxJournalBytes) throws IOException {
        JdbcConversations limited = new JdbcConversations(jdbc, new JdbcTransactionManager(database.dataSource()), JdbcConversations.DEFAULT_CACHED,
                new SaveJournal(Files.createTempDirectory(data, "journal")), maxUnwritten, maxJournalBytes);
        // a checkpoint only when the test asks for one
        JournalCheckpoints checkpoints = new JournalCheckpoints(limited, Duration.ofHours(1), Executors.newSingleThreadScheduledExecutor());
        checkpoints.start();
        return new Limited(limited, checkpoints);
    }

    private long journalFiles() throws IOException {
        try (Stream<Path> files = Files.list(journalFolder)) {
            return files.count();
        }
    }
}
