package dev.supportgateway.infra.storage;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.desk.DeskId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conversations whose last save the journal acknowledged but the embedded database does not hold yet: each as its
 * last save left it (what reads must see instead of SQL's older row) and what SQL holds of it (the version and the
 * number of entries of each list), from which a flush writes the difference. Keeping the conversation rather than its
 * saves costs no memory beyond the conversation itself. A conversation leaves once a flush has written its last save.
 *
 * <p>Saves are added by the writer of {@link JdbcConversations}, one at a time; reads come from any thread.
 */
final class UnflushedSaves {

    private final Map<ConversationId, Pending> byId = new HashMap<>();
    private final Map<String, Set<ConversationId>> byCustomer = new HashMap<>();

    /** One conversation: as its last save left it, what SQL holds of it, and the journal file of its oldest save SQL lacks. */
    private static final class Pending {
        Conversation latest;
        Stored stored;
        long firstSegment;

        Pending(Stored stored, long firstSegment) {
            this.stored = stored;
            this.firstSegment = firstSegment;
        }
    }

    /**
     * What SQL holds of a conversation.
     *
     * @param version its version in SQL, 0 when SQL does not have it
     */
    record Stored(long version, int messages, int decisions, int feedback) {

        static Stored of(Conversation c) {
            return new Stored(c.version(), c.transcript().size(), c.decisions().size(), c.feedback().size());
        }
    }

    /**
     * A conversation to write: SQL holds {@code stored} of it, {@code latest} is what to write, and saves made after
     * the flush took it are in journal files from {@code laterSaves} on.
     */
    record Flush(Stored stored, Conversation latest, long laterSaves) {
    }

    /**
     * A save acknowledged by the journal in file {@code segment}; {@code stored} is what SQL holds of the conversation
     * when it is new here.
     */
    synchronized void add(Conversation saved, Stored stored, long segment) {
        Pending pending = byId.computeIfAbsent(saved.id(), id -> new Pending(stored, segment));
        pending.latest = saved;
        byCustomer.computeIfAbsent(customerKey(saved), k -> new LinkedHashSet<>()).add(saved.id());
    }

    /** The conversation as its last unflushed save left it, or null when SQL holds its last save. */
    synchronized Conversation get(ConversationId id) {
        Pending pending = byId.get(id);
        return pending == null ? null : pending.latest;
    }

    /** The customer's open conversation at the desk among the unflushed ones, or null. */
    synchronized Conversation open(String customerKey) {
        Set<ConversationId> ids = byCustomer.get(customerKey);
        if (ids != null) {
            for (ConversationId id : ids) {
                Conversation c = byId.get(id).latest;
                if (c.state().isOpen()) {
                    return c;
                }
            }
        }
        return null;
    }

    /** The customer's conversations at the desk whose last save is not flushed yet. */
    synchronized List<Conversation> ofCustomer(String customerKey) {
        Set<ConversationId> ids = byCustomer.get(customerKey);
        if (ids == null) {
            return List.of();
        }
        List<Conversation> found = new ArrayList<>(ids.size());
        for (ConversationId id : ids) {
            found.add(byId.get(id).latest);
        }
        return found;
    }

    /** The desk's conversations whose last save is not flushed yet, closed ones included. */
    synchronized List<Conversation> ofDesk(DeskId desk) {
        List<Conversation> found = new ArrayList<>();
        for (Pending pending : byId.values()) {
            if (pending.latest.desk().equals(desk)) {
                found.add(pending.latest);
            }
        }
        return found;
    }

    /**
     * The conversations whose oldest unflushed save is in a journal file before {@code dueBefore}, to write now; later
     * saves go to files from {@code nextSegment} on. Reads still see them here until {@link #written}.
     */
    synchronized List<Flush> toFlush(long dueBefore, long nextSegment) {
        List<Flush> flushes = new ArrayList<>();
        for (Pending pending : byId.values()) {
            if (pending.firstSegment < dueBefore) {
                flushes.add(new Flush(pending.stored, pending.latest, nextSegment));
            }
        }
        return flushes;
    }

    /** The first journal file that holds a save SQL lacks; the files before it may go. */
    synchronized long oldestSegment() {
        long oldest = Long.MAX_VALUE;
        for (Pending pending : byId.values()) {
            oldest = Math.min(oldest, pending.firstSegment);
        }
        return oldest;
    }

    /** SQL holds {@code flush.latest()} now: unless it was saved again since, it is read from SQL from now on. */
    synchronized void written(Flush flush) {
        ConversationId id = flush.latest().id();
        Pending pending = byId.get(id);
        pending.stored = Stored.of(flush.latest());
        pending.firstSegment = flush.laterSaves();
        if (pending.latest == flush.latest()) {
            byId.remove(id);
            String key = customerKey(flush.latest());
            Set<ConversationId> same = byCustomer.get(key);
            same.remove(id);
            if (same.isEmpty()) {
                byCustomer.remove(key);
            }
        }
    }

    /** How many conversations have saves SQL does not hold yet. */
    synchronized int size() {
        return byId.size();
    }

    private static String customerKey(Conversation c) {
        return JdbcConversations.openKey(c.desk(), c.customer());
    }
}
