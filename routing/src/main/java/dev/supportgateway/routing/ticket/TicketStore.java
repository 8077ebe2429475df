package dev.supportgateway.routing.ticket;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.desk.DeskId;
import java.util.List;
import java.util.Optional;

/** Where a ticket register keeps its tickets and number sequences (SQL in infra). */
public interface TicketStore {

    /**
     * The next number of the desk's sequence for {@code year}, the first being 1. Atomic across threads and
     * nodes: no number is given twice, and numbers of one desk and year follow each other without gaps.
     */
    TicketNumber nextNumber(DeskId desk, int year);

    /** Stores the ticket, replacing the one with its number. */
    void save(RegisteredTicket ticket);

    Optional<RegisteredTicket> find(TicketNumber number);

    /** The desk's tickets in state QUEUED, in no particular order: {@link TicketRegister#queue} orders them. */
    List<RegisteredTicket> queued(DeskId desk);

    /** The ticket registered last for the conversation, if any. */
    Optional<RegisteredTicket> latestOf(ConversationId conversation);
}
