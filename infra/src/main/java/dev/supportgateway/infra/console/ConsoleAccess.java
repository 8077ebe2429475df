package dev.supportgateway.infra.console;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ConversationNotFound;
import dev.supportgateway.infra.desk.DeskCatalog;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who calls the console and what they may reach: the operator behind the session, and a conversation only of a desk
 * they serve (any other is «not found», not to reveal that it exists).
 */
@Component
final class ConsoleAccess {

    /** Thrown for a conversation of a desk the operator does not serve: told as «not found», not to reveal it exists. */
    static final class NotYourDesk extends RuntimeException {
        NotYourDesk() {
            super("not one of the operator's desks");
        }
    }

    private final Conversations conversations;
    private final OperatorDirectory operators;
    private final DeskCatalog catalog;

    ConsoleAccess(Conversations conversations, OperatorDirectory operators, DeskCatalog catalog) {
        this.conversations = conversations;
        this.operators = operators;
        this.catalog = catalog;
    }

    OperatorDirectory.Entry me(Principal principal) {
        return operators.require(principal.getName());
    }

    Operator operator(Principal principal) {
        return me(principal).operator();
    }

    /** The conversation {@code id} if the caller serves its desk; {@link ConversationNotFound} or {@link NotYourDesk} otherwise. */
    Conversation mine(String id, Principal principal) {
        ConversationId conversationId;
        try {
            conversationId = ConversationId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ConversationNotFound(ConversationId.of("-"));
        }
        Conversation c = conversations.find(conversationId).orElseThrow(() -> new ConversationNotFound(conversationId));
        if (!me(principal).serves(c.desk())) {
            throw new NotYourDesk();
        }
        return c;
    }

    /** The desk the caller named, if it exists and they serve it; empty for a malformed id too. */
    Optional<Desk> servedDesk(String desk, Principal principal) {
        OperatorDirectory.Entry me = me(principal);
        try {
            return catalog.desk(DeskId.of(desk)).filter(d -> me.serves(d.id()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The caller's desks in the catalog's order, only {@code desk} of them when one is named (blank: all). */
    List<Desk> servedDesks(String desk, Principal principal) {
        OperatorDirectory.Entry me = me(principal);
        return catalog.all().stream().filter(d -> me.serves(d.id()))
                .filter(d -> desk == null || desk.isBlank() || d.id().value().equals(desk)).toList();
    }
}
