package dev.supportgateway.bench.widget;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A load driver for the widget channel: opens many customer sessions on {@code /ws/widget}, each
 * asking a question every few seconds, and measures the time from sending a message to the bot's
 * reply, errors and messages that never got a reply. Talks to a gateway on this machine only.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.supportgateway.bench.widget.WidgetLoadDriver \
 *     --url ws://localhost:8080/ws/widget?desk=edoc --origin http://localhost:8080 \
 *     --sessions 10000 --interval 5s --duration 120s --ramp 40s [--accepted-file accepted.txt]
 * </pre>
 */
public final class WidgetLoadDriver {

    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-z-]+)\"");
    private static final Pattern AUTHOR = Pattern.compile("\"author\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DESK = Pattern.compile("desk=([a-z0-9-]+)");
    private static final Pattern AT = Pattern.compile("\"at\"\\s*:\\s*\"([^\"]+)\"");

    private final Settings settings;
    private final List<String> questions;
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final LatencyRecorder latencies = new LatencyRecorder();
    private final DriverPauses driverPauses = DriverPauses.listen();
    /** Of each measured reply: from the question to the gateway's stamp on the reply, and from the stamp to its arrival. */
    private final LatencyRecorder untilStamped = new LatencyRecorder();
    private final LatencyRecorder afterStamped = new LatencyRecorder();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger connectFailures = new AtomicInteger();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong replied = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    /** Messages the gateway took for a resend of one it already had: it answers those with no new reply. */
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong closedUnexpectedly = new AtomicLong();
    private final Queue<String> acceptedIds = new ConcurrentLinkedQueue<>();
    private volatile boolean measuring;
    /** The slowest reply measured: its latency, and how long after the question the gateway stamped it (ms). */
    private double slowestLatencyMs;
    private double slowestStampedAfterMs = Double.NaN;
    private volatile boolean stopping;

    /** The command line. */
    record Settings(URI url, String origin, int sessions, Duration interval, Duration duration, Duration ramp, Duration settle,
                    URI metrics, URI cpuMetrics, Path acceptedFile) {
        static Settings parse(String[] args) {
            Map<String, String> given = new ConcurrentHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
            }
            URI url = URI.create(given.getOrDefault("url", "ws://localhost:8080/ws/widget?desk=edoc"));
            if (!List.of("localhost", "127.0.0.1", "[::1]").contains(url.getHost())) {
                throw new IllegalArgumentException("the load driver only targets this machine, not " + url.getHost());
            }
            String origin = given.getOrDefault("origin", "http://" + url.getHost() + ":" + url.getPort());
            String actuator = "http://" + url.getHost() + ":" + url.getPort() + "/actuator/metrics/";
            URI metrics = URI.create(given.getOrDefault("metrics", actuator + "jvm.memory.used?tag=area:heap"));
            URI cpuMetrics = URI.create(given.getOrDefault("cpu-metrics", actuator + "process.cpu.time"));
            return new Settings(url, origin, Integer.parseInt(given.getOrDefault("sessions", "1000")),
                    duration(given.getOrDefault("interval", "5s")), duration(given.getOrDefault("duration", "60s")),
                    duration(given.getOrDefault("ramp", "20s")), duration(given.getOrDefault("settle", "0s")), metrics, cpuMetrics,
                    given.containsKey("accepted-file") ? Path.of(given.get("accepted-file")) : null);
        }

        private static Duration duration(String text) {
            return text.endsWith("ms") ? Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)))
                    : Duration.ofSeconds(Long.parseLong(text.replace("s", "")));
        }
    }

    WidgetLoadDriver(Settings settings, List<String> questions) {
        this.settings = settings;
        this.questions = questions;
        this.http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(20)).build();
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        List<String> questions;
        try (var in = new BufferedReader(new InputStreamReader(
                WidgetLoadDriver.class.getResourceAsStream("/widget-questions.txt"), StandardCharsets.UTF_8))) {
            questions = in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        new WidgetLoadDriver(settings, questions).run();
        System.exit(0);
    }

    void run() throws Exception {
        System.out.printf(Locale.ROOT, "sessions %d, a question every %s each, %s ramp-up, %s settling, %s measured, against %s%n",
                settings.sessions(), settings.interval(), settings.ramp(), settings.settle(), settings.duration(), settings.url());
        List<Customer> customers = new ArrayList<>();
        long rampNanosPerSession = settings.ramp().toNanos() / Math.max(1, settings.sessions());
        long start = System.nanoTime();
        for (int i = 0; i < settings.sessions(); i++) {
            Customer customer = new Customer(i);
            customers.add(customer);
            customer.connect();
            long due = start + (i + 1) * rampNanosPerSession;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        // Let every session get connected and into its rhythm before measuring; --settle runs the full load longer
        // first, so that the gateway's compilers are done and the window shows its steady state.
        TimeUnit.MILLISECONDS.sleep(settings.interval().toMillis() * 2 + settings.settle().toMillis());
        System.out.printf(Locale.ROOT, "connected %d, failed to connect %d%n", connected.get(), connectFailures.get());
        latencies.reset();
        untilStamped.reset();
        afterStamped.reset();
        long sentBefore = sent.get();
        long repliedBefore = replied.get();
        long cpuBefore = metric(settings.cpuMetrics());
        long driverCpuBefore = driverCpuNanos(0);
        measuring = true;
        driverPauses.start();
        long measureStart = System.nanoTime();
        long peakHeap = 0;
        while (System.nanoTime() - measureStart < settings.duration().toNanos()) {
            TimeUnit.SECONDS.sleep(5);
            peakHeap = Math.max(peakHeap, metric(settings.metrics()));
        }
        long gatewayCpuNanos = metric(settings.cpuMetrics()) - cpuBefore;
        measuring = false;
        driverPauses.stop();
        stopping = true;
        double seconds = (System.nanoTime() - measureStart) / 1e9;
        long sentInWindow = sent.get() - sentBefore;
        // Give the last replies time to arrive, then count what never got one.
        TimeUnit.SECONDS.sleep(5);
        long unanswered = customers.stream().mapToLong(Customer::unanswered).sum();
        System.out.printf(Locale.ROOT, "measured %.0f s: %d messages sent (%.0f/s), %d bot replies (%.0f/s)%n",
                seconds, sentInWindow, sentInWindow / seconds, replied.get() - repliedBefore, (replied.get() - repliedBefore) / seconds);
        System.out.printf(Locale.ROOT, "bot reply latency ms: p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f (n=%d)%n",
                latencies.percentile(50), latencies.percentile(90), latencies.percentile(99), latencies.percentile(99.9),
                latencies.percentile(100), latencies.count());
        System.out.printf(Locale.ROOT, "of which until the gateway stamped the reply: p50 %.1f, p99 %.1f; from the stamp to its arrival: p50 %.1f, p99 %.1f%n",
                untilStamped.percentile(50), untilStamped.percentile(99), afterStamped.percentile(50), afterStamped.percentile(99));
        synchronized (this) {
            System.out.printf(Locale.ROOT, "slowest reply %.0f ms after its question; the gateway stamped it %.0f ms after the question%n",
                    slowestLatencyMs, slowestStampedAfterMs);
        }
        System.out.printf(Locale.ROOT, "errors %d, rate-limited %d, taken as duplicates %d, failed sends %d, closed unexpectedly %d, without a reply after 5 s %d%n",
                errors.get(), rateLimited.get(), duplicates.get(), sendFailures.get(), closedUnexpectedly.get(), unanswered);
        System.out.printf(Locale.ROOT, "server heap used, peak of samples: %d MB; driver heap %d MB%n",
                peakHeap / (1024 * 1024), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024));
        // the cost per reply, beside its latency: on a shared two-core machine the ratio is what compares across runs
        long repliedInWindow = replied.get() - repliedBefore;
        if (cpuBefore > 0 && repliedInWindow > 0) {
            System.out.printf(Locale.ROOT, "gateway CPU: %.2f cores, %.3f ms per bot reply; driver CPU: %.2f cores%n",
                    gatewayCpuNanos / 1e9 / seconds, gatewayCpuNanos / 1e6 / repliedInWindow,
                    driverCpuNanos(driverCpuBefore) / 1e9 / seconds);
        }
        System.out.println(driverPauses.summary());
        if (settings.acceptedFile() != null) {
            // what the gateway acknowledged as stored: after a crash test each of these must be in its database
            Files.write(settings.acceptedFile(), acceptedIds);
            System.out.printf(Locale.ROOT, "accepted %d messages, their client ids in %s%n", acceptedIds.size(), settings.acceptedFile());
        }
        for (Customer customer : customers) {
            customer.close();
        }
        timer.shutdownNow();
        driverPauses.close();
    }

    /** The CPU time this driver's process used since {@code before}, in nanoseconds. */
    private static long driverCpuNanos(long before) {
        var os = ManagementFactory.getOperatingSystemMXBean();
        long now = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
        return now - before;
    }

    /** One actuator metric's value (heap bytes, CPU nanoseconds), or 0 when the gateway does not answer. */
    private long metric(URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+]+)").matcher(response.body());
            return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * Keeps the slowest reply's latency and the gap between its question and the gateway's time stamp on it. The
     * dialogue stamps a reply when it writes it, before it is stored and sent: a reply stamped late waited for a
     * thread or the conversation's lock; one stamped early and received late waited in storage or transport.
     *
     * @param untilStampNanos from the question to the stamp, or negative when the reply has no usable stamp
     */
    private synchronized void slowest(long latencyNanos, long untilStampNanos) {
        double ms = latencyNanos / 1e6;
        if (ms <= slowestLatencyMs) {
            return;
        }
        slowestLatencyMs = ms;
        slowestStampedAfterMs = untilStampNanos < 0 ? Double.NaN : untilStampNanos / 1e6;
    }

    /**
     * How long after its question a reply of {@code latencyNanos} was stamped by the gateway (same machine, so the
     * clocks agree to a millisecond), within [0, latency]; -1 when the reply has no usable stamp.
     */
    private static long untilStamp(long latencyNanos, String stamped) {
        if (stamped == null) {
            return -1;
        }
        try {
            long afterStamp = Math.max(0, Duration.between(Instant.parse(stamped), Instant.now()).toNanos());
            return Math.max(0, latencyNanos - afterStamp);
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    /** One simulated customer: one session, one socket, a question every interval. */
    private final class Customer implements WebSocket.Listener {
        private final int number;
        private final Map<String, Long> awaiting = new ConcurrentHashMap<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private int asked;
        private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

        Customer(int number) {
            this.number = number;
        }

        void connect() {
            http.newWebSocketBuilder().header("Origin", settings.origin()).connectTimeout(Duration.ofSeconds(20))
                    .buildAsync(settings.url(), this)
                    .whenComplete((ws, failure) -> {
                        if (failure != null) {
                            connectFailures.incrementAndGet();
                            return;
                        }
                        socket = ws;
                        connected.incrementAndGet();
                        send(ws, "{\"type\":\"hello\",\"desk\":\"" + desk() + "\"}");
                        long first = ThreadLocalRandom.current().nextLong(settings.interval().toMillis());
                        timer.scheduleAtFixedRate(this::ask, first, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
                    });
        }

        private String desk() {
            Matcher m = DESK.matcher(settings.url().getQuery());
            return m.find() ? m.group(1) : "edoc";
        }

        private void ask() {
            WebSocket ws = socket;
            if (ws == null || stopping || ws.isOutputClosed()) {
                return;
            }
            String clientId = "load-" + number + "-" + (asked++);
            String question = questions.get((number + asked) % questions.size());
            awaiting.put(clientId, System.nanoTime());
            sent.incrementAndGet();
            send(ws, "{\"type\":\"message\",\"clientId\":\"" + clientId + "\",\"text\":\"" + question + "\"}");
        }

        /**
         * Sends after the previous send of this socket has completed: the JDK WebSocket fails a send started while
         * another is pending (the returned future completes with IllegalStateException), which would silently drop a
         * question and make the next reply count for it.
         */
        private synchronized void send(WebSocket ws, String frame) {
            lastSend = lastSend.handle((done, failure) -> null)
                    .thenCompose(ignored -> ws.sendText(frame, true))
                    .whenComplete((done, failure) -> {
                        if (failure != null && !stopping) {
                            sendFailures.incrementAndGet();
                        }
                    });
        }

        long unanswered() {
            long cutoff = System.nanoTime() - TimeUnit.SECONDS.toNanos(5);
            return awaiting.values().stream().filter(t -> t < cutoff).count();
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                handle(partial.toString(), ws);
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void handle(String frame, WebSocket ws) {
            String type = group(TYPE, frame);
            if (type == null) {
                return;
            }
            switch (type) {
                case "message" -> {
                    String author = group(AUTHOR, frame);
                    String id = group(ID, frame);
                    if (id != null) {
                        send(ws, "{\"type\":\"ack\",\"upTo\":\"" + id + "\"}");
                    }
                    if (author != null && !author.equals("customer")) {
                        // The first reply after a question answers the oldest question still waiting.
                        awaiting.entrySet().stream().min(Map.Entry.comparingByValue()).ifPresent(oldest -> {
                            if (awaiting.remove(oldest.getKey()) != null) {
                                replied.incrementAndGet();
                                if (measuring) {
                                    long latency = System.nanoTime() - oldest.getValue();
                                    latencies.record(latency);
                                    long until = untilStamp(latency, group(AT, frame));
                                    slowest(latency, until);
                                    if (until >= 0) {
                                        untilStamped.record(until);
                                        afterStamped.record(latency - until);
                                    }
                                }
                            }
                        });
                    }
                }
                case "accepted" -> {
                    String clientId = group(CLIENT_ID, frame);
                    if (frame.contains("\"duplicate\":true")) {
                        duplicates.incrementAndGet();
                        System.out.printf(Locale.ROOT, "gateway took %s for a duplicate%n", clientId);
                    }
                    if (clientId != null && settings.acceptedFile() != null) {
                        acceptedIds.add(clientId);
                    }
                }
                case "error" -> errors.incrementAndGet();
                case "rate-limited" -> {
                    rateLimited.incrementAndGet();
                    String clientId = group(CLIENT_ID, frame);
                    if (clientId != null) {
                        awaiting.remove(clientId);
                    }
                }
                default -> {
                }
            }
        }

        private String group(Pattern pattern, String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? m.group(1) : null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            if (!stopping) {
                closedUnexpectedly.incrementAndGet();
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (!stopping) {
                closedUnexpectedly.incrementAndGet();
            }
        }

        void close() {
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
        }
    }

    /** Latencies of one measuring window, kept whole: a run has at most a few hundred thousand. */
    private static final class LatencyRecorder {
        private long[] values = new long[1 << 16];
        private int size;

        synchronized void record(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        synchronized void reset() {
            size = 0;
        }

        synchronized int count() {
            return size;
        }

        synchronized double percentile(double p) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int index = (int) Math.min(size - 1, Math.ceil(p / 100.0 * size) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

}
