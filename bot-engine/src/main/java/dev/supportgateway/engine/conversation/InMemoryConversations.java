package dev.supportgateway.engine.conversation;

import dev.supportgateway.engine.desk.DeskId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conversations kept in memory: the store of the embedded single-node mode and of tests. Lost on
 * restart; a SQL store replaces it when conversations must survive one.
 */
public final class InMemoryConversations implements Conversations {

    private record Customer(DeskId desk, CustomerAddress address) {
    }

    private record Received(Customer customer, String externalId) {
    }

    private final Map<ConversationId, Conversation> byId = new HashMap<>();
    private final Map<Customer, ConversationId> openByCustomer = new HashMap<>();
    private final Map<Customer, ConversationId> lastClosedByCustomer = new HashMap<>();
    private final Set<Received> received = new HashSet<>();

    @Override
    public synchronized Optional<Conversation> findOpen(DeskId desk, CustomerAddress customer) {
        return Optional.ofNullable(openByCustomer.get(new Customer(desk, customer))).map(byId::get);
    }

    @Override
    public synchronized Optional<Conversation> find(ConversationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Conversation> findLastClosed(DeskId desk, CustomerAddress customer) {
        // a reopened conversation stays here until it closes again, so check its state
        return Optional.ofNullable(lastClosedByCustomer.get(new Customer(desk, customer))).map(byId::get)
                .filter(c -> !c.state().isOpen());
    }

    @Override
    public synchronized List<Conversation> ofCustomer(DeskId desk, CustomerAddress customer, int limit) {
        return byId.values().stream().filter(c -> c.desk().equals(desk) && c.customer().equals(customer))
                .sorted(Conversation.LAST_CHANGED_FIRST).limit(limit).toList();
    }

    @Override
    public synchronized Conversation save(Conversation conversation) {
        Conversation stored = byId.get(conversation.id());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != conversation.version()) {
            throw new ConcurrentConversationChange(conversation.id(), conversation.version(), storedVersion);
        }
        Customer customer = new Customer(conversation.desk(), conversation.customer());
        ConversationId open = openByCustomer.get(customer);
        if (conversation.state().isOpen() && open != null && !open.equals(conversation.id())) {
            throw new IllegalStateException("customer " + conversation.customer() + " already has open conversation " + open
                    + " with desk " + conversation.desk());
        }
        Conversation saved = conversation.withVersion(storedVersion + 1);
        byId.put(saved.id(), saved);
        if (saved.state().isOpen()) {
            openByCustomer.put(customer, saved.id());
        } else {
            openByCustomer.remove(customer, saved.id());
            lastClosedByCustomer.put(customer, saved.id());
        }
        saved.transcript().stream().filter(m -> m.fromCustomer() && m.externalId() != null)
                .forEach(m -> received.add(new Received(customer, m.externalId())));
        return saved;
    }

    @Override
    public synchronized boolean received(DeskId desk, CustomerAddress customer, String externalId) {
        return received.contains(new Received(new Customer(desk, customer), externalId));
    }

    @Override
    public synchronized List<ConversationSummary> open(DeskId desk) {
        Comparator<ConversationSummary> longestWaiting = Comparator.comparing(ConversationSummary::waitingSince,
                Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
        return openByCustomer.values().stream().map(byId::get).filter(c -> c.desk().equals(desk))
                .map(Conversation::summary)
                .sorted(longestWaiting.thenComparing(ConversationSummary::lastMessageAt))
                .toList();
    }
}
