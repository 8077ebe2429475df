package dev.supportgateway.infra.console;

import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Attachments;
import dev.supportgateway.engine.conversation.ConcurrentConversationChange;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.IllegalTransition;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ArticleNotFound;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.engine.dialogue.ConversationNotFound;
import dev.supportgateway.engine.dialogue.ForbiddenWordsInReply;
import dev.supportgateway.engine.dialogue.HeldByAnotherOperator;
import dev.supportgateway.engine.dialogue.NotHeldByOperator;
import dev.supportgateway.engine.helpcenter.HelpCenter;
import dev.supportgateway.infra.desk.DeskCatalog;
import dev.supportgateway.infra.storage.ServiceRatings;
import dev.supportgateway.routing.ticket.RegisteredTicket;
import dev.supportgateway.routing.ticket.TicketNumber;
import dev.supportgateway.routing.ticket.TicketRegister;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** The operator console's JSON API: the live list, a transcript, and the operator's commands on a conversation. */
@RestController
@RequestMapping("/api/v1/console")
class ConsoleApi {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);
    /** The help center offers at most this many candidates for a question anyway. */
    private static final int ARTICLES_OFFERED = 3;
    private static final int MAX_ARTICLE_QUERY = 500;
    /** Picture types a browser shows as pictures only (no SVG: it may carry script). */
    private static final Set<String> SHOWN_PICTURES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");
    private static final int LATEST_BAD_RATINGS = 20;
    /** How many requests of the queue «next» tries when colleagues took the first ones a moment earlier. */
    private static final int NEXT_ATTEMPTS = 10;
    private static final Set<String> VIEWS = Set.of("", "all", "mine", "waiting");
    /** As long as the console's answer field lets a text be. */
    private static final int MAX_NOTE_LENGTH = 4000;

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

    record Problem(String error) {
    }

    /** Thrown for a conversation of a desk the operator does not serve: told as «not found», not to reveal it exists. */
    static final class NotYourDesk extends RuntimeException {
        NotYourDesk() {
            super("not one of the operator's desks");
        }
    }

    private final ConversationEngine engine;
    private final Conversations conversations;
    private final DeskCatalog catalog;
    private final OperatorDirectory operators;
    private final ConsoleViews views;
    private final HelpCenter helpCenter;
    private final TicketRegister tickets;
    private final Attachments attachments;
    private final long maxFileSize;
    private final ConsoleUpdates updates;
    private final ServiceRatings ratings;
    private final Clock clock;

    ConsoleApi(ConversationEngine engine, Conversations conversations, DeskCatalog catalog, OperatorDirectory operators,
               ConsoleViews views, HelpCenter helpCenter, TicketRegister tickets, Attachments attachments,
               MultipartConfigElement fileLimits, ConsoleUpdates updates, ServiceRatings ratings, Clock clock) {
        this.maxFileSize = fileLimits.getMaxFileSize();
        this.updates = updates;
        this.ratings = ratings;
        this.clock = clock;
        this.engine = engine;
        this.conversations = conversations;
        this.catalog = catalog;
        this.operators = operators;
        this.views = views;
        this.helpCenter = helpCenter;
        this.tickets = tickets;
        this.attachments = attachments;
    }

    @GetMapping("/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    @GetMapping("/me")
    Me me(Principal principal) {
        OperatorDirectory.Entry me = operators.require(principal.getName());
        Map<String, String> names = new LinkedHashMap<>();
        catalog.all().stream().filter(d -> me.serves(d.id())).forEach(d -> names.put(d.id().value(), d.name()));
        return new Me(me.username(), me.displayName(), List.copyOf(names.keySet()), names, me.supervisor(), maxFileSize);
    }

    /** The desk's ready replies, for the console's picker; a desk the operator does not serve is not found. */
    @GetMapping("/desks/{desk}/ready-replies")
    ResponseEntity<?> readyReplies(@PathVariable String desk, Principal principal) {
        OperatorDirectory.Entry me = operators.require(principal.getName());
        return deskId(desk).flatMap(catalog::desk).filter(d -> me.serves(d.id()))
                .<ResponseEntity<?>>map(d -> ResponseEntity.ok(d.readyReplies()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Служба не найдена")));
    }

    /** A desk's ratings of the service for a supervisor: counts, the share satisfied, and the latest «плохо» chats. */
    record RatingsView(String desk, int days, long satisfied, long dissatisfied, Double satisfiedShare,
                       List<BadRating> latestDissatisfied) {
    }

    record BadRating(String conversationId, String ticketNumber, String operatorName, Instant ratedAt) {
    }

    /**
     * How a desk's customers rated the service over the last {@code days} (1–365, 30 by default), for supervisors:
     * the counts and up to 20 of the chats rated «плохо», newest first, to open and look into.
     */
    @GetMapping("/ratings")
    ResponseEntity<?> ratings(@RequestParam("desk") String desk, @RequestParam(name = "days", defaultValue = "30") int days,
                              Principal principal) {
        OperatorDirectory.Entry me = operators.require(principal.getName());
        if (!me.supervisor()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Problem("Отчёт об оценках доступен супервизору"));
        }
        Optional<DeskId> id = deskId(desk).filter(d -> catalog.desk(d).isPresent() && me.serves(d));
        if (id.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Служба не найдена"));
        }
        int period = Math.clamp(days, 1, 365);
        ServiceRatings.Report report = ratings.report(id.get(), clock.instant().minus(Duration.ofDays(period)), LATEST_BAD_RATINGS);
        long all = report.satisfied() + report.dissatisfied();
        return ResponseEntity.ok(new RatingsView(id.get().value(), period, report.satisfied(), report.dissatisfied(),
                all == 0 ? null : (double) report.satisfied() / all,
                report.latestDissatisfied().stream().map(r -> new BadRating(r.conversation().value(), r.ticketNumber(),
                        r.servedBy() == null ? null : r.servedBy().displayName(), r.at())).toList()));
    }

    /** The operators of a desk, for handing a chat to one of them; a desk the operator does not serve is not found. */
    @GetMapping("/desks/{desk}/operators")
    ResponseEntity<?> colleagues(@PathVariable String desk, Principal principal) {
        OperatorDirectory.Entry me = operators.require(principal.getName());
        Optional<DeskId> id = deskId(desk).filter(d -> catalog.desk(d).isPresent() && me.serves(d));
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
        OperatorDirectory.Entry me = operators.require(principal.getName());
        Comparator<ConversationSummary> order = Comparator
                .comparing((ConversationSummary s) -> s.state() != ConversationState.WAITING_FOR_OPERATOR)
                .thenComparing(s -> s.waitingSince() == null ? Instant.MAX : s.waitingSince())
                .thenComparing(ConversationSummary::lastMessageAt, Comparator.nullsLast(Comparator.reverseOrder()));
        return ResponseEntity.ok(catalog.all().stream().filter(d -> me.serves(d.id()))
                .filter(d -> desk == null || desk.isBlank() || d.id().value().equals(desk))
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
        return views.transcript(mine(id, principal));
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
        OperatorDirectory.Entry me = operators.require(principal.getName());
        return tickets.find(parsed).filter(t -> me.serves(t.desk()))
                .flatMap(t -> conversations.find(t.conversation()))
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(views.transcript(c)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Обращение " + parsed + " не найдено")));
    }

    /**
     * A file sent in this conversation, by the customer or an operator. Pictures open in the browser; anything else is downloaded, never
     * shown as a page of the gateway (a customer's HTML or SVG must not run with the operator's session).
     */
    @GetMapping("/conversations/{id}/attachments/{ref}")
    ResponseEntity<?> attachment(@PathVariable String id, @PathVariable String ref, Principal principal) throws IOException {
        Conversation c = mine(id, principal);
        Optional<Attachment> sent = c.transcript().stream().flatMap(m -> m.attachments().stream())
                .filter(a -> a.storageRef().equals(ref)).findFirst();
        Optional<InputStream> content = sent.isEmpty() ? Optional.empty() : attachments.open(ref);
        if (content.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Файл не найден"));
        }
        Attachment file = sent.get();
        boolean picture = SHOWN_PICTURES.contains(file.mediaType().toLowerCase(Locale.ROOT));
        return ResponseEntity.ok()
                .contentType(picture ? MediaType.parseMediaType(file.mediaType()) : MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.builder(picture ? "inline" : "attachment")
                        .filename(file.name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .body(new InputStreamResource(content.get()));
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
        OperatorDirectory.Entry me = operators.require(principal.getName());
        List<DeskId> desks = catalog.all().stream().map(d -> d.id()).filter(me::serves)
                .filter(d -> desk == null || desk.isBlank() || d.value().equals(desk)).toList();
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
                return ResponseEntity.ok(views.transcript(engine.takeOverFromQueue(next.conversation(), operator(principal)).conversation()));
            } catch (HeldByAnotherOperator | IllegalTransition | ConversationNotFound | ConcurrentConversationChange e) {
                LOG.debug("next of the queue: {} skipped ({})", next.number(), e.getClass().getSimpleName());
            }
        }
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("В очереди никого нет"));
    }

    @PostMapping("/conversations/{id}/take-over")
    ConsoleViews.Transcript takeOver(@PathVariable String id, Principal principal) {
        Conversation c = mine(id, principal);
        return views.transcript(engine.takeOver(c.id(), operator(principal)).conversation());
    }

    @PostMapping("/conversations/{id}/reply")
    ResponseEntity<?> reply(@PathVariable String id, @RequestBody ReplyRequest body, Principal principal) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            return ResponseEntity.badRequest().body(new Problem("Напишите текст ответа"));
        }
        Conversation c = mine(id, principal);
        return ResponseEntity.ok(views.transcript(engine.reply(c.id(), operator(principal), body.text().strip()).conversation()));
    }

    /**
     * Sends the customer a file (an instruction, a form, a screenshot of where to click) with an optional text. The
     * file is kept before it is sent, and removed again when the engine refuses the message.
     */
    @PostMapping(path = "/conversations/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> sendFile(@PathVariable String id, @RequestParam("file") MultipartFile file,
                               @RequestParam(name = "text", required = false) String text, Principal principal) throws IOException {
        if (file.isEmpty()) {
            return ResponseEntity.badRequest().body(new Problem("Файл пустой, выберите другой"));
        }
        if (text != null && text.length() > MAX_NOTE_LENGTH) {
            return ResponseEntity.badRequest().body(new Problem("Текст длиннее " + MAX_NOTE_LENGTH + " знаков"));
        }
        Conversation c = mine(id, principal);
        Attachment kept;
        try (InputStream content = file.getInputStream()) {
            kept = attachments.keep(file.getOriginalFilename(), file.getContentType(), content);
        }
        try {
            return ResponseEntity.ok(views.transcript(engine.sendFiles(c.id(), operator(principal), text, List.of(kept)).conversation()));
        } catch (NotHeldByOperator | HeldByAnotherOperator | ForbiddenWordsInReply | IllegalTransition | ConversationNotFound e) {
            // refused before anything was stored: the file belongs to no message. After other failures the message
            // may have been stored, so the file stays.
            try {
                attachments.discard(kept.storageRef());
            } catch (IOException | RuntimeException failed) {
                LOG.warn("operator's file {} of a refused message not removed: {}", kept.storageRef(), failed.toString());
            }
            throw e;
        }
    }

    /** A file over the web server's multipart limits ({@code gateway.widget.max-attachment-size}). */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Problem> tooLarge(MaxUploadSizeExceededException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(new Problem("Файл слишком большой: можно до " + sizeInWords(maxFileSize)));
    }

    private static String sizeInWords(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " МБ" : Math.max(1, bytes / 1024) + " КБ";
    }

    /** The holding operator is writing: the customer's channel may show it. Nothing is stored. */
    @PostMapping("/conversations/{id}/typing")
    ResponseEntity<Void> typing(@PathVariable String id, Principal principal) {
        Conversation c = mine(id, principal);
        engine.operatorTyping(c.id(), operator(principal));
        return ResponseEntity.noContent().build();
    }

    /** An internal note for colleagues: any operator of the desk, in any state; the customer never sees it. */
    @PostMapping("/conversations/{id}/notes")
    ResponseEntity<?> note(@PathVariable String id, @RequestBody ReplyRequest body, Principal principal) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            return ResponseEntity.badRequest().body(new Problem("Напишите текст заметки"));
        }
        if (body.text().length() > MAX_NOTE_LENGTH) {
            return ResponseEntity.badRequest().body(new Problem("Заметка длиннее " + MAX_NOTE_LENGTH + " знаков"));
        }
        Conversation c = mine(id, principal);
        return ResponseEntity.ok(views.transcript(engine.addNote(c.id(), operator(principal), body.text().strip()).conversation()));
    }

    /** Sends the text as a question and puts the request on hold until the customer answers («ждём ответа клиента»). */
    @PostMapping("/conversations/{id}/await-customer")
    ResponseEntity<?> awaitCustomer(@PathVariable String id, @RequestBody ReplyRequest body, Principal principal) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            return ResponseEntity.badRequest().body(new Problem("Напишите, что нужно уточнить у клиента"));
        }
        Conversation c = mine(id, principal);
        return ResponseEntity.ok(views.transcript(
                engine.awaitCustomer(c.id(), operator(principal), body.text().strip()).conversation()));
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
        Conversation c = mine(id, principal);
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
        Conversation c = mine(id, principal);
        return views.transcript(engine.shareArticle(c.id(), operator(principal), articleId).conversation());
    }

    private static String lastQuestion(Conversation c) {
        return c.lastMessage(m -> m.fromCustomer() && !m.text().isBlank()).map(Message::text).orElse("");
    }

    /** A supervisor lets the bot serve a customer again after service was stopped for profanity. */
    @PostMapping("/conversations/{id}/resume")
    ResponseEntity<?> resume(@PathVariable String id, Principal principal) {
        if (!operators.require(principal.getName()).supervisor()) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new Problem("Возобновить обслуживание может только супервизор"));
        }
        Conversation c = mine(id, principal);
        return ResponseEntity.ok(views.transcript(engine.resume(c.id(), operator(principal)).conversation()));
    }

    @PostMapping("/conversations/{id}/return-to-bot")
    ConsoleViews.Transcript returnToBot(@PathVariable String id, Principal principal) {
        Conversation c = mine(id, principal);
        return views.transcript(engine.returnToBot(c.id(), operator(principal)).conversation());
    }

    /** Puts a registered request back into the queue for a colleague; a chat without one goes back to the bot instead. */
    @PostMapping("/conversations/{id}/return-to-queue")
    ConsoleViews.Transcript returnToQueue(@PathVariable String id, Principal principal) {
        Conversation c = mine(id, principal);
        return views.transcript(engine.returnToQueue(c.id(), operator(principal)).conversation());
    }

    /** The holding operator hands the chat to a named colleague of its desk, who holds it from now. */
    @PostMapping("/conversations/{id}/transfer")
    ResponseEntity<?> transfer(@PathVariable String id, @RequestBody TransferRequest body, Principal principal) {
        Conversation c = mine(id, principal);
        Optional<OperatorDirectory.Entry> colleague = body == null || body.operator() == null ? Optional.empty()
                : operators.find(body.operator()).filter(o -> o.serves(c.desk()));
        if (colleague.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Такого оператора в службе нет"));
        }
        return ResponseEntity.ok(views.transcript(engine.transfer(c.id(), operator(principal), colleague.get().operator()).conversation()));
    }

    @PostMapping("/conversations/{id}/close")
    ConsoleViews.Transcript close(@PathVariable String id, Principal principal) {
        Conversation c = mine(id, principal);
        return views.transcript(engine.close(c.id(), operator(principal)).conversation());
    }

    private static Optional<DeskId> deskId(String desk) {
        try {
            return Optional.of(DeskId.of(desk));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private dev.supportgateway.engine.conversation.Operator operator(Principal principal) {
        return operators.require(principal.getName()).operator();
    }

    private Conversation mine(String id, Principal principal) {
        ConversationId conversationId;
        try {
            conversationId = ConversationId.of(id);
        } catch (IllegalArgumentException e) {
            throw new ConversationNotFound(ConversationId.of("-"));
        }
        Conversation c = conversations.find(conversationId).orElseThrow(() -> new ConversationNotFound(conversationId));
        if (!operators.require(principal.getName()).serves(c.desk())) {
            throw new NotYourDesk();
        }
        return c;
    }

    @ExceptionHandler(HeldByAnotherOperator.class)
    ResponseEntity<Problem> held(HeldByAnotherOperator e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new Problem("Этот чат уже ведёт оператор " + e.holder().displayName()));
    }

    @ExceptionHandler(NotHeldByOperator.class)
    ResponseEntity<Problem> notHeld(NotHeldByOperator e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Problem("Сначала возьмите чат"));
    }

    @ExceptionHandler(ForbiddenWordsInReply.class)
    ResponseEntity<Problem> forbidden(ForbiddenWordsInReply e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                .body(new Problem("В ответе есть слова, недопустимые для службы: " + String.join(", ", e.words())));
    }

    @ExceptionHandler(IllegalTransition.class)
    ResponseEntity<Problem> transition(IllegalTransition e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Problem("Это действие недоступно в текущем состоянии чата"));
    }

    @ExceptionHandler(ArticleNotFound.class)
    ResponseEntity<Problem> noArticle(ArticleNotFound e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Такой статьи в справочном центре службы нет"));
    }

    @ExceptionHandler({ConversationNotFound.class, NotYourDesk.class})
    ResponseEntity<Problem> notFound(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("Чат не найден"));
    }

    @ExceptionHandler(UnsupportedOperationException.class)
    ResponseEntity<Problem> unavailable(UnsupportedOperationException e) {
        LOG.warn("console command not available yet: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Problem("Действие пока недоступно"));
    }
}
