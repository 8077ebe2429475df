package dev.supportgateway.infra.storage;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The conversations {@link JdbcConversations} stored or read most recently, by id and, while open, by desk and
 * customer: a read-through, write-through cache bounded to {@code capacity} entries (least recently used ones go
 * first), so that a customer's next message does not read the whole transcript again.
 *
 * <p>It only ever holds a durable state: a save enters it after its commit, or after its journal record is forced
 * to disk. A value may be stale when another node saved the conversation since; a save over it then fails the
 * version check as a concurrent change, which evicts it, and the retry reads SQL. A version is written once, so a
 * cached value at version v is exactly what the database holds, or will hold, at version v.
 */
final class ConversationCache {

    private final int capacity;
    private final LinkedHashMap<ConversationId, Conversation> byId;
    private final Map<String, ConversationId> openByCustomer = new HashMap<>();
    /** Open conversations known to be their customer's only one at the desk (see {@link #markOnly}). */
    private final Set<ConversationId> only = new HashSet<>();

    ConversationCache(int capacity) {
        this.capacity = capacity;
        this.byId = new LinkedHashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ConversationId, Conversation> eldest) {
                if (size() > ConversationCache.this.capacity) {
                    forgetOpen(eldest.getValue());
                    return true;
                }
                return false;
            }
        };
    }

    /** The cached conversation, or null. */
    synchronized Conversation get(ConversationId id) {
        return capacity == 0 ? null : byId.get(id);
    }

    /** The cached open conversation under {@code openKey}, or null when not cached (it may still exist in SQL). */
    synchronized Conversation open(String openKey) {
        if (capacity == 0) {
            return null;
        }
        ConversationId id = openByCustomer.get(openKey);
        Conversation c = id == null ? null : byId.get(id);
        return c != null && c.state().isOpen() ? c : null;
    }

    /** A committed save: replaces whatever is cached of the conversation. */
    synchronized void stored(Conversation saved) {
        if (capacity > 0) {
            put(saved);
        }
    }

    /** A value read from SQL: kept unless a newer version is cached already (a save may commit during the read). */
    synchronized void read(Conversation found) {
        if (capacity == 0) {
            return;
        }
        Conversation cached = byId.get(found.id());
        if (cached == null || cached.version() < found.version()) {
            put(found);
        }
    }

    /**
     * Records that SQL holds no other conversation of this open conversation's customer at its desk. That stays
     * true while it is open: another one can only be opened after it closes, or by reopening an earlier one.
     */
    synchronized void markOnly(ConversationId id) {
        Conversation c = byId.get(id);
        if (c != null && c.state().isOpen()) {
            only.add(id);
        }
    }

    /** Whether the cached open conversation is known to be its customer's only one at the desk. */
    synchronized boolean isOnly(ConversationId id) {
        return only.contains(id);
    }

    /** Forgets the conversation: after a failed save its stored state is not known. */
    synchronized void evict(ConversationId id) {
        Conversation removed = byId.remove(id);
        if (removed != null) {
            forgetOpen(removed);
        }
    }

    synchronized int size() {
        return byId.size();
    }

    private void put(Conversation c) {
        byId.put(c.id(), c);
        // desk and customer never change, so neither does the key
        if (c.state().isOpen()) {
            openByCustomer.put(JdbcConversations.openKey(c.desk(), c.customer()), c.id());
        } else {
            forgetOpen(c);
        }
    }

    private void forgetOpen(Conversation c) {
        openByCustomer.remove(JdbcConversations.openKey(c.desk(), c.customer()), c.id());
        only.remove(c.id());
    }
}
