package dev.supportgateway.engine.conversation;

/**
 * Who wrote a message. SYSTEM is the gateway itself (an operator joined, the conversation was closed); NOTE is an
 * operator's internal note for colleagues, which stays in the transcript and never reaches the customer.
 */
public enum AuthorKind { CUSTOMER, BOT, OPERATOR, SYSTEM, NOTE }
