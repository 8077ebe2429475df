package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.DeskId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Per-conversation locks within one JVM (embedded single-node mode); entries are dropped when nobody holds or waits. */
public final class InProcessConversationLocks implements ConversationLocks {

    private record Key(DeskId desk, CustomerAddress customer) {
    }

    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public <T> T exclusively(DeskId desk, CustomerAddress customer, Supplier<T> work) {
        Key key = new Key(desk, customer);
        // counting users inside compute() keeps removal atomic, so the map does not grow with every customer ever seen
        Entry entry = entries.compute(key, (k, e) -> {
            Entry held = e == null ? new Entry() : e;
            held.users++;
            return held;
        });
        entry.lock.lock();
        try {
            return work.get();
        } finally {
            entry.lock.unlock();
            entries.compute(key, (k, e) -> --e.users == 0 ? null : e);
        }
    }

    /** How many customers have work in progress or waiting. */
    int size() {
        return entries.size();
    }
}
