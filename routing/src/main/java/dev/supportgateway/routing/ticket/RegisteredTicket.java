package dev.supportgateway.routing.ticket;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.routing.sla.SlaDeadlines;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A request registered in a desk's ticket register: its number, who asked on which channel, what the bot
 * collected (tier, category, identification, description), its priority and state, the operator working
 * on it, and its SLA deadlines. The transcript stays with the {@code conversation} it refers to.
 *
 * @param priority the priority id, or null when the desk has no priorities
 * @param operator the id of the operator working on it, or null
 */
public record RegisteredTicket(TicketNumber number, DeskId desk, ConversationId conversation, CustomerAddress customer,
                               String customerName, ChannelKind channel, TicketState state, String tier, String priority,
                               String category, Map<String, String> identification, String description, boolean callback,
                               String operator, SlaDeadlines deadlines, Instant updatedAt) {

    public RegisteredTicket {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deadlines, "deadlines");
        if (!number.desk().equals(desk)) {
            throw new IllegalArgumentException("ticket " + number + " is not a number of desk " + desk);
        }
        // insertion order kept: operators read the fields in the order the customer was asked
        identification = identification == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(identification));
        description = description == null ? "" : description;
        updatedAt = updatedAt == null ? deadlines.createdAt() : updatedAt;
    }

    public Instant createdAt() {
        return deadlines.createdAt();
    }

    /** What the dialogue tells the customer: the number and when the first reply is due. */
    public Ticket asTicket() {
        return new Ticket(number.toString(), deadlines.firstReplyDue());
    }

    /** Moves to {@code target}; a move {@link TicketState#next()} does not list is refused. Leaving work releases the operator. */
    public RegisteredTicket moveTo(TicketState target, String byOperator, Instant at) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("ticket " + number + " cannot move from " + state + " to " + target);
        }
        String holder = target == TicketState.IN_PROGRESS || target == TicketState.ON_HOLD
                ? (byOperator != null ? byOperator : operator) : null;
        return new RegisteredTicket(number, desk, conversation, customer, customerName, channel, target, tier, priority,
                category, identification, description, callback, holder, deadlines, at);
    }

    /** Held by another operator, in the same state: a colleague took the work over. Only a ticket in work has a holder. */
    public RegisteredTicket handedTo(String operatorId, Instant at) {
        Objects.requireNonNull(operatorId, "operatorId");
        if (state != TicketState.IN_PROGRESS && state != TicketState.ON_HOLD) {
            throw new IllegalStateException("ticket " + number + " is not in work (" + state + ") and cannot be handed over");
        }
        return new RegisteredTicket(number, desk, conversation, customer, customerName, channel, state, tier, priority,
                category, identification, description, callback, operatorId, deadlines, at);
    }

    /** With another priority and the deadlines that priority gives. */
    public RegisteredTicket prioritized(String priorityId, SlaDeadlines recomputed, Instant at) {
        return new RegisteredTicket(number, desk, conversation, customer, customerName, channel, state, tier, priorityId,
                category, identification, description, callback, operator, recomputed, at);
    }

    /** Without identification values and description: personal data. */
    @Override
    public String toString() {
        return "RegisteredTicket[number=" + number + ", conversation=" + conversation + ", customer=" + customer
                + ", channel=" + channel.key() + ", state=" + state + ", tier=" + tier + ", priority=" + priority
                + ", category=" + category + ", identification=" + identification.keySet() + ", callback=" + callback
                + ", operator=" + operator + ", firstReplyDue=" + deadlines.firstReplyDue()
                + ", resolutionDue=" + deadlines.resolutionDue() + "]";
    }
}
