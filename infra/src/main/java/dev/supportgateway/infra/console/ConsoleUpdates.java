package dev.supportgateway.infra.console;

import dev.supportgateway.engine.delivery.ConsoleEvent;
import dev.supportgateway.engine.delivery.OperatorConsole;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's live updates: the engine's {@link ConsoleEvent}s go to the {@code /ws/console} sockets of the
 * operators serving the conversation's desk, as {@code {"type":"event","kind":…,"conversation":row}} frames.
 * Only this node's sockets; a cross-node fan-out would publish here on every node.
 */
final class ConsoleUpdates extends TextWebSocketHandler implements OperatorConsole {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleUpdates.class);

    record EventFrame(String type, String kind, ConsoleViews.Row conversation) {
    }

    private record Watcher(WebSocketSession socket, OperatorDirectory.Entry operator) {
    }

    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();
    private final OperatorDirectory operators;
    private final ConsoleViews views;
    private final JsonMapper json = JsonMapper.builder().build();

    ConsoleUpdates(OperatorDirectory operators, ConsoleViews views) {
        this.operators = operators;
        this.views = views;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Principal principal = session.getPrincipal();
        var operator = principal == null ? null : operators.find(principal.getName()).orElse(null);
        if (operator == null) {
            session.close(CloseStatus.POLICY_VIOLATION);
            return;
        }
        watchers.put(session.getId(), new Watcher(new ConcurrentWebSocketSessionDecorator(session, 5_000, 256 * 1024), operator));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // the console only listens; a ping keeps proxies from closing an idle socket
        Watcher watcher = watchers.get(session.getId());
        if (watcher != null) {
            send(watcher, "{\"type\":\"pong\"}");
        }
    }

    /** Whether the operator has a console open on this node now (its live socket): a colleague to hand a chat to. */
    boolean online(String username) {
        return watchers.values().stream().anyMatch(w -> w.operator().username().equals(username) && w.socket().isOpen());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        watchers.remove(session.getId());
    }

    @Override
    public void publish(ConsoleEvent event) {
        String kind = switch (event) {
            case ConsoleEvent.CustomerWrote w -> "customer-wrote";
            case ConsoleEvent.Queued q -> "queued";
            case ConsoleEvent.Flagged f -> "flagged";
            case ConsoleEvent.StateChanged s -> "state-changed";
            case ConsoleEvent.Reopened r -> "reopened";
            case ConsoleEvent.CustomerTyping t -> "customer-typing";
            case ConsoleEvent.Transferred t -> "transferred";
            case ConsoleEvent.ServiceRated r -> "service-rated";
            case ConsoleEvent.NoteAdded n -> "note-added";
        };
        // the customer's typing matters to the operator holding the chat only; every other event to the desk's operators
        List<Watcher> serving = watchers.values().stream().filter(event instanceof ConsoleEvent.CustomerTyping
                ? w -> event.conversation().operator() != null && w.operator().username().equals(event.conversation().operator().id())
                : w -> w.operator().serves(event.conversation().desk())).toList();
        if (serving.isEmpty()) {
            // most events happen with no operator of the desk watching; the row and its JSON would be thrown away
            return;
        }
        String frame;
        try {
            frame = json.writeValueAsString(new EventFrame("event", kind, views.row(event.conversation())));
        } catch (RuntimeException e) {
            LOG.warn("console event {} of conversation {} not published: {}", kind, event.conversation().id(), e.toString());
            return;
        }
        for (Watcher watcher : serving) {
            send(watcher, frame);
        }
    }

    private static void send(Watcher watcher, String frame) {
        try {
            if (watcher.socket().isOpen()) {
                watcher.socket().sendMessage(new TextMessage(frame));
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("console socket {} failed: {}", watcher.socket().getId(), e.toString());
        }
    }
}
