package dev.supportgateway.channels.widget;

import dev.supportgateway.engine.desk.DeskId;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The widget sessions of this node: for each customer session (desk + token) its open sockets (several tabs),
 * its rate-limit bucket and its outbox of messages not yet acknowledged. Only local sockets are known here;
 * a cross-node fan-out (Redis) would sit in front of {@link #deliver} and forward to the node holding the socket.
 */
final class WidgetSessions implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WidgetSessions.class);

    /** A customer's widget session: the token kept in the browser's localStorage, per desk. */
    record Key(DeskId desk, String token) {
        /** The token is a bearer secret: only a masked form reaches logs. */
        @Override
        public String toString() {
            return desk + ":" + token.substring(0, Math.min(4, token.length())) + "…";
        }
    }

    /** A message frame waiting for the client's acknowledgement. */
    record Pending(WidgetFrames.MessageFrame frame, Instant at) {
    }

    static final class Session {
        final Set<WebSocketSession> sockets = new CopyOnWriteArraySet<>();
        final List<Pending> outbox = new ArrayList<>();
        final TokenBucket bucket;

        Session(TokenBucket bucket) {
            this.bucket = bucket;
        }
    }

    private final Map<Key, Session> sessions = new ConcurrentHashMap<>();
    private final WidgetChannelProperties properties;
    private final WidgetFrames frames;
    private final Clock clock;
    private final ScheduledExecutorService sweeper;
    private boolean running;

    /** @param sweeper the thread that forgets idle sessions; this owns it from now on and shuts it down when it stops */
    WidgetSessions(WidgetChannelProperties properties, WidgetFrames frames, Clock clock, ScheduledExecutorService sweeper) {
        this.properties = properties;
        this.frames = frames;
        this.clock = clock;
        this.sweeper = sweeper;
    }

    private Session session(Key key) {
        return sessions.computeIfAbsent(key, k -> new Session(new TokenBucket(properties.rateLimit(), clock.instant())));
    }

    /** Registers a socket for the session and returns the messages it has not acknowledged, oldest first. */
    List<Pending> attach(Key key, WebSocketSession socket) {
        Session session = session(key);
        session.sockets.add(socket);
        synchronized (session) {
            prune(session);
            return List.copyOf(session.outbox);
        }
    }

    void detach(Key key, WebSocketSession socket) {
        Session session = sessions.get(key);
        if (session != null) {
            session.sockets.remove(socket);
        }
    }

    /** Whether a widget of the session has a socket open on this node (the page that sends is a live one). */
    boolean connected(Key key) {
        Session session = sessions.get(key);
        return session != null && !session.sockets.isEmpty();
    }

    /** Zero when the session may send another message, else how long it has to wait. */
    Duration take(Key key) {
        return session(key).bucket.take(clock.instant());
    }

    /**
     * Queues a message frame in the session's outbox and sends it to every open socket of the session on
     * this node. A message already queued (same id) is not queued twice.
     */
    void deliver(Key key, WidgetFrames.MessageFrame message) {
        Session session = session(key);
        synchronized (session) {
            prune(session);
            if (session.outbox.stream().noneMatch(p -> p.frame().id().equals(message.id()))) {
                session.outbox.add(new Pending(message, clock.instant()));
            }
        }
        String frame = frames.write(message);
        for (WebSocketSession socket : session.sockets) {
            send(socket, frame);
        }
    }

    /** Sends a passing signal to the session's open sockets on this node; a session with none simply misses it. */
    void signal(Key key, String frame) {
        Session session = sessions.get(key);
        if (session != null) {
            for (WebSocketSession socket : session.sockets) {
                send(socket, frame);
            }
        }
    }

    /** The client has everything up to and including {@code upTo}: drops those from the outbox. */
    void ack(Key key, String upTo) {
        Session session = sessions.get(key);
        if (session == null || upTo == null) {
            return;
        }
        synchronized (session) {
            int index = -1;
            for (int i = 0; i < session.outbox.size(); i++) {
                if (session.outbox.get(i).frame().id().equals(upTo)) {
                    index = i;
                }
            }
            if (index >= 0) {
                session.outbox.subList(0, index + 1).clear();
            }
        }
    }

    /** How many messages wait for the session's acknowledgement (for tests and metrics). */
    int unacknowledged(Key key) {
        Session session = sessions.get(key);
        if (session == null) {
            return 0;
        }
        synchronized (session) {
            return session.outbox.size();
        }
    }

    static void send(WebSocketSession socket, String frame) {
        if (!socket.isOpen()) {
            return;
        }
        try {
            socket.sendMessage(new TextMessage(frame));
        } catch (IOException | IllegalStateException e) {
            // the message stays in the outbox: the client gets it again when it reconnects
            LOG.debug("widget socket {} failed to send: {}", socket.getId(), e.toString());
        }
    }

    private void prune(Session session) {
        Instant oldest = clock.instant().minus(properties.redeliveryWindow());
        session.outbox.removeIf(p -> p.at().isBefore(oldest));
    }

    /** Forgets sessions with no socket and nothing left to redeliver. */
    void sweep() {
        sessions.forEach((key, session) -> {
            synchronized (session) {
                prune(session);
                if (session.sockets.isEmpty() && session.outbox.isEmpty()) {
                    sessions.remove(key, session);
                }
            }
        });
    }

    @Override
    public synchronized void start() {
        if (!running) {
            sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.MINUTES);
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        sweeper.shutdownNow();
        // going away tells the widget to reconnect (to another node); unacknowledged messages are in the store
        sessions.values().forEach(s -> s.sockets.forEach(socket -> {
            try {
                socket.close(CloseStatus.GOING_AWAY);
            } catch (IOException e) {
                LOG.debug("widget socket {} did not close cleanly: {}", socket.getId(), e.toString());
            }
        }));
        sessions.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
