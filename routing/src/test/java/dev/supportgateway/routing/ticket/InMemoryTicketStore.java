package dev.supportgateway.routing.ticket;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.desk.DeskId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A ticket store in memory, for rules that do not depend on SQL. */
final class InMemoryTicketStore implements TicketStore {

    private final Map<String, Long> sequences = new ConcurrentHashMap<>();
    private final Map<TicketNumber, RegisteredTicket> tickets = new ConcurrentHashMap<>();

    @Override
    public TicketNumber nextNumber(DeskId desk, int year) {
        long next = sequences.merge(desk.value() + "/" + year, 1L, Long::sum);
        return TicketNumber.of(desk, year, next);
    }

    @Override
    public void save(RegisteredTicket ticket) {
        tickets.put(ticket.number(), ticket);
    }

    @Override
    public Optional<RegisteredTicket> find(TicketNumber number) {
        return Optional.ofNullable(tickets.get(number));
    }

    @Override
    public List<RegisteredTicket> queued(DeskId desk) {
        return tickets.values().stream().filter(t -> t.desk().equals(desk) && t.state() == TicketState.QUEUED).toList();
    }

    @Override
    public Optional<RegisteredTicket> latestOf(ConversationId conversation) {
        return tickets.values().stream().filter(t -> t.conversation().equals(conversation))
                .max(Comparator.comparing(RegisteredTicket::createdAt).thenComparing(RegisteredTicket::number));
    }
}
