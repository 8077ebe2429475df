package dev.supportgateway.engine.conversation;

/** Who wrote a message. SYSTEM is the gateway itself (an operator joined, the conversation was closed). */
public enum AuthorKind { CUSTOMER, BOT, OPERATOR, SYSTEM }
