package dev.supportgateway.engine.conversation;

import dev.supportgateway.engine.desk.DeskId;
import java.time.Instant;

/**
 * One line of the operator console's list: who, in which state, held by whom, waiting since when.
 *
 * @param awaitingCustomerSince when the request was put on hold for the customer's answer («ждём ответа клиента»), or null
 * @param firstReplyDue when the desk's SLA wants an operator's first reply to the conversation's ticket, or null
 */
public record ConversationSummary(ConversationId id, DeskId desk, CustomerAddress customer, String customerName,
                                  ConversationState state, Operator operator, String tier, String ticketNumber,
                                  Instant waitingSince, Instant lastMessageAt, Instant awaitingCustomerSince,
                                  Instant firstReplyDue) {

    /** Service was stopped and a supervisor should look at it. */
    public boolean flagged() {
        return state == ConversationState.SUSPENDED;
    }

    /** Still in the queue after the first reply was due: the desk is breaking its SLA on this one. */
    public boolean overdueAt(Instant now) {
        return state == ConversationState.WAITING_FOR_OPERATOR && firstReplyDue != null && now.isAfter(firstReplyDue);
    }
}
