package dev.supportgateway.channels.widget;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A widget client for tests on the JDK's WebSocket: sends frames and waits for the server's frames by type. */
final class WidgetClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final BlockingQueue<JsonNode> queue;
    private final WebSocket socket;

    private WidgetClient(BlockingQueue<JsonNode> queue, WebSocket socket) {
        this.queue = queue;
        this.socket = socket;
    }

    static WidgetClient connect(int port, String desk, String origin) {
        BlockingQueue<JsonNode> queue = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        WebSocket ws = builder.buildAsync(URI.create("ws://localhost:" + port + "/ws/widget?desk=" + desk), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    queue.add(JSON.readTree(partial.toString()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                queue.add(JSON.createObjectNode().put("type", "closed").put("code", statusCode));
                return null;
            }
        }).join();
        return new WidgetClient(queue, ws);
    }

    WidgetClient send(String json) {
        socket.sendText(json, true).join();
        return this;
    }

    /** The next frame of this type, skipping others; fails after five seconds. */
    JsonNode next(String type) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                JsonNode frame = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (frame != null && type.equals(frame.path("type").asString())) {
                    return frame;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no '" + type + "' frame within 5 s");
    }

    /** Whatever frames arrived within {@code millis}. */
    java.util.List<JsonNode> drain(long millis) throws InterruptedException {
        Thread.sleep(millis);
        java.util.List<JsonNode> out = new java.util.ArrayList<>();
        queue.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
