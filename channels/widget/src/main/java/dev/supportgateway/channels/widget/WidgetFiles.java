package dev.supportgateway.channels.widget;

import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Attachments;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A customer's message with a file (a screenshot of the error, as the regulations ask), sent by the widget over
 * HTTP because a WebSocket frame is no place for megabytes: the file is kept durably first, then the message goes
 * the way of every widget message ({@link WidgetInbound#take}), and the bot's or operator's replies come over the
 * session's socket. The answer is the frame the socket would have sent: {@code accepted}, or an {@code error}.
 * The files of the customer's conversation come back the same way, over HTTP.
 */
@RestController
final class WidgetFiles {

    private static final Logger LOG = LoggerFactory.getLogger(WidgetFiles.class);

    private final WidgetInbound inbound;
    private final WidgetSessions sessions;
    private final WidgetOrigins origins;
    private final WidgetFrames frames;
    private final Attachments attachments;
    private final Conversations conversations;
    private final WidgetChannelProperties properties;

    WidgetFiles(WidgetInbound inbound, WidgetSessions sessions, WidgetOrigins origins, WidgetFrames frames,
                Attachments attachments, Conversations conversations, WidgetChannelProperties properties) {
        this.inbound = inbound;
        this.sessions = sessions;
        this.origins = origins;
        this.frames = frames;
        this.attachments = attachments;
        this.conversations = conversations;
        this.properties = properties;
    }

    @PostMapping(path = WidgetChannelConfiguration.FILES_PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> send(HttpServletRequest request, @RequestParam("desk") String desk, @RequestParam("token") String token,
                                @RequestParam("clientId") String clientId, @RequestParam(name = "text", required = false) String text,
                                @RequestParam("file") MultipartFile file) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        HttpStatus refusal = origins.refusal(desk, new ServletServerHttpRequest(request));
        if (refusal != null) {
            return ResponseEntity.status(refusal).contentType(MediaType.APPLICATION_JSON)
                    .body(frames.error("refused", "Отправка файлов с этой страницы не разрешена"));
        }
        WidgetSessions.Key key = new WidgetSessions.Key(DeskId.of(desk), token);
        if (!WidgetInbound.TOKEN.matcher(token).matches() || !sessions.connected(key)) {
            return answer(origin, HttpStatus.CONFLICT.value(), frames.error("no-session", "Соединение с чатом потеряно, обновите страницу"));
        }
        if (file.isEmpty()) {
            return answer(origin, 400, frames.error("empty-file", "Файл пустой, выберите другой"));
        }
        // a file over gateway.widget.max-attachment-size never gets here: the multipart limits refuse it (tooLarge)
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (!allowedType(name)) {
            return answer(origin, HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), frames.error("file-type",
                    "Такой файл не принимаем. Можно: " + String.join(", ", properties.attachmentTypes())));
        }
        WidgetInbound.Outcome refused = inbound.refusal(key, clientId, false, text, null, true);
        if (refused != null) {
            return answer(origin, refused.status(), refused.frame());
        }
        Attachment kept;
        try (InputStream content = file.getInputStream()) {
            kept = attachments.keep(name, file.getContentType(), content);
        } catch (IOException | RuntimeException e) {
            LOG.error("widget file of session {} not kept: {}", key, e.toString());
            return answer(origin, 503, frames.unavailable(properties.unavailableRetry().toMillis()));
        }
        WidgetInbound.Outcome outcome = inbound.take(key, clientId, false, text, null, List.of(kept));
        if (outcome.duplicate() || outcome.status() == 400 || outcome.status() == 404) {
            // a resend of a message taken before with its own file, or a message refused for good: this copy belongs to
            // no message. After a failure (503) the save may still have happened, so the file stays.
            discard(kept, key);
        }
        return answer(origin, outcome.status(), outcome.frame());
    }

    /**
     * A file of the customer's conversation (the open one, or the one closed last within {@code closed-chat-shown-for}:
     * an operator may close the chat right after sending an instruction), as a download. The session's token is the customer's key, sent in a form
     * body rather than the address so that it stays out of logs and browser history. Always a download, never a page of
     * the gateway: an HTML or SVG file must not run in its origin.
     */
    @PostMapping(path = WidgetChannelConfiguration.DOWNLOAD_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> download(HttpServletRequest request, @PathVariable("ref") String ref, @RequestParam("desk") String desk,
                               @RequestParam("token") String token) throws IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        HttpStatus refusal = origins.refusal(desk, new ServletServerHttpRequest(request));
        if (refusal != null) {
            return ResponseEntity.status(refusal).contentType(MediaType.APPLICATION_JSON)
                    .body(frames.error("refused", "Файлы чата с этой страницы недоступны"));
        }
        Optional<Attachment> file = WidgetInbound.TOKEN.matcher(token).matches() ? customersFile(DeskId.of(desk), token, ref) : Optional.empty();
        Optional<InputStream> content = file.isEmpty() ? Optional.empty() : attachments.open(ref);
        if (content.isEmpty()) {
            return answer(origin, HttpStatus.NOT_FOUND.value(), frames.error("no-file", "Файл не найден: возможно, чат уже давно закрыт"));
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(file.get().size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.get().name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'");
        if (origin != null) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        return response.body(new InputStreamResource(content.get()));
    }

    private Optional<Attachment> customersFile(DeskId desk, String token, String ref) {
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, token);
        return Stream.of(conversations.findOpen(desk, customer), inbound.closedLately(desk, customer))
                .flatMap(Optional::stream)
                .flatMap(c -> c.transcript().stream())
                .filter(Message::forCustomer)
                .flatMap(m -> m.attachments().stream())
                .filter(a -> a.storageRef().equals(ref))
                .findFirst();
    }

    private void discard(Attachment kept, WidgetSessions.Key key) {
        try {
            attachments.discard(kept.storageRef());
        } catch (IOException | RuntimeException e) {
            LOG.warn("widget file of session {} kept but not used, and not removed: {}", key, e.toString());
        }
    }

    /** A body over the web server's multipart limits (also one sent without a length): the widget's own refusal. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<String> tooLarge(HttpServletRequest request) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        // the desk comes from the address only: asking the request for a parameter would read the oversized body again
        String desk = UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams().getFirst("desk");
        boolean allowed = origin != null && desk != null && origins.refusal(desk, new ServletServerHttpRequest(request)) == null;
        long max = properties.maxAttachmentSize().toBytes();
        return answer(allowed ? origin : null, HttpStatus.CONTENT_TOO_LARGE.value(),
                frames.error("file-too-large", "Файл больше " + (max / (1024 * 1024)) + " МБ: сожмите его или пришлите часть"));
    }

    private boolean allowedType(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return properties.attachmentTypes().contains(extension);
    }

    private static ResponseEntity<String> answer(String origin, int status, String frame) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (origin != null) {
            // the origin was checked against the desk's sites above: the widget's page may read the answer
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        }
        return response.body(frame);
    }
}
