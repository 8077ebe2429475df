package dev.supportgateway.engine.escalation;

/** The desks' ticket registers: where an escalated conversation becomes a request with a number and an SLA (routing implements it). */
public interface Tickets {

    /**
     * Registers the request, queues it for operators and returns its number and first-reply deadline.
     * Called once per escalation; the engine stores the ticket on the conversation right after.
     */
    Ticket open(TicketRequest request);
}
