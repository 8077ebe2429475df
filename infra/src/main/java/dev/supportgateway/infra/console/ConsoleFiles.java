package dev.supportgateway.infra.console;

import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Attachments;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.IllegalTransition;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.engine.dialogue.ConversationNotFound;
import dev.supportgateway.engine.dialogue.ForbiddenWordsInReply;
import dev.supportgateway.engine.dialogue.HeldByAnotherOperator;
import dev.supportgateway.engine.dialogue.NotHeldByOperator;
import dev.supportgateway.infra.console.ConsoleProblems.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The files of a conversation in the console: opening the customer's, and sending the customer an operator's. */
@RestController
@RequestMapping("/api/v1/console")
class ConsoleFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleFiles.class);
    /** Picture types a browser shows as pictures only (no SVG: it may carry script). */
    private static final Set<String> SHOWN_PICTURES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");

    private final ConsoleAccess access;
    private final ConversationEngine engine;
    private final ConsoleViews views;
    private final Attachments attachments;

    ConsoleFiles(ConsoleAccess access, ConversationEngine engine, ConsoleViews views, Attachments attachments) {
        this.access = access;
        this.engine = engine;
        this.views = views;
        this.attachments = attachments;
    }

    /**
     * A file sent in this conversation, by the customer or an operator. Pictures open in the browser; anything else is downloaded, never
     * shown as a page of the gateway (a customer's HTML or SVG must not run with the operator's session).
     */
    @GetMapping("/conversations/{id}/attachments/{ref}")
    ResponseEntity<?> attachment(@PathVariable String id, @PathVariable String ref, Principal principal) throws IOException {
        Conversation c = access.mine(id, principal);
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
     * Sends the customer a file (an instruction, a form, a screenshot of where to click) with an optional text. The
     * file is kept before it is sent, and removed again when the engine refuses the message.
     */
    @PostMapping(path = "/conversations/{id}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> sendFile(@PathVariable String id, @RequestParam("file") MultipartFile file,
                               @RequestParam(name = "text", required = false) String text, Principal principal) throws IOException {
        if (file.isEmpty()) {
            return ResponseEntity.badRequest().body(new Problem("Файл пустой, выберите другой"));
        }
        if (text != null && text.length() > ConsoleApi.MAX_TEXT_LENGTH) {
            return ResponseEntity.badRequest().body(new Problem("Текст длиннее " + ConsoleApi.MAX_TEXT_LENGTH + " знаков"));
        }
        Conversation c = access.mine(id, principal);
        Attachment kept;
        try (InputStream content = file.getInputStream()) {
            kept = attachments.keep(file.getOriginalFilename(), file.getContentType(), content);
        }
        try {
            return ResponseEntity.ok(views.transcript(engine.sendFiles(c.id(), access.operator(principal), text, List.of(kept)).conversation()));
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
}
