package dev.supportgateway.infra.storage;

import static dev.supportgateway.infra.storage.SqlTime.instant;
import static dev.supportgateway.infra.storage.SqlTime.toSql;

import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.ConcurrentConversationChange;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.ConversationsUnavailable;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Escalation;
import dev.supportgateway.engine.conversation.Feedback;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.escalation.Ticket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversations in SQL: one row per conversation guarded by its version, the transcript, bot decisions and feedback
 * as append-only batches of JSON entries (a save writes only the new ones), and the customers' channel ids for the
 * idempotency of inbound messages.
 *
 * <p>Two ways to write. Without a journal (PostgreSQL, whose commits are durable) a save is written through: the
 * caller returns after the commit that holds it. With a journal (the embedded H2 file) a save is written behind: it
 * is acknowledged once its journal record is forced to disk, kept in {@link UnflushedSaves}, which every read
 * consults before SQL, and written to SQL by the next {@link #flush}, all saves of a conversation as one row and one
 * batch. On the embedded database the gateway is the only writer (H2 locks its file), so the versions kept in memory
 * decide conflicts.
 */
final class JdbcConversations implements Conversations {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcConversations.class);

    /** Columns a save may change; id, desk, customer and opening time never change. */
    private static final List<String> CHANGING = List.of("open_key", "customer_name", "state", "operator_id",
            "operator_name", "tier", "identification", "escalation_reason", "escalation_asking", "escalation_field",
            "escalation_category", "escalation_description", "escalation_callback", "ticket_number",
            "ticket_first_reply_due", "warnings", "updated_at", "waiting_since", "awaiting_customer_since", "last_message_at",
            "version");
    private static final List<String> FIXED = List.of("id", "desk", "channel", "address", "opened_at");
    private static final List<String> ALL = all();

    private static final String INSERT = "insert into conversation (" + String.join(", ", ALL) + ") values ("
            + ALL.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    /** A save written behind or replayed, over whatever version SQL has: the journal's order is the order of saves. */
    private static final String UPDATE_WRITTEN_BEHIND = "update conversation set "
            + CHANGING.stream().map(c -> c + " = ?").collect(Collectors.joining(", ")) + " where id = ?";
    private static final String UPDATE = UPDATE_WRITTEN_BEHIND + " and version = ?";
    private static final String INSERT_ENTRIES = "insert into conversation_entries (conversation_id, entries_end, messages,"
            + " messages_end, decisions, decisions_end, feedback, feedback_end) values (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_RECEIVED = "insert into customer_message (desk, channel, address, external_id,"
            + " conversation_id) values (?, ?, ?, ?, ?)";
    /** Behind the journal a key can only be there already from a replay that ran before; it is the same key. */
    private static final String INSERT_RECEIVED_ONCE = INSERT_RECEIVED + " on conflict do nothing";

    /** A flush writes a conversation's saves as one batch up to this much JSON; more becomes several batches. */
    static final int MAX_BATCH_CHARS = 256 * 1024;

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final TransactionTemplate transactions;
    private final ConcurrentLinkedQueue<PendingSave> queue = new ConcurrentLinkedQueue<>();
    /** Held by the caller writing a batch; package-private so that a test can hold saves back to make one batch. */
    final Writer writer = new Writer();
    private volatile long batches;
    /** Groups written through with batched statements (see {@link #writtenAsOneGroup}). */
    private volatile long groups;
    private final ConversationCache cache;
    /** Null when every commit is durable by itself (PostgreSQL); otherwise saves are acknowledged by the journal. */
    private final SaveJournal journal;
    /** The saves the journal holds and SQL not yet; null when saves are written through. */
    private final UnflushedSaves unflushed;
    private final int maxUnwritten;
    private final long maxJournalBytes;
    /** Whether saves are being refused for the database's backlog: its start and end are logged once. */
    private boolean refusing;

    /** The most saves one transaction applies. */
    static final int MAX_BATCH = 200;
    /** How many conversations the cache keeps by default. */
    static final int DEFAULT_CACHED = 20_000;
    /** How many conversations may have saves the embedded database has not taken, by default. */
    static final int DEFAULT_MAX_UNWRITTEN = 50_000;
    /** How many bytes the journal may hold, by default. */
    static final long DEFAULT_MAX_JOURNAL_BYTES = 4L << 30;

    JdbcConversations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, transactionManager, DEFAULT_CACHED, null);
    }

    /**
     * @param cached how many recently used conversations to keep in memory; 0: none, every read goes to SQL
     * @param journal where saves are written ahead of SQL when the database commits lazily; null: saves are written through
     */
    JdbcConversations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, int cached, SaveJournal journal) {
        this(jdbc, transactionManager, cached, journal, DEFAULT_MAX_UNWRITTEN, DEFAULT_MAX_JOURNAL_BYTES);
    }

    /**
     * @param maxUnwritten    with a journal, how many conversations may have saves the database has not taken; beyond
     *                        it, saves that would add one are refused until the database catches up
     * @param maxJournalBytes with a journal, how many bytes its files may hold; beyond it, every save is refused until
     *                        the database has taken enough for files to be deleted
     */
    JdbcConversations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, int cached, SaveJournal journal,
                      int maxUnwritten, long maxJournalBytes) {
        this.maxUnwritten = maxUnwritten;
        this.maxJournalBytes = maxJournalBytes;
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.cache = new ConversationCache(cached);
        this.journal = journal;
        this.unflushed = journal == null ? null : new UnflushedSaves();
    }

    @Override
    public Optional<Conversation> findOpen(DeskId desk, CustomerAddress customer) {
        String key = openKey(desk, customer);
        if (unflushed != null) {
            Conversation open = unflushed.open(key);
            if (open != null) {
                return Optional.of(open);
            }
        }
        Conversation cached = cache.open(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        // SQL's open key may belong to a conversation closed by a save not flushed yet
        return sql.sql("select id from conversation where open_key = ?")
                .param(key)
                .query(String.class).optional()
                .flatMap(id -> find(ConversationId.of(id)))
                .filter(c -> c.state().isOpen());
    }

    @Override
    public Optional<Conversation> findLastClosed(DeskId desk, CustomerAddress customer) {
        return ofCustomer(desk, customer, 1, true).stream().findFirst();
    }

    @Override
    public List<Conversation> ofCustomer(DeskId desk, CustomerAddress customer, int limit) {
        return ofCustomer(desk, customer, limit, false);
    }

    /** The customer's conversations with the desk (only the closed ones, or all), the last changed first. */
    private List<Conversation> ofCustomer(DeskId desk, CustomerAddress customer, int limit, boolean closedOnly) {
        if (limit <= 0) {
            return List.of();
        }
        List<Conversation> inMemory = unflushed == null ? List.of() : unflushed.ofCustomer(openKey(desk, customer));
        Set<ConversationId> unflushedIds = inMemory.stream().map(Conversation::id).collect(Collectors.toSet());
        List<Conversation> found = new ArrayList<>(inMemory.stream().filter(c -> !closedOnly || !c.state().isOpen()).toList());
        // SQL's rows of unflushed conversations are stale: skip them, and read as many more rows as there are
        sql.sql("""
                        select id from conversation
                        where desk = ? and channel = ? and address = ?%s
                        order by updated_at desc, id desc
                        fetch first %d rows only""".formatted(closedOnly ? " and state = 'CLOSED'" : "", limit + unflushedIds.size()))
                .params(desk.value(), customer.channel().key(), customer.address())
                .query(String.class).list().stream()
                .map(ConversationId::of)
                .filter(id -> !unflushedIds.contains(id))
                .limit(limit)
                .map(this::find)
                .flatMap(Optional::stream)
                .forEach(found::add);
        return found.stream().sorted(Conversation.LAST_CHANGED_FIRST).limit(limit).toList();
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        if (unflushed != null) {
            Conversation latest = unflushed.get(id);
            if (latest != null) {
                return Optional.of(latest);
            }
        }
        Conversation cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        // the row first: if a save slips in between, the entries are newer than the version read, and saving
        // over that version fails as a concurrent change instead of missing the newer messages
        Optional<Conversation> head = sql.sql("select * from conversation where id = ?").param(id.value())
                .query((rs, n) -> head(rs)).optional();
        if (head.isEmpty()) {
            return head;
        }
        Conversation c = head.get();
        StoredEntries entries = entries(id);
        Conversation found = new Conversation(c.id(), c.desk(), c.customer(), c.customerName(), c.state(), c.operator(),
                c.tier(), c.identification(), c.escalation(), c.ticket(), c.warnings(), entries.messages(),
                entries.decisions(), entries.feedback(), c.openedAt(), c.updatedAt(), c.waitingSince(),
                c.awaitingCustomerSince(), c.version());
        cache.read(found);
        return Optional.of(found);
    }

    /**
     * Group commit: the caller's save joins a queue, and whichever caller holds the writer lock applies every
     * queued save at once and returns only after they are durable: written through, in one transaction in which
     * each save has its own savepoint (a conflict undoes only that save), or written behind, by one forced append
     * to the journal. Under load one disk write serves many saves.
     */
    @Override
    public Conversation save(Conversation conversation) {
        PendingSave save = new PendingSave(conversation);
        if (unflushed != null) {
            prepare(save);
        }
        queue.add(save);
        boolean interrupted = false;
        while (!save.done) {
            if (writer.tryLock()) {
                try {
                    if (!save.done) {
                        writeBatch();
                    }
                } finally {
                    writer.unlock();
                }
            } else {
                // woken when the writer has written this save, or has let go with this save first in the queue
                LockSupport.park(this);
                // the save is queued and will be written: wait for it as the lock did, without spinning on the interrupt
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (save.storedVersion >= 0) {
            // created in the caller's thread, with its stack
            throw conflict(conversation, save.storedVersion);
        }
        if (save.failure != null) {
            throw save.failure;
        }
        return save.saved;
    }

    /** Applies the queued saves (at most {@link #MAX_BATCH}); called under the writer lock. */
    private void writeBatch() {
        List<PendingSave> batch = new ArrayList<>();
        for (PendingSave next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        batches++;
        try {
            if (unflushed == null) {
                writeThrough(batch);
            } else {
                writeBehind(batch);
            }
        } catch (Error e) {
            for (PendingSave save : batch) {
                save.saved = null;
                save.failure = new IllegalStateException("saving conversation " + save.conversation.id() + " failed", e);
            }
            throw e;
        } finally {
            for (PendingSave save : batch) {
                if (save.failure != null || save.storedVersion >= 0) {
                    cache.evict(save.conversation.id());
                } else {
                    cache.stored(save.saved);
                }
                save.done = true;
                LockSupport.unpark(save.caller);
            }
        }
    }

    /**
     * Writes the batch's saves in one transaction whose commit makes them durable: as one group of batched statements
     * when it can, else save by save.
     */
    private void writeThrough(List<PendingSave> batch) {
        if (batch.size() > 1 && writtenAsOneGroup(batch)) {
            return;
        }
        boolean savepoints = batch.size() > 1;
        try {
            transactions.executeWithoutResult(status -> {
                for (PendingSave save : batch) {
                    Object savepoint = savepoints ? status.createSavepoint() : null;
                    try {
                        SaveRows rows = rows(save.conversation, cachedAtReadVersion(save.conversation));
                        write(rows, save.conversation.version());
                        save.saved = save.conversation.withVersion(rows.version());
                        if (savepoint != null) {
                            status.releaseSavepoint(savepoint);
                        }
                    } catch (RuntimeException e) {
                        if (savepoint == null) {
                            throw e;
                        }
                        // only this save is undone; the others of the batch go on
                        status.rollbackToSavepoint(savepoint);
                        save.saved = null;
                        save.failure = e;
                    }
                }
            });
            for (PendingSave save : batch) {
                translate(save);
            }
        } catch (RuntimeException e) {
            // the transaction is rolled back: nothing of the batch is stored
            for (PendingSave save : batch) {
                save.saved = null;
                if (save.failure == null) {
                    save.failure = e;
                }
                translate(save);
            }
        }
    }

    /**
     * Writes saves of distinct conversations with each statement batched over all of them: a few round trips per group
     * instead of up to five statements per save, which the one writer would otherwise wait for in turn (on PostgreSQL this, not the
     * database, limited a 10,000-session load). A save over a stale version is a conflict and writes nothing. Any
     * other failure, such as a duplicate key, undoes the whole group and returns false, and the caller writes it save
     * by save, each in its own savepoint, so that only the failing save fails.
     *
     * @return whether the group was written (each save then has its result)
     */
    private boolean writtenAsOneGroup(List<PendingSave> batch) {
        Set<ConversationId> distinct = new HashSet<>();
        for (PendingSave save : batch) {
            if (!distinct.add(save.conversation.id())) {
                // a later save of a conversation builds on the rows of its earlier one
                return false;
            }
        }
        Map<PendingSave, SaveRows> written = new LinkedHashMap<>();
        Map<PendingSave, RuntimeException> failed = new HashMap<>();
        try {
            transactions.executeWithoutResult(status -> {
                List<PendingSave> updating = new ArrayList<>();
                List<Object[]> inserts = new ArrayList<>();
                List<Object[]> updates = new ArrayList<>();
                for (PendingSave save : batch) {
                    try {
                        SaveRows rows = rows(save.conversation, cachedAtReadVersion(save.conversation));
                        written.put(save, rows);
                        if (rows.created()) {
                            inserts.add(insertArgs(rows));
                        } else {
                            updating.add(save);
                            updates.add(updateArgs(rows, save.conversation.version()));
                        }
                    } catch (RuntimeException e) {
                        failed.put(save, e);
                    }
                }
                // updates first: a conversation that closes gives up its customer's open key to one opened here
                int[] counts = updates.isEmpty() ? new int[0] : jdbc.batchUpdate(UPDATE, updates);
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] < 0) {
                        // a driver that does not count batched rows cannot tell a stale save; save by save then
                        throw new IllegalStateException("the database did not count the rows of a batched update");
                    }
                    if (counts[i] == 0) {
                        PendingSave stale = updating.get(i);
                        written.remove(stale);
                        failed.put(stale, new Conflict(storedVersion(stale.conversation.id())));
                    }
                }
                batch(INSERT, inserts);
                insertEntries(written.values(), INSERT_RECEIVED);
            });
        } catch (RuntimeException e) {
            // the class only: a duplicate key's message carries the key, which holds the customer's address
            LOG.debug("a group of {} saves is written save by save after {}", batch.size(), e.getClass().getSimpleName());
            return false;
        }
        groups++;
        for (PendingSave save : batch) {
            SaveRows rows = written.get(save);
            if (rows != null) {
                save.saved = save.conversation.withVersion(rows.version());
            } else {
                save.saved = null;
                save.failure = failed.get(save);
                translate(save);
            }
        }
        return true;
    }

    /**
     * Checks each save against the conversation's last save, in order (a save of the batch counts for the next), and
     * appends the accepted ones to the journal with one forced write; only then do reads see them. Should the journal
     * fail, the callers are told their saves failed and nothing of them is kept.
     */
    private void writeBehind(List<PendingSave> batch) {
        Map<ConversationId, Conversation> accepted = new HashMap<>();
        Map<String, ConversationId> openedHere = new HashMap<>();
        List<byte[]> journaled = new ArrayList<>(batch.size());
        int unwritten = unflushed.size();
        long journalBytes = journal.keptBytes();
        boolean refused = false;
        for (PendingSave save : batch) {
            Conversation c = save.conversation;
            try {
                if (journalBytes >= maxJournalBytes) {
                    // the conversations in memory keep growing the journal while the database does not take saves
                    refused = true;
                    throw new ConversationsUnavailable("saving conversation " + c.id() + " refused: the journal holds "
                            + journalBytes + " bytes the database has not all taken, the most kept (gateway.storage.max-journal-size)");
                }
                // accepted earlier in this batch or not yet written; a conversation in neither adds to the backlog
                Conversation inMemory = accepted.containsKey(c.id()) ? accepted.get(c.id()) : unflushed.get(c.id());
                boolean adds = inMemory == null;
                if (adds && unwritten >= maxUnwritten) {
                    // memory and the journal would grow without end while the database does not take saves
                    refused = true;
                    throw new ConversationsUnavailable("saving conversation " + c.id() + " refused: conversations waiting"
                            + " for the database: " + unwritten + ", the most kept in memory (gateway.storage.max-unwritten-conversations)");
                }
                Conversation last = adds ? cache.get(c.id()) : inMemory;
                long lastVersion = last == null ? storedVersion(c.id()) : last.version();
                if (lastVersion != c.version()) {
                    throw new Conflict(lastVersion);
                }
                String key = openKey(c.desk(), c.customer());
                if (c.state().isOpen() && (last == null || !last.state().isOpen())) {
                    // an open one that a save earlier in this batch closed gives the key up, as in the transaction
                    ConversationId other = openedHere.containsKey(key) ? openedHere.get(key)
                            : findOpen(c.desk(), c.customer()).map(Conversation::id)
                                    .filter(id -> !accepted.containsKey(id) || accepted.get(id).state().isOpen())
                                    .orElse(null);
                    if (other != null && !other.equals(c.id())) {
                        LOG.info("conversation {} of {} at desk {} would be a second open one", c.id(), c.customer(), c.desk());
                        throw new Conflict(lastVersion);
                    }
                }
                if (save.prepared != c.version()) {
                    prepare(save, last);
                }
                if (save.repeats) {
                    LOG.info("conversation {} of {} at desk {} repeats a received customer message", c.id(), c.customer(),
                            c.desk());
                    throw new Conflict(lastVersion);
                }
                SaveRows rows = save.rows;
                save.saved = c.withVersion(rows.version());
                accepted.put(c.id(), save.saved);
                if (save.saved.state().isOpen()) {
                    openedHere.put(key, c.id());
                } else {
                    openedHere.remove(key, c.id());
                }
                journaled.add(save.record);
                if (adds) {
                    unwritten++;
                }
            } catch (RuntimeException e) {
                save.failure = e;
                translate(save);
            }
        }
        if (refused && !refusing) {
            refusing = true;
            LOG.error("conversations waiting for the database: {} (at most {}), journal {} bytes (at most {}); saves are refused"
                    + " until it catches up (customers' widgets send again)", unwritten, maxUnwritten, journalBytes, maxJournalBytes);
        } else if (refusing && !backlogFull(unwritten, journalBytes)) {
            refusing = false;
            LOG.info("the database has caught up (conversations with unwritten saves: {}); all saves are taken again", unwritten);
        }
        if (journaled.isEmpty()) {
            return;
        }
        try {
            journal.append(journaled);
        } catch (RuntimeException e) {
            LOG.error("{} saves could not be written to the journal; their callers are told they failed", journaled.size(), e);
            for (PendingSave save : batch) {
                if (save.rows != null) {
                    save.saved = null;
                    save.failure = new IllegalStateException("saving conversation " + save.conversation.id()
                            + " failed: the journal could not be written", e);
                }
            }
            return;
        }
        for (PendingSave save : batch) {
            if (save.failure == null && save.storedVersion < 0) {
                SaveRows.Entries from = save.rows.entries();
                // what SQL holds when the conversation is new among the unflushed ones: the version this save read
                unflushed.add(save.saved, new UnflushedSaves.Stored(save.rows.version() - 1, from.messagesFrom(),
                        from.decisionsFrom(), from.feedbackFrom()), journal.currentSegment());
            }
        }
    }

    /**
     * Before the caller queues its save: what it writes, its journal record, and whether it repeats a customer message
     * received before, computed against the conversation's last save in memory. The writer uses them if that is still
     * the version the save was read at, which it almost always is: the engine saves one conversation at a time. This
     * keeps the work out of the writer's lock, which every save waits for.
     */
    private void prepare(PendingSave save) {
        Conversation c = save.conversation;
        Conversation last = c.version() == 0 ? null : lastSave(c.id());
        if (c.version() == 0 || last != null && last.version() == c.version()) {
            try {
                prepare(save, last);
            } catch (RuntimeException e) {
                // the writer tries again and reports it
                save.prepared = -1;
            }
        }
    }

    /** Prepares the save over {@code last}, the conversation at the version the save was read at (null: SQL has it). */
    private void prepare(PendingSave save, Conversation last) {
        Conversation c = save.conversation;
        SaveRows rows = rows(c, last);
        boolean repeats = false;
        for (String externalId : rows.received()) {
            repeats |= received(c.desk(), c.customer(), externalId);
        }
        try {
            save.record = SaveJournal.encode(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        save.rows = rows;
        save.repeats = repeats;
        save.prepared = c.version();
    }

    /** The conversation as its last save left it, from memory, or null when only SQL has it (or nobody). */
    private Conversation lastSave(ConversationId id) {
        Conversation latest = unflushed.get(id);
        return latest != null ? latest : cache.get(id);
    }

    /** The cached conversation if it is at the version {@code c} was read at: what SQL holds of it. */
    private Conversation cachedAtReadVersion(Conversation c) {
        Conversation cached = cache.get(c.id());
        return cached != null && cached.version() == c.version() ? cached : null;
    }

    /** The journal saves are acknowledged by, or null when they are written through. */
    SaveJournal journal() {
        return journal;
    }

    /** How many saves wait for the writer. */
    int queued() {
        return queue.size();
    }

    /** How many groups of saves were written through with batched statements so far. */
    long groups() {
        return groups;
    }

    /** How many batches of saves were written so far. */
    long batches() {
        return batches;
    }

    /** How many conversations have saves that only the journal holds. */
    int unflushedConversations() {
        return unflushed == null ? 0 : unflushed.size();
    }

    /** Whether the database is as far behind as it may be, so that saves are refused (for health). */
    boolean backlogFull() {
        return unflushed != null && backlogFull(unflushed.size(), journal.keptBytes());
    }

    private boolean backlogFull(int unwritten, long journalBytes) {
        return unwritten >= maxUnwritten || journalBytes >= maxJournalBytes;
    }

    int maxUnwritten() {
        return maxUnwritten;
    }

    long maxJournalBytes() {
        return maxJournalBytes;
    }

    /** Writes one save, failing with a {@link Conflict} when SQL's version is not {@code readVersion}. */
    private void write(SaveRows rows, long readVersion) {
        if (rows.created()) {
            jdbc.update(INSERT, insertArgs(rows));
        } else if (jdbc.update(UPDATE, updateArgs(rows, readVersion)) == 0) {
            throw new Conflict(storedVersion(ConversationId.of(rows.conversationId())));
        }
        insertEntries(List.of(rows), INSERT_RECEIVED);
    }

    /**
     * Writes saves behind, in one transaction: each conversation's row once, as its last save left it (inserted if its
     * first save created it), and its new entries as batches. Used by the flush and by the replay of the journal, so
     * the saves of each conversation must follow, in order, what SQL holds of it. Rows that give up their open key are
     * written first: a customer's next conversation may take the key in the same transaction.
     */
    private void store(Collection<SaveRows> saves) {
        Map<String, Boolean> created = new HashMap<>();
        Map<String, SaveRows> last = new LinkedHashMap<>();
        for (SaveRows rows : saves) {
            created.putIfAbsent(rows.conversationId(), rows.created());
            last.put(rows.conversationId(), rows);
        }
        List<Object[]> releasing = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (SaveRows rows : last.values()) {
            if (created.get(rows.conversationId())) {
                inserts.add(insertArgs(rows));
            } else {
                (rows.columns().get("open_key") == null ? releasing : updates).add(updateArgs(rows, -1));
            }
        }
        transactions.executeWithoutResult(status -> {
            batch(UPDATE_WRITTEN_BEHIND, releasing);
            batch(UPDATE_WRITTEN_BEHIND, updates);
            batch(INSERT, inserts);
            insertEntries(saves, INSERT_RECEIVED_ONCE);
        });
    }

    /**
     * Writes to SQL what {@link #rotateJournal} handed over: each conversation as its last save left it, and the entries
     * SQL lacks as one batch. Reads see them in memory until this returns. Should the transaction fail, each
     * conversation is tried alone, and those that still fail stay in memory (and the journal keeps their files) for
     * the next flush.
     *
     * @return whether every conversation was written
     */
    boolean flush(List<UnflushedSaves.Flush> flushes) {
        if (flushes.isEmpty()) {
            return true;
        }
        try {
            store(flushes.stream().map(f -> rows(f.latest(), f.stored())).toList());
            flushes.forEach(unflushed::written);
            return true;
        } catch (DataIntegrityViolationException e) {
            LOG.warn("flushing {} conversations failed ({}); writing them one at a time", flushes.size(), e.toString());
        } catch (RuntimeException e) {
            // not one conversation's data but the database: all of them wait for the next flush
            LOG.error("flushing {} conversations failed; they stay in memory and their saves in the journal", flushes.size(), e);
            return false;
        }
        boolean all = true;
        for (UnflushedSaves.Flush flush : flushes) {
            try {
                store(List.of(rows(flush.latest(), flush.stored())));
                unflushed.written(flush);
            } catch (RuntimeException e) {
                LOG.error("conversation {} could not be flushed; it stays in memory and its saves in the journal",
                        flush.latest().id(), e);
                all = false;
            }
        }
        return all;
    }

    /**
     * Applies journaled saves the database lost when the process stopped, in their order: saves whose version is
     * already stored are skipped, so replaying twice changes nothing. The caller checkpoints before it deletes the
     * journal files.
     *
     * @return how many saves were applied
     */
    int replay(List<SaveRows> saves) {
        Map<String, List<SaveRows>> byConversation = new LinkedHashMap<>();
        for (SaveRows save : saves) {
            byConversation.computeIfAbsent(save.conversationId(), id -> new ArrayList<>()).add(save);
        }
        int applied = 0;
        for (Map.Entry<String, List<SaveRows>> conversation : byConversation.entrySet()) {
            // 0: not stored at all, since a stored conversation has version 1 or more
            long stored = storedVersion(ConversationId.of(conversation.getKey()));
            List<SaveRows> missing = conversation.getValue().stream().filter(s -> s.version() > stored).toList();
            if (missing.isEmpty()) {
                continue;
            }
            if (missing.getFirst().version() != stored + 1) {
                // the saves before it are missing too: the journal was not kept with this database
                LOG.warn("journaled saves of conversation {} from version {} skipped: the database has version {}",
                        conversation.getKey(), missing.getFirst().version(), stored);
                continue;
            }
            store(missing);
            applied += missing.size();
        }
        return applied;
    }

    /**
     * Makes the embedded database write every committed transaction to its file, after which the journal
     * records of those saves are no longer needed. Only called with a journal, which exists only on H2.
     */
    void checkpoint() {
        EmbeddedDatabase.checkpoint(jdbc);
    }

    /**
     * Under the writer lock, closes the journal's file and starts the next one (or none when {@code last}), and hands
     * over to a flush the conversations whose oldest save SQL lacks is {@code age} files old or older (0: all of them).
     */
    RotatedJournal rotateJournal(boolean last, int age) {
        writer.lock();
        try {
            Path closed = last ? journal.finish() : journal.rotate();
            long next = SaveJournal.segment(closed) + 1;
            return new RotatedJournal(closed, unflushed.toFlush(age == 0 ? Long.MAX_VALUE : next - age, next));
        } finally {
            writer.unlock();
        }
    }

    /** Whether there is nothing to write: no save since the journal's current file began, and none held in memory. */
    boolean idle() {
        return journal.currentFileEmpty() && unflushed.size() == 0;
    }

    /** The first journal file that holds a save SQL lacks ({@link Long#MAX_VALUE}: none). */
    long oldestUnflushedSegment() {
        return unflushed.oldestSegment();
    }

    /** A closed journal file, and the conversations to write to SQL before it may be deleted. */
    record RotatedJournal(Path closedFile, List<UnflushedSaves.Flush> toWrite) {
    }

    /** The stored version is not the one read; nothing of the save was written. */
    private static final class Conflict extends RuntimeException {
        final long stored;

        Conflict(long stored) {
            super(null, null, false, false);
            this.stored = stored;
        }
    }

    /** Turns a failed save's conflict into the version its caller is told; other failures stay as they are. */
    private void translate(PendingSave save) {
        Conversation conversation = save.conversation;
        if (save.failure instanceof Conflict conflict) {
            save.storedVersion = conflict.stored;
            save.failure = null;
        } else if (save.failure instanceof DuplicateKeyException e) {
            // the conversation itself, another open one of the customer, or a message with the same external id
            // was stored by someone else first; the failed save is undone, so the version can be read now
            LOG.info("conversation {} of {} at desk {} conflicts with a stored one: {}", conversation.id(),
                    conversation.customer(), conversation.desk(), e.getMostSpecificCause().getClass().getSimpleName());
            try {
                save.storedVersion = storedVersion(conversation.id());
                save.failure = null;
            } catch (RuntimeException unreadable) {
                save.failure.addSuppressed(unreadable);
            }
        }
    }

    /** One caller's save in the queue: prepared by the caller (written behind), completed by the writer before {@code done}. */
    private static final class PendingSave {
        final Conversation conversation;
        SaveRows rows;
        /** The journal record of {@code rows}. */
        byte[] record;
        /** Whether the save appends a customer message received before. */
        boolean repeats;
        /** The version read that rows, record and repeats were prepared for; -1: not prepared. */
        long prepared = -1;
        Conversation saved;
        RuntimeException failure;
        /** When not negative, the save conflicted with this stored version. */
        long storedVersion = -1;
        volatile boolean done;
        final Thread caller = Thread.currentThread();

        PendingSave(Conversation conversation) {
            this.conversation = conversation;
        }
    }

    /**
     * The lock of the thread writing saves. Callers whose save is queued do not wait for the lock itself but park until
     * their save is written, or until the lock is let go with their save first in the queue (then they write). Waiting
     * for the lock instead let newly arriving callers take it again and again while a parked caller, its save long
     * written, could not get it back: at 1,200 messages/s, one save in twenty waited more than 100 ms.
     */
    final class Writer {
        private final ReentrantLock lock = new ReentrantLock();

        void lock() {
            lock.lock();
        }

        boolean tryLock() {
            return lock.tryLock();
        }

        /** Lets go, and wakes the caller of the oldest queued save to write the queue. */
        void unlock() {
            lock.unlock();
            PendingSave next = queue.peek();
            if (next != null) {
                LockSupport.unpark(next.caller);
            }
        }
    }

    /**
     * Looks in memory first: the conversations not flushed yet, and the cached open conversation; when that is known
     * to be the customer's only one at the desk (learnt with one query per conversation), it answers. Otherwise the
     * customer's channel ids are looked up in SQL.
     */
    @Override
    public boolean received(DeskId desk, CustomerAddress customer, String externalId) {
        String key = openKey(desk, customer);
        List<Conversation> inMemory = unflushed == null ? List.of() : unflushed.ofCustomer(key);
        Conversation open = null;
        for (Conversation c : inMemory) {
            if (c.received(externalId)) {
                return true;
            }
            if (c.state().isOpen()) {
                open = c;
            }
        }
        if (open == null) {
            open = cache.open(key);
            if (open != null && open.received(externalId)) {
                return true;
            }
        }
        if (open != null) {
            if (cache.isOnly(open.id())) {
                return false;
            }
            ConversationId openId = open.id();
            boolean others = sql.sql("""
                            select count(*) from conversation
                            where desk = ? and channel = ? and address = ? and id <> ?""")
                    .params(desk.value(), customer.channel().key(), customer.address(), open.id().value())
                    .query(Long.class).single() > 0
                    || inMemory.stream().anyMatch(c -> !c.id().equals(openId));
            if (!others) {
                cache.markOnly(open.id());
                return false;
            }
        }
        return sql.sql("""
                        select count(*) from customer_message
                        where desk = ? and channel = ? and address = ? and external_id = ?""")
                .params(desk.value(), customer.channel().key(), customer.address(), externalId)
                .query(Long.class).single() > 0;
    }

    @Override
    public List<ConversationSummary> open(DeskId desk) {
        List<ConversationSummary> stored = sql.sql("""
                        select id, desk, channel, address, customer_name, state, operator_id, operator_name, tier,
                               ticket_number, waiting_since, last_message_at, awaiting_customer_since, ticket_first_reply_due
                        from conversation
                        where desk = ? and state <> 'CLOSED'
                        order by case when waiting_since is null then 1 else 0 end, waiting_since, last_message_at, id""")
                .param(desk.value())
                .query((rs, n) -> new ConversationSummary(ConversationId.of(rs.getString("id")), DeskId.of(rs.getString("desk")),
                        customer(rs), rs.getString("customer_name"), ConversationState.valueOf(rs.getString("state")),
                        operator(rs), rs.getString("tier"), rs.getString("ticket_number"), instant(rs, "waiting_since"),
                        instant(rs, "last_message_at"), instant(rs, "awaiting_customer_since"),
                        instant(rs, "ticket_first_reply_due")))
                .list();
        List<Conversation> inMemory = unflushed == null ? List.of() : unflushed.ofDesk(desk);
        if (inMemory.isEmpty()) {
            return stored;
        }
        Set<ConversationId> newer = inMemory.stream().map(Conversation::id).collect(Collectors.toSet());
        List<ConversationSummary> open = new ArrayList<>(stored.stream().filter(s -> !newer.contains(s.id())).toList());
        inMemory.stream().filter(c -> c.state().isOpen()).map(Conversation::summary).forEach(open::add);
        // the order of the query above
        open.sort(Comparator.comparing((ConversationSummary s) -> s.waitingSince() == null)
                .thenComparing(ConversationSummary::waitingSince, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ConversationSummary::lastMessageAt)
                .thenComparing(s -> s.id().value()));
        return open;
    }

    /**
     * What saving {@code c} writes: the row at the next version and the entries appended since {@code last}, the
     * conversation as SQL or the journal holds it at the version {@code c} was read at (null: ask SQL).
     */
    private SaveRows rows(Conversation c, Conversation last) {
        UnflushedSaves.Stored stored = c.version() == 0 ? new UnflushedSaves.Stored(0, 0, 0, 0)
                : last != null && last.version() == c.version() ? UnflushedSaves.Stored.of(last)
                        : storedCounts(c.id().value(), c.version());
        return rows(c.withVersion(c.version() + 1), stored);
    }

    /** What writing {@code saved} over {@code stored}, what SQL holds of the conversation, writes. */
    private static SaveRows rows(Conversation saved, UnflushedSaves.Stored stored) {
        List<Message> newMessages = appended(saved, "messages", saved.transcript(), stored.messages());
        List<String> received = new ArrayList<>();
        for (Message m : newMessages) {
            if (m.fromCustomer() && m.externalId() != null) {
                received.add(m.externalId());
            }
        }
        List<String> messages = newMessages.stream().map(JsonColumns::ofMessage).toList();
        List<String> decisions = appended(saved, "decisions", saved.decisions(), stored.decisions()).stream()
                .map(JsonColumns::ofDecision).toList();
        List<String> feedback = appended(saved, "feedback", saved.feedback(), stored.feedback()).stream()
                .map(JsonColumns::ofFeedback).toList();
        return new SaveRows(saved.id().value(), saved.version(), stored.version() == 0, columns(saved),
                new SaveRows.Entries(stored.messages(), messages, stored.decisions(), decisions, stored.feedback(), feedback),
                received);
    }

    /** How many messages, decisions and feedback entries of the conversation SQL holds. */
    private UnflushedSaves.Stored storedCounts(String id, long version) {
        return sql.sql("""
                        select messages_end, decisions_end, feedback_end from conversation_entries
                        where conversation_id = ? order by entries_end desc fetch first 1 rows only""")
                .param(id)
                .query((rs, n) -> new UnflushedSaves.Stored(version, rs.getInt(1), rs.getInt(2), rs.getInt(3))).optional()
                .orElseGet(() -> new UnflushedSaves.Stored(version, 0, 0, 0));
    }

    private void batch(String statement, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(statement, rows);
        }
    }

    /**
     * Inserts the saves' transcript batches and their customer messages' channel ids, each as one batched statement;
     * {@code insertReceived} says whether a channel id stored already is an error or the same key again.
     */
    private void insertEntries(Collection<SaveRows> saves, String insertReceived) {
        List<Object[]> entries = new ArrayList<>();
        List<Object[]> received = new ArrayList<>();
        for (SaveRows rows : saves) {
            entries.addAll(entriesArgs(rows));
            received.addAll(receivedArgs(rows));
        }
        batch(INSERT_ENTRIES, entries);
        batch(insertReceived, received);
    }

    /** The entries after the {@code stored} first; a list shorter than what is stored breaks the append-only contract. */
    private static <T> List<T> appended(Conversation c, String list, List<T> entries, int stored) {
        if (entries.size() < stored) {
            throw new IllegalStateException("conversation " + c.id() + " has " + entries.size() + " " + list + " but " + stored
                    + " are stored: " + list + " are only ever appended");
        }
        return entries.subList(stored, entries.size());
    }

    private long storedVersion(ConversationId id) {
        if (unflushed != null) {
            Conversation latest = unflushed.get(id);
            if (latest != null) {
                return latest.version();
            }
        }
        return sql.sql("select version from conversation where id = ?").param(id.value())
                .query(Long.class).optional().orElse(0L);
    }

    private static ConcurrentConversationChange conflict(Conversation c, long stored) {
        return new ConcurrentConversationChange(c.id(), c.version(), stored);
    }

    private static Object[] insertArgs(SaveRows rows) {
        return ALL.stream().map(rows.columns()::get).toArray();
    }

    /** The changing columns and the id; with the version read unless it is negative (a save written behind). */
    private static Object[] updateArgs(SaveRows rows, long readVersion) {
        List<Object> args = new ArrayList<>(CHANGING.size() + 2);
        for (String column : CHANGING) {
            args.add(rows.columns().get(column));
        }
        args.add(rows.conversationId());
        if (readVersion >= 0) {
            args.add(readVersion);
        }
        return args.toArray();
    }

    /** The batches of the save's new entries: none, or one unless they are too long for one. */
    private static List<Object[]> entriesArgs(SaveRows rows) {
        if (rows.entries().isEmpty()) {
            return List.of();
        }
        return rows.entries().split(MAX_BATCH_CHARS).stream()
                .map(e -> new Object[] {rows.conversationId(), e.end(), JsonColumns.array(e.messages()), e.messagesEnd(),
                        JsonColumns.array(e.decisions()), e.decisionsEnd(), JsonColumns.array(e.feedback()), e.feedbackEnd()})
                .toList();
    }

    private static List<Object[]> receivedArgs(SaveRows rows) {
        Map<String, Object> c = rows.columns();
        return rows.received().stream()
                .map(externalId -> new Object[] {c.get("desk"), c.get("channel"), c.get("address"), externalId, rows.conversationId()})
                .toList();
    }

    /** The row of {@code c}, whose version is the one stored. */
    private static Map<String, Object> columns(Conversation c) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", c.id().value());
        m.put("desk", c.desk().value());
        m.put("channel", c.customer().channel().key());
        m.put("address", c.customer().address());
        m.put("opened_at", toSql(c.openedAt()));
        m.put("open_key", c.state().isOpen() ? openKey(c.desk(), c.customer()) : null);
        m.put("customer_name", c.customerName());
        m.put("state", c.state().name());
        m.put("operator_id", c.operator() == null ? null : c.operator().id());
        m.put("operator_name", c.operator() == null ? null : c.operator().displayName());
        m.put("tier", c.tier());
        m.put("identification", JsonColumns.ofMap(c.identification()));
        Escalation e = c.escalation();
        m.put("escalation_reason", e == null ? null : e.reason());
        m.put("escalation_asking", e == null || e.asking() == null ? null : e.asking().name());
        m.put("escalation_field", e == null ? null : e.fieldId());
        m.put("escalation_category", e == null ? null : e.category());
        m.put("escalation_description", e == null ? null : e.description());
        m.put("escalation_callback", e == null ? null : e.callback());
        m.put("ticket_number", c.ticket() == null ? null : c.ticket().number());
        m.put("ticket_first_reply_due", c.ticket() == null ? null : toSql(c.ticket().firstReplyDue()));
        m.put("warnings", c.warnings());
        m.put("updated_at", toSql(c.updatedAt()));
        m.put("waiting_since", toSql(c.waitingSince()));
        m.put("awaiting_customer_since", toSql(c.awaitingCustomerSince()));
        m.put("last_message_at", toSql(c.lastMessage().map(Message::at).orElse(c.openedAt())));
        m.put("version", c.version());
        return m;
    }

    private static List<String> all() {
        List<String> all = new ArrayList<>(FIXED);
        all.addAll(CHANGING);
        return all;
    }

    /** What the unique index compares: one open conversation per customer and desk. */
    static String openKey(DeskId desk, CustomerAddress customer) {
        return desk.value() + "|" + customer.channel().key() + "|" + customer.address();
    }

    private static Conversation head(ResultSet rs) throws SQLException {
        String reason = rs.getString("escalation_reason");
        Escalation escalation = null;
        if (reason != null) {
            String asking = rs.getString("escalation_asking");
            escalation = new Escalation(reason, asking == null ? null : Escalation.Asking.valueOf(asking),
                    rs.getString("escalation_field"), rs.getString("escalation_category"),
                    rs.getString("escalation_description"), rs.getBoolean("escalation_callback"));
        }
        String ticketNumber = rs.getString("ticket_number");
        Ticket ticket = ticketNumber == null ? null : new Ticket(ticketNumber, instant(rs, "ticket_first_reply_due"));
        return new Conversation(ConversationId.of(rs.getString("id")), DeskId.of(rs.getString("desk")), customer(rs),
                rs.getString("customer_name"), ConversationState.valueOf(rs.getString("state")), operator(rs),
                rs.getString("tier"), JsonColumns.map(rs.getString("identification")), escalation, ticket,
                rs.getInt("warnings"), List.of(), List.of(), List.of(), instant(rs, "opened_at"), instant(rs, "updated_at"),
                instant(rs, "waiting_since"), instant(rs, "awaiting_customer_since"), rs.getLong("version"));
    }

    /** A conversation's entries as its batches hold them. */
    private record StoredEntries(List<Message> messages, List<BotDecision> decisions, List<Feedback> feedback) {
    }

    /** Reads the batches in order; each must start where the one before ended, or the transcript is not whole. */
    private StoredEntries entries(ConversationId id) {
        List<Message> messages = new ArrayList<>();
        List<BotDecision> decisions = new ArrayList<>();
        List<Feedback> feedback = new ArrayList<>();
        sql.sql("select * from conversation_entries where conversation_id = ? order by entries_end").param(id.value())
                .query(rs -> {
                    int version = rs.getInt("entries_end");
                    append(id, version, "messages", messages, JsonColumns.messages(rs.getString("messages")), rs.getInt("messages_end"));
                    append(id, version, "decisions", decisions, JsonColumns.decisions(rs.getString("decisions")), rs.getInt("decisions_end"));
                    append(id, version, "feedback", feedback, JsonColumns.feedback(rs.getString("feedback")), rs.getInt("feedback_end"));
                });
        return new StoredEntries(messages, decisions, feedback);
    }

    private static <T> void append(ConversationId id, int batch, String list, List<T> into, List<T> entries, int end) {
        if (into.size() + entries.size() != end) {
            throw new IllegalStateException("conversation " + id + ": the batch ending at entry " + batch + " ends its " + list
                    + " at " + end + " but follows " + into.size() + " and holds " + entries.size());
        }
        into.addAll(entries);
    }

    private static CustomerAddress customer(ResultSet rs) throws SQLException {
        return CustomerAddress.of(ChannelKind.fromKey(rs.getString("channel")), rs.getString("address"));
    }

    private static Operator operator(ResultSet rs) throws SQLException {
        String id = rs.getString("operator_id");
        return id == null ? null : new Operator(id, rs.getString("operator_name"));
    }
}
