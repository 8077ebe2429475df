package dev.supportgateway.infra;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import java.time.Instant;
import java.util.List;

/** A registered request waiting in the operators' queue of the demo initiativa desk, made through the real engine. */
public final class QueuedRequests {

    public static final DeskId INITIATIVA = DeskId.of("initiativa");

    private QueuedRequests() {
    }

    /** Asks for a person and answers whatever the desk asks (choosing the first offered option) until queued. */
    public static Conversation onInitiativa(ConversationEngine engine, CustomerAddress customer) {
        Conversation c = engine.receive(Inbound.text(INITIATIVA, customer, "m-0", "позовите оператора", Instant.now())).conversation();
        for (int i = 1; i < 10 && c.state() != ConversationState.WAITING_FOR_OPERATOR; i++) {
            Message last = c.transcript().getLast();
            List<Action> options = last.actions().stream()
                    .filter(a -> !a.id().equals(Action.CALL_OPERATOR)).toList();
            Inbound answer = options.isEmpty()
                    ? Inbound.text(INITIATIVA, customer, "m-" + i, "После обновления программа 1С не запускается, ошибка при старте", Instant.now())
                    : Inbound.action(INITIATIVA, customer, "m-" + i, options.getFirst().id(), Instant.now());
            c = engine.receive(answer).conversation();
        }
        if (c.state() != ConversationState.WAITING_FOR_OPERATOR || c.ticket() == null) {
            throw new IllegalStateException("the initiativa request was not queued: " + c.state());
        }
        return c;
    }
}
