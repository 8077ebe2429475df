package dev.supportgateway.bench.widget;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The driver's own collector pauses while it measures. A reply that arrives while the driver is paused is timed only
 * when the pause ends, so these pauses add to the latencies it reports; a run whose driver paused for long measured
 * the driver as much as the gateway.
 */
final class DriverPauses implements AutoCloseable {

    private final List<NotificationEmitter> collectors = new ArrayList<>();
    private final NotificationListener listener = (notification, handback) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            if (stopsTheApplication(info.getGcName())) {
                pause(info.getGcInfo().getDuration());
            }
        }
    };
    private boolean recording;
    private int count;
    private long totalMillis;
    private long longestMillis;

    /** Listens to every collector of this JVM that stops the application (not the concurrent cycles of G1, ZGC, Shenandoah). */
    static DriverPauses listen() {
        DriverPauses recorder = new DriverPauses();
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (bean instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(recorder.listener, null, null);
                recorder.collectors.add(emitter);
            }
        }
        return recorder;
    }

    /**
     * Whether the collector's notifications are pauses: ZGC and Shenandoah report their concurrent work as "… Cycles"
     * beside "… Pauses"; G1's "G1 Concurrent GC" reports its remark and cleanup pauses.
     */
    static boolean stopsTheApplication(String collector) {
        return !collector.endsWith("Cycles");
    }

    /** Forgets what was recorded and records from now on. */
    synchronized void start() {
        count = 0;
        totalMillis = 0;
        longestMillis = 0;
        recording = true;
    }

    /**
     * Stops recording; the summary keeps what was recorded until now. A pause in the window's last moment may be
     * notified after this and go uncounted: notifications come from a JMX thread once the collection is over.
     */
    synchronized void stop() {
        recording = false;
    }

    synchronized void pause(long millis) {
        if (recording) {
            count++;
            totalMillis += millis;
            longestMillis = Math.max(longestMillis, millis);
        }
    }

    synchronized int count() {
        return count;
    }

    synchronized long totalMillis() {
        return totalMillis;
    }

    synchronized long longestMillis() {
        return longestMillis;
    }

    /** One line for the driver's report. */
    synchronized String summary() {
        return String.format(Locale.ROOT, "driver's own collector pauses in the window: %d, %d ms in all, longest %d ms",
                count, totalMillis, longestMillis);
    }

    @Override
    public void close() {
        for (NotificationEmitter collector : collectors) {
            try {
                collector.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
