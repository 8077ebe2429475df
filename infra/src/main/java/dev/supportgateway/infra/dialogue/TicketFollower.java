package dev.supportgateway.infra.dialogue;

import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.delivery.ConsoleEvent;
import dev.supportgateway.engine.delivery.OperatorConsole;
import dev.supportgateway.routing.ticket.RegisteredTicket;
import dev.supportgateway.routing.ticket.TicketNumber;
import dev.supportgateway.routing.ticket.TicketRegister;
import dev.supportgateway.routing.ticket.TicketState;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps each ticket in step with its conversation: taken over → in progress, handed to a colleague → held by them,
 * handed back to the bot or reopened → queued again, closed (by an operator or the silence rule) → closed. It hears what the
 * operators' console hears, after the conversation is stored, so a ticket never runs ahead of its chat.
 */
final class TicketFollower implements OperatorConsole {

    private static final Logger LOG = LoggerFactory.getLogger(TicketFollower.class);

    private final TicketRegister register;
    private final Clock clock;

    TicketFollower(TicketRegister register, Clock clock) {
        this.register = register;
        this.clock = clock;
    }

    @Override
    public void publish(ConsoleEvent event) {
        ConversationSummary conversation = event.conversation();
        if (conversation.ticketNumber() == null) {
            return;
        }
        if (event instanceof ConsoleEvent.Transferred && conversation.operator() != null) {
            handOver(conversation);
            return;
        }
        Optional<TicketState> target = switch (event) {
            case ConsoleEvent.StateChanged changed -> switch (conversation.state()) {
                case WITH_OPERATOR -> Optional.of(TicketState.IN_PROGRESS);
                case CLOSED -> Optional.of(TicketState.CLOSED);
                case BOT, WAITING_FOR_OPERATOR -> changed.from() == ConversationState.WITH_OPERATOR
                        || changed.from() == ConversationState.CLOSING ? Optional.of(TicketState.QUEUED) : Optional.empty();
                default -> Optional.empty();
            };
            case ConsoleEvent.Reopened reopened -> Optional.of(TicketState.QUEUED);
            default -> Optional.empty();
        };
        target.ifPresent(state -> follow(conversation, state));
    }

    private void handOver(ConversationSummary conversation) {
        try {
            TicketNumber number = TicketNumber.parse(conversation.ticketNumber());
            String holder = conversation.operator().id();
            // a ticket that missed the take-over (its update failed then) is taken now, by whoever holds the chat
            boolean inWork = register.find(number).map(t -> t.state() == TicketState.IN_PROGRESS || t.state() == TicketState.ON_HOLD)
                    .orElse(false);
            if (inWork) {
                register.handOver(number, holder, clock.instant());
            } else {
                register.take(number, holder, clock.instant());
            }
        } catch (RuntimeException e) {
            LOG.warn("ticket {} of conversation {} did not follow it to operator {}: {}", conversation.ticketNumber(),
                    conversation.id(), conversation.operator().id(), e.toString());
        }
    }

    private void follow(ConversationSummary conversation, TicketState state) {
        try {
            TicketNumber number = TicketNumber.parse(conversation.ticketNumber());
            Optional<RegisteredTicket> ticket = register.find(number);
            if (ticket.isEmpty() || ticket.get().state() == state) {
                return;
            }
            switch (state) {
                case IN_PROGRESS -> register.take(number, conversation.operator() == null ? "?" : conversation.operator().id(), clock.instant());
                case QUEUED -> register.requeue(number, clock.instant());
                case CLOSED -> register.close(number, clock.instant());
                case ON_HOLD -> register.putOnHold(number, clock.instant());
            }
        } catch (RuntimeException e) {
            // the conversation is stored and goes on; a ticket that cannot follow is a matter for the log
            LOG.warn("ticket {} of conversation {} did not follow it to {}: {}", conversation.ticketNumber(),
                    conversation.id(), state, e.toString());
        }
    }
}
