package dev.supportgateway.engine.conversation;

/** The rule of the dialogue policy behind a bot decision; stored by name, so names are stable. */
public enum DecisionRule {
    GREETING,
    THANKS,
    GOODBYE,
    PERSON_REQUESTED,
    PROFANITY_IGNORED,
    PROFANITY_WARNED,
    SERVICE_STOPPED,
    OUT_OF_SCOPE,
    CALLBACK_ACCEPTED,
    CALLBACK_NOT_AVAILABLE,
    HELP_CENTER_ANSWER,
    HELP_CENTER_SUGGESTION,
    HELP_CENTER_NO_ANSWER,
    CANDIDATE_CHOSEN,
    FEEDBACK_HELPED,
    FEEDBACK_NOT_HELPED,
    ASKED_IDENTIFICATION,
    IDENTIFICATION_REJECTED,
    ASKED_CATEGORY,
    ASKED_DESCRIPTION,
    TICKET_REGISTERED,
    /** While the bot collected the ticket's fields the customer asked for a person or only was polite: not taken as a value. */
    TICKET_IN_PREPARATION,
    ESCALATION_CANCELLED,
    CLOSED_FOR_SILENCE,
    REOPENED,
    REOPEN_UNAVAILABLE,
    SERVICE_RATED,
    WAITING_ACKNOWLEDGED,
    SILENT_WHILE_OPERATOR_HOLDS,
    SILENT_WHILE_SUSPENDED,
    NOTHING_TO_ANSWER
}
