package dev.supportgateway.routing.ticket;

import dev.supportgateway.engine.desk.Category;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.IdentityField;
import dev.supportgateway.engine.desk.Priority;
import dev.supportgateway.engine.desk.ServiceTier;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.engine.escalation.TicketRequest;
import dev.supportgateway.engine.escalation.Tickets;
import dev.supportgateway.routing.queue.QueueOrder;
import dev.supportgateway.routing.sla.SlaDeadlines;
import dev.supportgateway.routing.sla.SlaPolicy;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * The desks' ticket registers: gives an escalated request its registration number, computes its SLA
 * deadlines in the desk's business time, stores it and queues it for operators in the desk's order.
 */
public final class TicketRegister implements Tickets {

    private static final System.Logger LOG = System.getLogger(TicketRegister.class.getName());

    private final TicketStore store;
    private final SlaPolicies policies;

    public TicketRegister(TicketStore store, SlaPolicies policies) {
        this.store = Objects.requireNonNull(store, "store");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    /**
     * Registers the request as a QUEUED ticket. A conversation whose last ticket still waits in the queue
     * keeps that ticket: the engine may repeat an escalation after losing a race to save the conversation,
     * and one request must not get two numbers.
     */
    @Override
    public Ticket open(TicketRequest request) {
        Optional<RegisteredTicket> waiting = store.latestOf(request.conversation())
                .filter(t -> t.state() == TicketState.QUEUED);
        if (waiting.isPresent()) {
            LOG.log(Level.INFO, "conversation {0} escalated again while ticket {1} waits in the queue; keeping that ticket",
                    request.conversation(), waiting.get().number());
            return waiting.get().asTicket();
        }
        SlaPolicy policy = policies.of(request.desk());
        Desk desk = policy.desk();
        String tier = request.tier() != null ? request.tier() : desk.defaultTier().map(ServiceTier::id).orElse(null);
        String priority = initialPriority(desk, request.category());
        Instant at = request.requestedAt();
        // the number's year is the desk's year: a request at 00:30 on 1 January in Astana belongs to the new year
        int year = at.atZone(desk.timeZone()).getYear();
        TicketNumber number = store.nextNumber(desk.id(), year);
        SlaDeadlines deadlines = policy.deadlines(tier, request.channel(), priority, request.category(), at);
        RegisteredTicket ticket = new RegisteredTicket(number, desk.id(), request.conversation(), request.customer(),
                request.customerName(), request.channel(), TicketState.QUEUED, tier, priority, request.category(),
                inDeskOrder(desk, request.identification()), request.description(), request.callback(), null, deadlines, at);
        store.save(ticket);
        LOG.log(Level.INFO, "registered {0}", ticket);
        return ticket.asTicket();
    }

    public Optional<RegisteredTicket> find(TicketNumber number) {
        return store.find(number);
    }

    /**
     * The desk's queued tickets in the order operators take them: out-of-turn priorities first, then tiers
     * by rank (VIP before Basic), then first come, first served.
     */
    public List<RegisteredTicket> queue(DeskId deskId) {
        Desk desk = policies.of(deskId).desk();
        Comparator<RegisteredTicket> order = new QueueOrder(desk)
                .comparing(RegisteredTicket::tier, RegisteredTicket::priority, RegisteredTicket::createdAt);
        return store.queued(deskId).stream()
                .sorted(order.thenComparing(RegisteredTicket::number))
                .toList();
    }

    /** An operator starts working on the ticket: it leaves the queue. */
    public RegisteredTicket take(TicketNumber number, String operatorId, Instant at) {
        Objects.requireNonNull(operatorId, "operatorId");
        return change(number, t -> t.moveTo(TicketState.IN_PROGRESS, operatorId, at));
    }

    /** A colleague goes on with the ticket: it stays in work, under its deadlines, held by {@code operatorId}. */
    public RegisteredTicket handOver(TicketNumber number, String operatorId, Instant at) {
        return change(number, t -> t.handedTo(operatorId, at));
    }

    /** The request lacks information: it waits for the customer's answer. */
    public RegisteredTicket putOnHold(TicketNumber number, Instant at) {
        return change(number, t -> t.moveTo(TicketState.ON_HOLD, null, at));
    }

    /** Back into the queue (the customer answered, the operator handed it back, or the customer reopened it). */
    public RegisteredTicket requeue(TicketNumber number, Instant at) {
        return change(number, t -> t.moveTo(TicketState.QUEUED, null, at));
    }

    public RegisteredTicket close(TicketNumber number, Instant at) {
        return change(number, t -> t.moveTo(TicketState.CLOSED, null, at));
    }

    /**
     * Sets the priority an operator chose (edoc §20) and the deadlines it gives, still counted from the
     * ticket's registration; an out-of-turn priority moves it to the head of the queue.
     */
    public RegisteredTicket prioritize(TicketNumber number, String priorityId, Instant at) {
        return change(number, t -> {
            SlaPolicy policy = policies.of(t.desk());
            if (policy.desk().priority(priorityId).isEmpty()) {
                throw new IllegalArgumentException("desk " + t.desk() + " has no priority '" + priorityId + "', known: "
                        + policy.desk().priorities().stream().map(Priority::id).toList());
            }
            SlaDeadlines deadlines = policy.deadlines(t.tier(), t.channel(), priorityId, t.category(), t.createdAt());
            return t.prioritized(priorityId, deadlines, at);
        });
    }

    private RegisteredTicket change(TicketNumber number, UnaryOperator<RegisteredTicket> change) {
        RegisteredTicket current = store.find(number).orElseThrow(() -> new NoSuchElementException("no ticket " + number));
        RegisteredTicket changed = change.apply(current);
        store.save(changed);
        LOG.log(Level.INFO, "ticket {0}: {1} -> {2}, priority {3}", number, current.state(), changed.state(), changed.priority());
        return changed;
    }

    /** The identification in the order the desk asks for it (the request's map has no order), then anything else. */
    private static Map<String, String> inDeskOrder(Desk desk, Map<String, String> identification) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (IdentityField field : desk.identification().fields()) {
            String value = identification.get(field.id());
            if (value != null) {
                ordered.put(field.id(), value);
            }
        }
        new TreeMap<>(identification).forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** The category's own priority (konus: a critical incident is critical), else the desk's default, else none. */
    private static String initialPriority(Desk desk, String categoryId) {
        return Optional.ofNullable(categoryId).flatMap(desk::category).map(Category::defaultPriority)
                .or(() -> desk.priorities().stream().filter(Priority::isDefault).findFirst().map(Priority::id))
                .or(() -> desk.priorities().stream().findFirst().map(Priority::id))
                .orElse(null);
    }
}
