package dev.supportgateway.infra.console;

import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.desk.Desk;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.engine.helpcenter.HelpCenter;
import dev.supportgateway.infra.console.ConsoleProblems.Problem;
import dev.supportgateway.routing.ticket.TicketNumber;
import dev.supportgateway.routing.ticket.TicketRegister;
import jakarta.servlet.MultipartConfigElement;
import java.security.Principal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator console's JSON API: the live list, a transcript, and the operator's commands on a conversation. */
@RestController
@RequestMapping("/api/v1/console")
class ConsoleApi {

    /** The help center offers at most this many candidates for a question anyway. */
    private static final int ARTICLES_OFFERED = 3;
    private static final int MAX_ARTICLE_QUERY = 500;
    private static final Set<String> VIEWS = Set.of("", "all", "mine", "waiting");
    /** How many of the customer's other conversations with the desk the console lists beside a chat. */
    private static final int EARLIER_SHOWN = 10;
    /** As long as the console's answer field lets a text be. */
    static final int MAX_TEXT_LENGTH = 4000;

    /**
     * @param deskNames    the desks' names by id, in the order of {@code desks}, for the console's desk filter
     * @param maxFileBytes the largest file an operator may send, so that the console refuses a larger one before uploading
     */
    record Me(String username, String displayName, List<String> desks, Map<String, String> deskNames, boolean supervisor,
              long maxFileBytes) {
    }

    record ReplyRequest(String text) {
    }

    record TransferRequest(String operator) {
    }

    /** An operator as colleagues pick them: login, the name the customer is told, and whether their console is open. */
    record Colleague(String username, String displayName, boolean online) {
    }



    private final ConsoleAccess access;
    private final ConversationEngine engine;
    private final Conversations conversations;
    private final OperatorDirectory operators;
    private final ConsoleViews views;
    private final HelpCenter helpCenter;
    private final TicketRegister tickets;
    private final ConsoleUpdates updates;
    private final long maxFileSize;

    ConsoleApi(ConsoleAccess access, ConversationEngine engine, Conversations conversations,
               OperatorDirectory operators, ConsoleViews views, HelpCenter helpCenter, TicketRegister tickets,
               ConsoleUpdates updates, MultipartConfigElement fileLimits) {
        this.access = access;
        this.engine = engine;
        this.conversations = conversations;
        this.operators = operators;
        this.views = views;
        this.helpCenter = helpCenter;
        this.tickets = tickets;
        this.updates = updates;
        this.maxFileSize = fileLimits.getMaxFileSize();
    }

    @GetMapping("/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    @GetMapping("/me")
    Me me(Principal principal) {
        OperatorDirectory.Entry me = access.me(principal);
        Map<String, String> names = new LinkedHashMap<>();
        access.servedDesks(null, principal).forEach(d -> names.put(d.id().value(), d.name()));
        return new Me(me.username(), me.displayName(), List.copyOf(names.keySet()), names, me.supervisor(), maxFileSize);
    }

    /** The desk's ready replies, for the console's picker; a desk the operator does not serve is not found. */
    @GetMapping("/desks/{desk}/ready-replies")
    ResponseEntity<?> readyReplies(@PathVariable String desk, Principal principal) {
        return access.servedDesk(desk, principal)
                .<ResponseEntity<?>>map(d -> ResponseEntity.ok(d.readyReplies()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Служба не найдена")));
    }

    /** The operators of a desk, for handing a chat to one of them; a desk the operator does not serve is not found. */
    @GetMapping("/desks/{desk}/operators")
    ResponseEntity<?> colleagues(@PathVariable String desk, Principal principal) {
        Optional<DeskId> id = access.servedDesk(desk, principal).map(Desk::id);
        if (id.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Служба не найдена"));
        }
        return ResponseEntity.ok(operators.all().stream().filter(o -> o.serves(id.get()))
                .map(o -> new Colleague(o.username(), o.displayName(), updates.online(o.username())))
                .sorted(Comparator.comparing(Colleague::online).reversed()).toList());
    }

    /**
     * Waiting conversations first, longest waiting on top; then the others, most recent first. A busy desk has
     * thousands of bot conversations at once, so the list is cut at {@code limit} (waiting ones come first anyway).
     * {@code desk} narrows the list to one of the operator's desks; a desk they do not serve lists nothing. {@code view}
     * narrows it to the operator's own chats ({@code mine}) or to those waiting for an operator ({@code waiting}), before
     * the cut, so that a busy desk's bot chats never push them out.
     */
    @GetMapping("/conversations")
    ResponseEntity<?> conversations(Principal principal,
                                         @RequestParam(name = "limit", defaultValue = "200") int limit,
                                         @RequestParam(name = "desk", required = false) String desk,
                                         @RequestParam(name = "view", required = false) String view) {
        if (view != null && !VIEWS.contains(view)) {
            return ResponseEntity.badRequest().body(new Problem("Показать можно: mine (мои чаты) или waiting (ждут оператора)"));
        }
        int shown = Math.clamp(limit, 1, 1000);
        OperatorDirectory.Entry me = access.me(principal);
        Comparator<ConversationSummary> order = Comparator
                .comparing((ConversationSummary s) -> s.state() != ConversationState.WAITING_FOR_OPERATOR)
                .thenComparing(s -> s.waitingSince() == null ? Instant.MAX : s.waitingSince())
                .thenComparing(ConversationSummary::lastMessageAt, Comparator.nullsLast(Comparator.reverseOrder()));
        return ResponseEntity.ok(access.servedDesks(desk, principal).stream()
                .flatMap(d -> engine.open(d.id()).stream())
                .filter(c -> switch (view == null ? "" : view) {
                    case "mine" -> c.operator() != null && c.operator().id().equals(me.username());
                    case "waiting" -> c.state() == ConversationState.WAITING_FOR_OPERATOR;
                    default -> true;  // "" or "all"; anything else was refused above
                })
                .sorted(order).limit(shown).map(views::row).toList());
    }

    @GetMapping("/conversations/{id}")
    ConsoleViews.Transcript conversation(@PathVariable String id, Principal principal) {
        return views.transcript(access.mine(id, principal));
    }

    /**
     * The customer's other conversations with the desk, the last changed first: what they asked before and how it
     * ended, as Zendesk's interaction history shows it beside a ticket.
     */
    @GetMapping("/conversations/{id}/earlier")
    List<ConsoleViews.Earlier> earlier(@PathVariable String id, Principal principal) {
        Conversation c = access.mine(id, principal);
        return conversations.ofCustomer(c.desk(), c.customer(), EARLIER_SHOWN + 1).stream()
                .filter(other -> !other.id().equals(c.id())).limit(EARLIER_SHOWN).map(views::earlier).toList();
    }

    /**
     * The conversation of a registered request, closed ones included, as a customer quotes its number («№ EDOC-2026-000123»,
     * in any letter case). A request of a desk the operator does not serve is not found.
     */
    @GetMapping("/tickets/{number}")
    ResponseEntity<?> ticket(@PathVariable String number, Principal principal) {
        TicketNumber parsed;
        try {
            parsed = TicketNumber.parse(number.replace("№", "").strip());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(new Problem("Номер обращения выглядит так: EDOC-2026-000123"));
        }
        OperatorDirectory.Entry me = access.me(principal);
        return tickets.find(parsed).filter(t -> me.serves(t.desk()))
                .flatMap(t -> conversations.find(t.conversation()))
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(views.transcript(c)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Обращение " + parsed + " не найдено")));
    }

    @PostMapping("/conversations/{id}/take-over")
    ConsoleViews.Transcript takeOver(@PathVariable String id, Principal principal) {
        Conversation c = access.mine(id, principal);
        return views.transcript(engine.takeOver(c.id(), access.operator(principal)).conversation());
    }

    @PostMapping("/conversations/{id}/reply")
    ResponseEntity<?> reply(@PathVariable String id, @RequestBody ReplyRequest body, Principal principal) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            return ResponseEntity.badRequest().body(new Problem("Напишите текст ответа"));
        }
        Conversation c = access.mine(id, principal);
        return ResponseEntity.ok(views.transcript(engine.reply(c.id(), access.operator(principal), body.text().strip()).conversation()));
    }

    /** The holding operator is writing: the customer's channel may show it. Nothing is stored. */
    @PostMapping("/conversations/{id}/typing")
    ResponseEntity<Void> typing(@PathVariable String id, Principal principal) {
        Conversation c = access.mine(id, principal);
        engine.operatorTyping(c.id(), access.operator(principal));
        return ResponseEntity.noContent().build();
    }

    /** An internal note for colleagues: any operator of the desk, in any state; the customer never sees it. */
    @PostMapping("/conversations/{id}/notes")
    ResponseEntity<?> note(@PathVariable String id, @RequestBody ReplyRequest body, Principal principal) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            return ResponseEntity.badRequest().body(new Problem("Напишите текст заметки"));
        }
        if (body.text().length() > MAX_TEXT_LENGTH) {
            return ResponseEntity.badRequest().body(new Problem("Заметка длиннее " + MAX_TEXT_LENGTH + " знаков"));
        }
        Conversation c = access.mine(id, principal);
        return ResponseEntity.ok(views.transcript(engine.addNote(c.id(), access.operator(principal), body.text().strip()).conversation()));
    }

    /** Sends the text as a question and puts the request on hold until the customer answers («ждём ответа клиента»). */
    @PostMapping("/conversations/{id}/await-customer")
    ResponseEntity<?> awaitCustomer(@PathVariable String id, @RequestBody ReplyRequest body, Principal principal) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            return ResponseEntity.badRequest().body(new Problem("Напишите, что нужно уточнить у клиента"));
        }
        Conversation c = access.mine(id, principal);
        return ResponseEntity.ok(views.transcript(
                engine.awaitCustomer(c.id(), access.operator(principal), body.text().strip()).conversation()));
    }

    /**
     * Articles of the conversation's desk an operator may answer with, best first: found for {@code q}, or, without
     * one, for the customer's latest question, so that the console offers them as soon as the chat is opened.
     */
    @GetMapping("/conversations/{id}/articles")
    ResponseEntity<?> articles(@PathVariable String id, @RequestParam(name = "q", required = false) String q, Principal principal) {
        if (q != null && q.length() > MAX_ARTICLE_QUERY) {
            return ResponseEntity.badRequest().body(new Problem("Слишком длинный запрос: не больше " + MAX_ARTICLE_QUERY + " знаков"));
        }
        Conversation c = access.mine(id, principal);
        String query = q == null || q.isBlank() ? lastQuestion(c) : q.strip();
        if (query.isEmpty()) {
            return ResponseEntity.ok(List.of());
        }
        return ResponseEntity.ok(helpCenter.ask(c.desk(), query).candidates().stream()
                .flatMap(candidate -> helpCenter.article(c.desk(), candidate.id()).stream())
                .limit(ARTICLES_OFFERED).map(views::offer).toList());
    }

    /** Answers the customer with a help-center article (title, short answer, link), as the desk's regulation allows. */
    @PostMapping("/conversations/{id}/articles/{articleId}")
    ConsoleViews.Transcript shareArticle(@PathVariable String id, @PathVariable String articleId, Principal principal) {
        Conversation c = access.mine(id, principal);
        return views.transcript(engine.shareArticle(c.id(), access.operator(principal), articleId).conversation());
    }

    private static String lastQuestion(Conversation c) {
        return c.lastMessage(m -> m.fromCustomer() && !m.text().isBlank()).map(Message::text).orElse("");
    }

    /** A supervisor lets the bot serve a customer again after service was stopped for profanity. */
    @PostMapping("/conversations/{id}/resume")
    ResponseEntity<?> resume(@PathVariable String id, Principal principal) {
        if (!access.me(principal).supervisor()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Problem("Возобновить обслуживание может только супервизор"));
        }
        Conversation c = access.mine(id, principal);
        return ResponseEntity.ok(views.transcript(engine.resume(c.id(), access.operator(principal)).conversation()));
    }

    @PostMapping("/conversations/{id}/return-to-bot")
    ConsoleViews.Transcript returnToBot(@PathVariable String id, Principal principal) {
        Conversation c = access.mine(id, principal);
        return views.transcript(engine.returnToBot(c.id(), access.operator(principal)).conversation());
    }

    /** Puts a registered request back into the queue for a colleague; a chat without one goes back to the bot instead. */
    @PostMapping("/conversations/{id}/return-to-queue")
    ConsoleViews.Transcript returnToQueue(@PathVariable String id, Principal principal) {
        Conversation c = access.mine(id, principal);
        return views.transcript(engine.returnToQueue(c.id(), access.operator(principal)).conversation());
    }

    /** The holding operator hands the chat to a named colleague of its desk, who holds it from now. */
    @PostMapping("/conversations/{id}/transfer")
    ResponseEntity<?> transfer(@PathVariable String id, @RequestBody TransferRequest body, Principal principal) {
        Conversation c = access.mine(id, principal);
        Optional<OperatorDirectory.Entry> colleague = body == null || body.operator() == null ? Optional.empty()
                : operators.find(body.operator()).filter(o -> o.serves(c.desk()));
        if (colleague.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Такого оператора в службе нет"));
        }
        return ResponseEntity.ok(views.transcript(engine.transfer(c.id(), access.operator(principal), colleague.get().operator()).conversation()));
    }

    @PostMapping("/conversations/{id}/close")
    ConsoleViews.Transcript close(@PathVariable String id, Principal principal) {
        Conversation c = access.mine(id, principal);
        return views.transcript(engine.close(c.id(), access.operator(principal)).conversation());
    }
}
