package dev.supportgateway.channels.widget;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.Conversations;
import dev.supportgateway.engine.conversation.ConversationsUnavailable;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.Inbound;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.dialogue.ConversationEngine;
import dev.supportgateway.engine.dialogue.Turn;
import dev.supportgateway.engine.dialogue.UnknownDesk;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

/**
 * The inbound adapter of {@code /ws/widget}: a {@code hello} binds the socket to the customer's session,
 * {@code message} and {@code action} frames become {@link Inbound}s for the engine (their {@code clientId} is the
 * external id, so a resend is a no-op), {@code ack} frames release the outbox. Message bodies are never logged.
 */
final class WidgetInbound extends TextWebSocketHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WidgetInbound.class);
    private static final String KEY = "widget.key";
    private static final String SOCKET = "widget.socket";
    private static final String PARTS = "widget.parts";
    private static final String TYPED_AT = "widget.typedAt";
    /** The operator's console shows «typing» for several seconds: one signal in this time is enough. */
    private static final long TYPING_SIGNAL_EVERY_MS = 2_000;
    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,64}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    static final String TOO_MANY = "Слишком много сообщений подряд, подождите несколько секунд";

    private final Supplier<ConversationEngine> engine;
    private final Conversations conversations;
    private final WidgetSessions sessions;
    private final WidgetFrames frames;
    private final WidgetChannelProperties properties;
    private final Clock clock;
    private final OperatorAvailability availability;

    WidgetInbound(Supplier<ConversationEngine> engine, Conversations conversations, WidgetSessions sessions, WidgetFrames frames,
                  WidgetChannelProperties properties, Clock clock, OperatorAvailability availability) {
        this.engine = engine;
        this.conversations = conversations;
        this.sessions = sessions;
        this.frames = frames;
        this.properties = properties;
        this.clock = clock;
        this.availability = availability;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        // sends from the engine's threads and this one must not interleave on one socket
        session.getAttributes().put(SOCKET, new ConcurrentWebSocketSessionDecorator(session, 10_000, 512 * 1024));
    }

    /**
     * Frames arrive in parts of the container's small buffer (see {@link WidgetChannelConfiguration}), so that an
     * idle socket does not hold a buffer as big as the largest frame: a frame that fits in one part, as nearly all
     * do, is read at once; a longer one is collected, and discarded as soon as it passes the size limit.
     */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage part) {
        Object collected = session.getAttributes().get(PARTS);
        if (collected == null && part.isLast()) {
            handleFrame(session, part.getPayload());
            return;
        }
        // null: the frame already passed the limit, and its remaining parts are dropped
        StringBuilder frame = collected == null ? new StringBuilder(part.getPayload())
                : collected instanceof StringBuilder parts ? parts.append(part.getPayload()) : null;
        // a frame of n UTF-8 bytes has at most n characters, so more characters than the limit is over it
        if (frame != null && frame.length() > properties.maxFrameBytes()) {
            frame = null;
        }
        if (!part.isLast()) {
            session.getAttributes().put(PARTS, frame == null ? Boolean.FALSE : frame);
            return;
        }
        session.getAttributes().remove(PARTS);
        if (frame == null) {
            tooLarge(socket(session));
        } else {
            handleFrame(session, frame.toString());
        }
    }

    private void tooLarge(WebSocketSession socket) {
        reply(socket, frames.error("too-large", "Сообщение слишком большое: не больше "
                + properties.maxTextLength() + " символов"));
    }

    private void handleFrame(WebSocketSession session, String text) {
        WebSocketSession socket = socket(session);
        if (text.getBytes(StandardCharsets.UTF_8).length > properties.maxFrameBytes()) {
            tooLarge(socket);
            return;
        }
        WidgetFrames.ClientFrame frame = frames.read(text);
        if (frame == null) {
            reply(socket, frames.error("bad-frame", "Не удалось прочитать сообщение, обновите страницу"));
            return;
        }
        switch (frame.type()) {
            case "hello" -> hello(session, socket, frame);
            case "message", "action" -> customerSent(session, socket, frame);
            case "ack" -> {
                WidgetSessions.Key key = key(session);
                if (key != null) {
                    sessions.ack(key, frame.upTo());
                }
            }
            case "typing" -> customerTyping(session);
            case "ping" -> {
                WidgetSessions.Key key = key(session);
                reply(socket, frames.pong(key == null ? null : availability.now(key.desk())));
            }
            default -> reply(socket, frames.error("bad-frame", "Неизвестный тип сообщения"));
        }
    }

    private void hello(WebSocketSession session, WebSocketSession socket, WidgetFrames.ClientFrame frame) {
        DeskId desk = (DeskId) session.getAttributes().get(WidgetOrigins.DESK);
        if (frame.desk() != null && !frame.desk().equals(desk.value())) {
            reply(socket, frames.error("wrong-desk", "Виджет подключён к другой службе поддержки, обновите страницу"));
            return;
        }
        String token = frame.token() != null && TOKEN.matcher(frame.token()).matches() ? frame.token() : newToken();
        WidgetSessions.Key previous = key(session);
        if (previous != null) {
            sessions.detach(previous, socket);
        }
        WidgetSessions.Key key = new WidgetSessions.Key(desk, token);
        session.getAttributes().put(KEY, key);
        List<WidgetSessions.Pending> unacked = sessions.attach(key, socket);
        List<WidgetFrames.MessageFrame> messages = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Message message : transcriptAfter(desk, token, frame.lastId())) {
            messages.add(frames.message(message));
            ids.add(message.id().value());
        }
        // unacknowledged messages the store's transcript does not show (yet) are redelivered too
        for (WidgetSessions.Pending pending : unacked) {
            if (ids.add(pending.frame().id())) {
                messages.add(pending.frame());
            }
        }
        reply(socket, frames.welcome(token, desk.value(), messages, availability.now(desk),
                new WidgetFrames.FileLimitsFrame(properties.maxAttachmentSize().toBytes(), properties.attachmentTypes())));
        LOG.debug("widget session {} attached socket {} ({} messages in the welcome)", key, session.getId(), messages.size());
    }

    private List<Message> transcriptAfter(DeskId desk, String token, String lastId) {
        List<Message> transcript;
        try {
            // with no chat open, the one closed lately: its last answers, files and rating buttons stay in reach after
            // a reload. Operators' internal notes stay in the console.
            CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, token);
            transcript = conversations.findOpen(desk, customer).map(c -> shown(c, false))
                    .or(() -> closedLately(desk, customer).map(c -> shown(c, true))).orElse(List.of());
        } catch (RuntimeException e) {
            LOG.warn("widget history of desk {} unavailable: {}", desk, e.toString());
            return List.of();
        }
        if (lastId == null) {
            return transcript;
        }
        for (int i = 0; i < transcript.size(); i++) {
            if (transcript.get(i).id().value().equals(lastId)) {
                return transcript.subList(i + 1, transcript.size());
            }
        }
        return transcript;
    }

    /** The customer is writing: the operator holding the chat may see it. A signal, never an error for the widget. */
    private void customerTyping(WebSocketSession session) {
        WidgetSessions.Key key = key(session);
        long now = clock.millis();
        if (key == null || session.getAttributes().get(TYPED_AT) instanceof Long at && now - at < TYPING_SIGNAL_EVERY_MS) {
            return;
        }
        session.getAttributes().put(TYPED_AT, now);
        try {
            engine.get().customerTyping(key.desk(), CustomerAddress.of(ChannelKind.WIDGET, key.token()));
        } catch (RuntimeException e) {
            LOG.debug("typing signal of widget session {} not passed on: {}", key, e.toString());
        }
    }

    /**
     * What the customer sees of a chat: no internal notes, and of a closed chat no buttons but the rating's (an old
     * «Позвать оператора» would start a new chat from a reloaded page).
     */
    private static List<Message> shown(Conversation chat, boolean closed) {
        return chat.transcript().stream().filter(Message::forCustomer)
                .map(m -> !closed || m.actions().isEmpty() ? m : new Message(m.id(), m.author(), m.text(),
                        m.actions().stream().filter(a -> Action.isRating(a.id())).toList(),
                        m.link(), m.attachments(), m.externalId(), m.actionId(), m.inReplyTo(), m.at()))
                .toList();
    }

    /** The customer's last chat, if it closed within {@code closed-chat-shown-for}: the widget still shows it, and its files. */
    Optional<Conversation> closedLately(DeskId desk, CustomerAddress customer) {
        return conversations.findLastClosed(desk, customer)
                .filter(c -> c.updatedAt().isAfter(clock.instant().minus(properties.closedChatShownFor())));
    }

    private void customerSent(WebSocketSession session, WebSocketSession socket, WidgetFrames.ClientFrame frame) {
        WidgetSessions.Key key = key(session);
        if (key == null) {
            reply(socket, frames.error("no-hello", "Соединение не готово, подождите секунду"));
            return;
        }
        boolean action = frame.type().equals("action");
        Outcome refused = refusal(key, frame.clientId(), action, frame.text(), frame.actionId(), false);
        reply(socket, (refused != null ? refused : take(key, frame.clientId(), action, frame.text(), frame.actionId(), List.of())).frame());
    }

    /**
     * What became of a customer's message: the frame that tells the widget, the HTTP status of the same news, and
     * whether it was a resend of a message taken before.
     */
    record Outcome(int status, String frame, boolean duplicate) {

        Outcome(int status, String frame) {
            this(status, frame, false);
        }

    }

    /**
     * Why a customer's message is not taken (malformed, empty, too long, or over the session's rate), or null when it
     * may go on; a null answer has used one of the session's rate tokens. Checked before anything is kept, so that a
     * refused message leaves no file behind.
     */
    Outcome refusal(WidgetSessions.Key key, String clientId, boolean action, String rawText, String actionId, boolean withFiles) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            return new Outcome(400, frames.error("bad-frame", "Сообщение без идентификатора, обновите страницу"));
        }
        String text = rawText == null ? "" : rawText.strip();
        if (action ? actionId == null || actionId.isBlank() : text.isEmpty() && !withFiles) {
            return new Outcome(400, frames.error("empty", "Пустое сообщение не отправлено"));
        }
        if (text.length() > properties.maxTextLength()) {
            return new Outcome(400, frames.error("too-long", "Сообщение слишком длинное: не больше "
                    + properties.maxTextLength() + " символов. Сократите его или разбейте на несколько"));
        }
        Duration wait = sessions.take(key);
        if (!wait.isZero()) {
            return new Outcome(429, frames.rateLimited(TOO_MANY, wait.toMillis()));
        }
        return null;
    }

    /**
     * Hands a customer's message that passed {@link #refusal} (text, a button press, or files already kept) to the
     * engine; the same for the socket and for a message with files sent over HTTP. A resend of a message already
     * taken is answered as {@code accepted} with {@code duplicate}.
     */
    Outcome take(WidgetSessions.Key key, String clientId, boolean action, String rawText, String actionId, List<Attachment> attachments) {
        String text = rawText == null ? "" : rawText.strip();
        CustomerAddress customer = CustomerAddress.of(ChannelKind.WIDGET, key.token());
        Inbound inbound = action
                ? Inbound.action(key.desk(), customer, clientId, actionId, clock.instant())
                : new Inbound(key.desk(), customer, null, clientId, text, null, attachments, clock.instant());
        try {
            Turn turn = engine.get().receive(inbound);
            String id = turn.stored().stream().filter(Message::fromCustomer).map(m -> m.id().value())
                    .findFirst().orElse(null);
            return new Outcome(200, frames.accepted(clientId, id, turn.duplicate()), turn.duplicate());
        } catch (UnknownDesk e) {
            return new Outcome(404, frames.error("unknown-desk", "Служба поддержки не найдена"));
        } catch (ConversationsUnavailable e) {
            // the store logs the cause once; a line per refused message would flood the log while it lasts
            LOG.debug("widget message {} of session {} not taken: {}", clientId, key, e.getMessage());
            return new Outcome(503, frames.unavailable(properties.unavailableRetry().toMillis()));
        } catch (RuntimeException e) {
            // the client keeps the message unconfirmed and may resend it: the clientId makes that safe
            LOG.error("widget message {} of session {} failed: {}", clientId, key, e.toString(), e);
            return new Outcome(503, frames.unavailable(properties.unavailableRetry().toMillis()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        WidgetSessions.Key key = key(session);
        if (key != null) {
            sessions.detach(key, socket(session));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        LOG.debug("widget socket {} transport error: {}", session.getId(), exception.toString());
    }

    private static WidgetSessions.Key key(WebSocketSession session) {
        return (WidgetSessions.Key) session.getAttributes().get(KEY);
    }

    private static WebSocketSession socket(WebSocketSession session) {
        Object socket = session.getAttributes().get(SOCKET);
        return socket instanceof WebSocketSession decorated ? decorated : session;
    }

    private static void reply(WebSocketSession socket, String frame) {
        WidgetSessions.send(socket, frame);
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
