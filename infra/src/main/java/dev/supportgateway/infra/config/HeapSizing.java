package dev.supportgateway.infra.config;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;

/**
 * How the JVM sized the gateway's heap, stated once at start-up: a heap that grows pays for the new memory inside the
 * collector's pauses, the slowest ones under load (bench/README.md, "A heap that does not grow").
 *
 * @param initialBytes the heap committed at start, or -1 when the JVM does not say
 * @param maxBytes the most it may grow to, or -1 when the JVM sets no limit
 */
public record HeapSizing(long initialBytes, long maxBytes) {

    /** This JVM's heap. */
    public static HeapSizing ofThisJvm() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new HeapSizing(heap.getInit(), heap.getMax());
    }

    /** Whether the heap starts below its maximum. */
    public boolean grows() {
        return maxBytes < 0 || initialBytes < maxBytes;
    }

    /** The start-up line: the sizes, and for a growing heap how to fix it for a gateway under load. */
    public String describe() {
        if (!grows()) {
            return "heap: " + megabytes(maxBytes) + ", all of it taken at start";
        }
        return "heap: " + (initialBytes < 0 ? "an unstated size" : megabytes(initialBytes)) + " at start, growing up to "
                + (maxBytes < 0 ? "no set limit" : megabytes(maxBytes))
                + "; collections that enlarge it pause longer, so a gateway under load should take its whole heap at"
                + " start (-Xms equal to -Xmx, -XX:+AlwaysPreTouch; README, \"Running under load\")";
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
    }
}
