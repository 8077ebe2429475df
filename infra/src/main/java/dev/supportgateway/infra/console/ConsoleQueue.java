package dev.supportgateway.infra.console;

import dev.supportgateway.engine.conversation.ConcurrentConversationChange;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.IllegalTransition;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.engine.dialogue.ConversationNotFound;
import dev.supportgateway.engine.dialogue.HeldByAnotherOperator;
import dev.supportgateway.infra.console.ConsoleProblems.Problem;
import dev.supportgateway.routing.ticket.RegisteredTicket;
import dev.supportgateway.routing.ticket.TicketRegister;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operators' queue in the console: the request whose turn it is, taken with one press. */
@RestController
@RequestMapping("/api/v1/console")
class ConsoleQueue {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleQueue.class);
    /** How many requests of the queue «next» tries when colleagues took the first ones a moment earlier. */
    private static final int NEXT_ATTEMPTS = 10;

    private final ConsoleAccess access;
    private final ConversationEngine engine;
    private final TicketRegister tickets;
    private final ConsoleViews views;

    ConsoleQueue(ConsoleAccess access, ConversationEngine engine, TicketRegister tickets, ConsoleViews views) {
        this.access = access;
        this.engine = engine;
        this.tickets = tickets;
        this.views = views;
    }

    /**
     * Takes over the next request of the queue, so that the operator need not judge whose turn it is: of {@code desk},
     * in the desk's own queue order (out-of-turn priorities, then tiers, then first come); of all the operator's desks,
     * the one whose first reply is due soonest (or, without a first-reply time, registered first). Only chats still
     * waiting for an operator are taken (a request whose chat the bot serves again stays queued for the record); one a
     * colleague took a moment earlier is skipped.
     */
    @PostMapping("/queue/next")
    ResponseEntity<?> takeNext(@RequestParam(name = "desk", required = false) String desk, Principal principal) {
        List<DeskId> desks = access.servedDesks(desk, principal).stream().map(Desk::id).toList();
        List<RegisteredTicket> waiting = new ArrayList<>();
        for (DeskId d : desks) {
            Set<ConversationId> inQueue = engine.open(d).stream()
                    .filter(c -> c.state() == ConversationState.WAITING_FOR_OPERATOR && c.operator() == null)
                    .map(ConversationSummary::id).collect(Collectors.toSet());
            tickets.queue(d).stream().filter(t -> inQueue.contains(t.conversation())).forEach(waiting::add);
        }
        if (desks.size() > 1) {
            waiting.sort(Comparator.comparing((RegisteredTicket t) -> t.deadlines().firstReplyDue() != null
                    ? t.deadlines().firstReplyDue() : t.createdAt()).thenComparing(RegisteredTicket::createdAt));
        }
        for (RegisteredTicket next : waiting.subList(0, Math.min(waiting.size(), NEXT_ATTEMPTS))) {
            try {
                return ResponseEntity.ok(views.transcript(engine.takeOverFromQueue(next.conversation(), access.operator(principal)).conversation()));
            } catch (HeldByAnotherOperator | IllegalTransition | ConversationNotFound | ConcurrentConversationChange e) {
                LOG.debug("next of the queue: {} skipped ({})", next.number(), e.getClass().getSimpleName());
            }
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("В очереди никого нет"));
    }
}
