package dev.supportgateway.engine.conversation;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a conversation stands. The allowed moves are listed here, in one place; {@link Conversation#moveTo}
 * refuses any other with {@link IllegalTransition}.
 *
 * <pre>
 * BOT ──answer──▶ ANSWERED ──helped/new question──▶ BOT
 *  │                 │ not helped / operator
 *  ├──person/no answer──▶ ESCALATING ──ticket──▶ WAITING_FOR_OPERATOR ──takeOver──▶ WITH_OPERATOR
 *  │                                                 ▲────returnToQueue───────────┤
 *  │                                                                      │   ▲ returnToBot ▶ BOT
 *  │                                                       close (ask) ▶ CLOSING ─yes─┘
 *  ├──profanity after warnings──▶ SUSPENDED ──resume──▶ BOT                 │ no
 *  └── any open state ──close──▶ CLOSED ◀────────────────────────────────────┘
 *                                  └──customer reopens its ticket──▶ WAITING_FOR_OPERATOR
 * </pre>
 *
 * CLOSED leads nowhere else: only a conversation with a ticket, on a desk whose closing rule lets
 * customers reopen requests closed too early (konus), goes back to the queue; the dialogue policy
 * checks those conditions before the move.
 */
public enum ConversationState {
    /** The bot serves the customer. */
    BOT,
    /** The bot answered with an article and awaits «Помогло / Не помогло». */
    ANSWERED,
    /** The bot collects what the desk requires before a ticket (identification, category, description). */
    ESCALATING,
    /** A ticket exists; the conversation waits in the operators' queue. */
    WAITING_FOR_OPERATOR,
    /** An operator holds the conversation; the bot is silent. */
    WITH_OPERATOR,
    /** The operator asked «Остались ли у вас вопросы?» and awaits the answer. */
    CLOSING,
    /** Finished; a new message from the customer opens a new conversation, unless it reopens this one's ticket. */
    CLOSED,
    /** Service stopped after profanity; flagged for a supervisor. */
    SUSPENDED;

    public Set<ConversationState> next() {
        return switch (this) {
            case BOT -> EnumSet.of(ANSWERED, ESCALATING, WAITING_FOR_OPERATOR, WITH_OPERATOR, CLOSING, CLOSED, SUSPENDED);
            case ANSWERED -> EnumSet.of(BOT, ESCALATING, WAITING_FOR_OPERATOR, WITH_OPERATOR, CLOSING, CLOSED, SUSPENDED);
            case ESCALATING -> EnumSet.of(BOT, WAITING_FOR_OPERATOR, WITH_OPERATOR, CLOSING, CLOSED, SUSPENDED);
            case WAITING_FOR_OPERATOR -> EnumSet.of(WITH_OPERATOR, CLOSING, CLOSED, SUSPENDED);
            case WITH_OPERATOR -> EnumSet.of(BOT, WAITING_FOR_OPERATOR, CLOSING, CLOSED);
            case CLOSING -> EnumSet.of(WITH_OPERATOR, CLOSED);
            case SUSPENDED -> EnumSet.of(BOT, CLOSED);
            case CLOSED -> EnumSet.of(WAITING_FOR_OPERATOR);
        };
    }

    public boolean canMoveTo(ConversationState target) {
        return next().contains(target);
    }

    /** Not CLOSED: the customer's next message continues this conversation. */
    public boolean isOpen() {
        return this != CLOSED;
    }

    /** The bot decides what to say (in the other states it is silent or service is stopped). */
    public boolean servedByBot() {
        return this == BOT || this == ANSWERED || this == ESCALATING;
    }
}
