package dev.supportgateway.infra.storage;

import static dev.supportgateway.infra.storage.SqlTime.instant;
import static dev.supportgateway.infra.storage.SqlTime.toSql;

import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.AuthorKind;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.ConcurrentConversationChange;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Escalation;
import dev.supportgateway.engine.conversation.Feedback;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.escalation.Ticket;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversations in SQL: one row per conversation guarded by its version, and the transcript, bot
 * decisions and feedback as append-only rows, of which a save writes only the new ones.
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

    private static final String INSERT = "insert into conversation (" + String.join(", ", all()) + ") values ("
            + all().stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
    /** A journaled save over whatever version the database kept: the journal's order is the commit order. */
    private static final String UPDATE_REPLAYED = "update conversation set "
            + CHANGING.stream().map(c -> c + " = :" + c).collect(Collectors.joining(", ")) + " where id = :id";
    private static final String UPDATE = UPDATE_REPLAYED + " and version = :read_version";
    private static final String INSERT_MESSAGE = "insert into conversation_message (id, conversation_id, seq_no, desk,"
            + " channel, address, author_kind, author_id, author_name, body, actions, link, attachments, external_id,"
            + " action_id, in_reply_to, sent_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_DECISION = "insert into bot_decision (conversation_id, seq_no, message_id,"
            + " decision_rule, reason, confidence, article, candidates, decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_FEEDBACK = "insert into answer_feedback (conversation_id, seq_no, answer_id,"
            + " article, helped, given_at) values (?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final JdbcClient sql;
    private final TransactionTemplate transactions;
    private final ConcurrentLinkedQueue<PendingSave> queue = new ConcurrentLinkedQueue<>();
    /** Held by the caller writing a batch; package-private so that a test can hold saves back to make one batch. */
    final ReentrantLock writer = new ReentrantLock();
    private volatile long batches;
    private final ConversationCache cache;
    /** Null when every commit is durable by itself (PostgreSQL); otherwise saves are acknowledged by the journal. */
    private final SaveJournal journal;

    /** The most saves one transaction applies. */
    static final int MAX_BATCH = 200;
    /** How many conversations the cache keeps by default. */
    static final int DEFAULT_CACHED = 20_000;

    JdbcConversations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, transactionManager, DEFAULT_CACHED, null);
    }

    /**
     * @param cached how many recently used conversations to keep in memory; 0: none, every read goes to SQL
     * @param journal where saves are written ahead when the database commits lazily; null when its commits are durable
     */
    JdbcConversations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, int cached, SaveJournal journal) {
        this.jdbc = jdbc;
        this.sql = JdbcClient.create(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.cache = new ConversationCache(cached);
        this.journal = journal;
    }

    @Override
    public Optional<Conversation> findOpen(DeskId desk, CustomerAddress customer) {
        Conversation cached = cache.open(openKey(desk, customer));
        if (cached != null) {
            return Optional.of(cached);
        }
        return sql.sql("select id from conversation where open_key = ?")
                .param(openKey(desk, customer))
                .query(String.class).optional()
                .flatMap(id -> find(ConversationId.of(id)));
    }

    @Override
    public Optional<Conversation> findLastClosed(DeskId desk, CustomerAddress customer) {
        return sql.sql("""
                        select id from conversation
                        where desk = ? and channel = ? and address = ? and state = 'CLOSED'
                        order by updated_at desc, id desc
                        fetch first 1 rows only""")
                .params(desk.value(), customer.channel().key(), customer.address())
                .query(String.class).optional()
                .flatMap(id -> find(ConversationId.of(id)));
    }

    @Override
    public Optional<Conversation> find(ConversationId id) {
        Conversation cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        // the row first: if a save slips in between, the lists are newer than the version read, and saving
        // over that version fails as a concurrent change instead of missing the newer messages
        Optional<Conversation> head = sql.sql("select * from conversation where id = ?").param(id.value())
                .query((rs, n) -> head(rs)).optional();
        Optional<Conversation> found = head.map(c -> new Conversation(c.id(), c.desk(), c.customer(), c.customerName(),
                c.state(), c.operator(), c.tier(), c.identification(), c.escalation(), c.ticket(), c.warnings(),
                transcript(id), decisions(id), feedback(id), c.openedAt(), c.updatedAt(), c.waitingSince(),
                c.awaitingCustomerSince(), c.version()));
        found.ifPresent(cache::read);
        return found;
    }

    /**
     * Group commit: the caller's save joins a queue, and whichever caller holds the writer lock applies every
     * queued save in one transaction, each under its own savepoint (a conflict undoes only that save), and
     * commits once. A caller returns only after the commit that holds its save, so an acknowledged message is
     * as durable as with a commit per save; under load one disk write serves many saves. With a journal the
     * commit is lazy, and the batch's saves are durable once their journal records are forced to disk.
     */
    @Override
    public Conversation save(Conversation conversation) {
        PendingSave save = new PendingSave(conversation);
        queue.add(save);
        while (!save.done) {
            writer.lock();
            try {
                if (!save.done) {
                    writeBatch();
                }
            } finally {
                writer.unlock();
            }
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

    /** Applies the queued saves (at most {@link #MAX_BATCH}) in one transaction; called under the writer lock. */
    private void writeBatch() {
        List<PendingSave> batch = new ArrayList<>();
        for (PendingSave next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return;
        }
        batches++;
        boolean savepoints = batch.size() > 1;
        try {
            transactions.executeWithoutResult(status -> {
                for (PendingSave save : batch) {
                    Object savepoint = savepoints ? status.createSavepoint() : null;
                    try {
                        save.rows = rows(save.conversation);
                        apply(save.rows, save.conversation.version());
                        save.saved = save.conversation.withVersion(save.rows.version());
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
            journal(batch);
            for (PendingSave save : batch) {
                if (save.failure == null) {
                    cache.stored(save.saved);
                } else {
                    translate(save);
                }
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
                }
                save.done = true;
            }
        }
    }

    /** The journal saves are acknowledged by, or null when commits are durable by themselves. */
    SaveJournal journal() {
        return journal;
    }

    /** How many saves wait for the writer. */
    int queued() {
        return queue.size();
    }

    /** How many transactions of saves were written so far. */
    long batches() {
        return batches;
    }

    /**
     * Writes the committed saves of a batch to the journal, if there is one. Should that fail, they are
     * committed but not durable: their callers are told the save failed (a resent message is recognised by its
     * external id), and the cache forgets them.
     */
    private void journal(List<PendingSave> batch) {
        if (journal == null) {
            return;
        }
        List<SaveRows> committed = new ArrayList<>(batch.size());
        for (PendingSave save : batch) {
            if (save.failure == null) {
                committed.add(save.rows);
            }
        }
        if (committed.isEmpty()) {
            return;
        }
        try {
            journal.append(committed);
        } catch (RuntimeException e) {
            LOG.error("{} committed saves could not be written to the journal; their callers are told they failed",
                    committed.size(), e);
            for (PendingSave save : batch) {
                if (save.failure == null) {
                    save.saved = null;
                    save.failure = new IllegalStateException("saving conversation " + save.conversation.id()
                            + " failed: the journal could not be written", e);
                }
            }
        }
    }

    /** Writes one save within the batch's transaction, failing with a {@link Conflict} when the version is not the one read. */
    private void apply(SaveRows rows, long readVersion) {
        if (rows.created()) {
            sql.sql(INSERT).params(rows.columns()).update();
        } else {
            Map<String, Object> columns = new HashMap<>(rows.columns());
            columns.put("read_version", readVersion);
            if (sql.sql(UPDATE).params(columns).update() == 0) {
                throw new Conflict(storedVersion(ConversationId.of(rows.conversationId())));
            }
        }
        batch(INSERT_MESSAGE, rows.messages());
        batch(INSERT_DECISION, rows.decisions());
        batch(INSERT_FEEDBACK, rows.feedback());
    }

    /**
     * Applies journaled saves the database lost when the process stopped, in their order: a save whose version is
     * already stored is skipped, so replaying twice changes nothing. The caller checkpoints before it deletes the
     * journal files.
     *
     * @return how many saves were applied
     */
    int replay(List<SaveRows> saves) {
        int applied = 0;
        for (SaveRows save : saves) {
            Boolean done = transactions.execute(status -> replay(save));
            if (Boolean.TRUE.equals(done)) {
                applied++;
            }
        }
        return applied;
    }

    private boolean replay(SaveRows save) {
        // 0: not stored at all, since a stored conversation has version 1 or more
        long stored = storedVersion(ConversationId.of(save.conversationId()));
        if (stored >= save.version()) {
            return false;
        }
        if (stored == 0) {
            if (!save.created()) {
                // the saves before it are missing too: the journal was not kept with this database
                LOG.warn("journaled save of conversation {} at version {} skipped: the database does not have the"
                        + " conversation", save.conversationId(), save.version());
                return false;
            }
            sql.sql(INSERT).params(save.columns()).update();
        } else {
            sql.sql(UPDATE_REPLAYED).params(save.columns()).update();
        }
        int[] counts = storedCounts(save.conversationId());
        batch(INSERT_MESSAGE, from(save.messages(), SaveRows.MESSAGE_SEQ, counts[0]));
        batch(INSERT_DECISION, from(save.decisions(), SaveRows.ENTRY_SEQ, counts[1]));
        batch(INSERT_FEEDBACK, from(save.feedback(), SaveRows.ENTRY_SEQ, counts[2]));
        return true;
    }

    private static List<Object[]> from(List<Object[]> rows, int seqColumn, int stored) {
        return rows.stream().filter(row -> ((Number) row[seqColumn]).intValue() >= stored).toList();
    }

    /**
     * Makes the embedded database write every committed transaction to its file, after which the journal
     * records of those saves are no longer needed. Only called with a journal, which exists only on H2.
     */
    void checkpoint() {
        EmbeddedDatabase.checkpoint(jdbc);
    }

    /**
     * Under the writer lock, closes the journal's file and starts the next one (or none when {@code last});
     * returns the closed file, whose saves are all committed.
     */
    Path rotateJournal(boolean last) {
        writer.lock();
        try {
            return last ? journal.finish() : journal.rotate();
        } finally {
            writer.unlock();
        }
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

    /** One caller's save waiting in the queue; its fields are set by the writer before {@code done}. */
    private static final class PendingSave {
        final Conversation conversation;
        SaveRows rows;
        Conversation saved;
        RuntimeException failure;
        /** When not negative, the save conflicted with this stored version. */
        long storedVersion = -1;
        volatile boolean done;

        PendingSave(Conversation conversation) {
            this.conversation = conversation;
        }
    }

    /**
     * Looks in the cached open conversation first; when it is known to be the customer's only conversation at the
     * desk (learnt with one query per conversation), that answers. Otherwise the earlier conversations, closed
     * ones included, are only in SQL.
     */
    @Override
    public boolean received(DeskId desk, CustomerAddress customer, String externalId) {
        Conversation open = cache.open(openKey(desk, customer));
        if (open != null) {
            if (open.received(externalId)) {
                return true;
            }
            if (cache.isOnly(open.id())) {
                return false;
            }
            boolean others = sql.sql("""
                            select count(*) from conversation
                            where desk = ? and channel = ? and address = ? and id <> ?""")
                    .params(desk.value(), customer.channel().key(), customer.address(), open.id().value())
                    .query(Long.class).single() > 0;
            if (!others) {
                cache.markOnly(open.id());
                return false;
            }
        }
        return sql.sql("""
                        select count(*) from conversation_message
                        where desk = ? and channel = ? and address = ? and external_id = ? and author_kind = 'CUSTOMER'""")
                .params(desk.value(), customer.channel().key(), customer.address(), externalId)
                .query(Long.class).single() > 0;
    }

    @Override
    public List<ConversationSummary> open(DeskId desk) {
        return sql.sql("""
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
    }

    /** What saving {@code c} writes, in the batch's transaction: the row and the entries not yet stored. */
    private SaveRows rows(Conversation c) {
        String id = c.id().value();
        Conversation cached = cache.get(c.id());
        int[] stored = c.version() == 0 ? new int[3]
                // the cached value at the version read is what is stored: a version is written once
                : cached != null && cached.version() == c.version()
                        ? new int[] {cached.transcript().size(), cached.decisions().size(), cached.feedback().size()}
                        : storedCounts(id);
        List<Object[]> messages = new ArrayList<>();
        for (int i = newFrom(c, "messages", stored[0], c.transcript().size()); i < c.transcript().size(); i++) {
            Message m = c.transcript().get(i);
            messages.add(new Object[] {m.id().value(), id, i, c.desk().value(), c.customer().channel().key(),
                    c.customer().address(), m.author().kind().name(), m.author().id(), m.author().displayName(), m.text(),
                    JsonColumns.ofActions(m.actions()), m.link(), JsonColumns.ofAttachments(m.attachments()), m.externalId(),
                    m.actionId(), m.inReplyTo() == null ? null : m.inReplyTo().value(), toSql(m.at())});
        }
        List<Object[]> decisions = new ArrayList<>();
        for (int i = newFrom(c, "decisions", stored[1], c.decisions().size()); i < c.decisions().size(); i++) {
            BotDecision d = c.decisions().get(i);
            decisions.add(new Object[] {id, i, d.message() == null ? null : d.message().value(), d.rule().name(), d.reason(),
                    Double.isNaN(d.confidence()) ? null : d.confidence(), d.article(), JsonColumns.ofTexts(d.candidates()),
                    toSql(d.at())});
        }
        List<Object[]> feedback = new ArrayList<>();
        for (int i = newFrom(c, "feedback", stored[2], c.feedback().size()); i < c.feedback().size(); i++) {
            Feedback f = c.feedback().get(i);
            feedback.add(new Object[] {id, i, f.answer().value(), f.article(), f.helped(), toSql(f.at())});
        }
        return new SaveRows(id, c.version() + 1, c.version() == 0, columns(c), messages, decisions, feedback);
    }

    /** How many messages, decisions and feedback entries of the conversation SQL holds. */
    private int[] storedCounts(String id) {
        return sql.sql("""
                        select (select count(*) from conversation_message where conversation_id = :id),
                               (select count(*) from bot_decision where conversation_id = :id),
                               (select count(*) from answer_feedback where conversation_id = :id)""")
                .param("id", id)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
    }

    private void batch(String statement, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(statement, rows);
        }
    }

    /** Where the new entries of a list start; a list shorter than what is stored breaks the append-only contract. */
    private static int newFrom(Conversation c, String list, int stored, int size) {
        if (size < stored) {
            throw new IllegalStateException("conversation " + c.id() + " has " + size + " " + list + " but " + stored
                    + " are stored: " + list + " are only ever appended");
        }
        return stored;
    }

    private long storedVersion(ConversationId id) {
        return sql.sql("select version from conversation where id = ?").param(id.value())
                .query(Long.class).optional().orElse(0L);
    }

    private static ConcurrentConversationChange conflict(Conversation c, long stored) {
        return new ConcurrentConversationChange(c.id(), c.version(), stored);
    }

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
        m.put("version", c.version() + 1);
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

    private List<Message> transcript(ConversationId id) {
        return sql.sql("select * from conversation_message where conversation_id = ? order by seq_no").param(id.value())
                .query((rs, n) -> {
                    String inReplyTo = rs.getString("in_reply_to");
                    return new Message(MessageId.of(rs.getString("id")),
                            new Author(AuthorKind.valueOf(rs.getString("author_kind")), rs.getString("author_id"),
                                    rs.getString("author_name")),
                            rs.getString("body"), JsonColumns.actions(rs.getString("actions")), rs.getString("link"),
                            JsonColumns.attachments(rs.getString("attachments")), rs.getString("external_id"),
                            rs.getString("action_id"), inReplyTo == null ? null : MessageId.of(inReplyTo), instant(rs, "sent_at"));
                })
                .list();
    }

    private List<BotDecision> decisions(ConversationId id) {
        return sql.sql("select * from bot_decision where conversation_id = ? order by seq_no").param(id.value())
                .query((rs, n) -> {
                    String message = rs.getString("message_id");
                    double confidence = rs.getDouble("confidence");
                    if (rs.wasNull()) {
                        confidence = Double.NaN;
                    }
                    return new BotDecision(message == null ? null : MessageId.of(message),
                            DecisionRule.valueOf(rs.getString("decision_rule")), rs.getString("reason"), confidence,
                            rs.getString("article"), JsonColumns.texts(rs.getString("candidates")), instant(rs, "decided_at"));
                })
                .list();
    }

    private List<Feedback> feedback(ConversationId id) {
        return sql.sql("select * from answer_feedback where conversation_id = ? order by seq_no").param(id.value())
                .query((rs, n) -> new Feedback(MessageId.of(rs.getString("answer_id")), rs.getString("article"),
                        rs.getBoolean("helped"), instant(rs, "given_at")))
                .list();
    }

    private static CustomerAddress customer(ResultSet rs) throws SQLException {
        return CustomerAddress.of(ChannelKind.fromKey(rs.getString("channel")), rs.getString("address"));
    }

    private static Operator operator(ResultSet rs) throws SQLException {
        String id = rs.getString("operator_id");
        return id == null ? null : new Operator(id, rs.getString("operator_name"));
    }
}
