package dev.supportgateway.engine.dialogue;

import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.delivery.Deliveries;
import dev.supportgateway.engine.delivery.OperatorConsole;
import dev.supportgateway.engine.desk.Desks;
import dev.supportgateway.engine.escalation.BusinessHours;
import dev.supportgateway.engine.escalation.IdentityCheck;
import dev.supportgateway.engine.escalation.Subscriptions;
import dev.supportgateway.engine.escalation.Tickets;
import dev.supportgateway.engine.helpcenter.HelpCenter;
import java.time.Clock;
import java.util.Objects;

/** Everything outside the dialogue core that the engine talks to, wired once by the composition root. */
public record DialoguePorts(Desks desks, Conversations conversations, HelpCenter helpCenter, Tickets tickets,
                            IdentityCheck identityCheck, BusinessHours businessHours, Subscriptions subscriptions,
                            Deliveries deliveries, OperatorConsole console, ConversationLocks locks, Clock clock) {
    public DialoguePorts {
        Objects.requireNonNull(desks, "desks");
        Objects.requireNonNull(conversations, "conversations");
        Objects.requireNonNull(helpCenter, "helpCenter");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(identityCheck, "identityCheck");
        Objects.requireNonNull(businessHours, "businessHours");
        Objects.requireNonNull(subscriptions, "subscriptions");
        Objects.requireNonNull(deliveries, "deliveries");
        Objects.requireNonNull(console, "console");
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(clock, "clock");
    }
}
