package dev.supportgateway.bench.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DriverPausesTest {

    @Test
    void aCollectionWhileMeasuringIsReportedAsAPauseOfTheDriver() throws InterruptedException {
        try (DriverPauses pauses = DriverPauses.listen()) {
            pauses.start();
            System.gc();
            awaitAtLeastOne(pauses);
            pauses.stop();

            assertThat(pauses.count()).isPositive();
            assertThat(pauses.longestMillis()).isLessThanOrEqualTo(pauses.totalMillis());
            assertThat(pauses.summary()).startsWith("driver's own collector pauses in the window: " + pauses.count() + ",");
        }
    }

    @Test
    void collectionsAfterTheWindowAreNotCounted() throws InterruptedException {
        try (DriverPauses pauses = DriverPauses.listen()) {
            pauses.start();
            pauses.stop();
            System.gc();
            Thread.sleep(Duration.ofMillis(500));

            assertThat(pauses.count()).isZero();
        }
    }

    @Test
    void concurrentCyclesAreNotPauses() {
        assertThat(DriverPauses.stopsTheApplication("G1 Young Generation")).isTrue();
        assertThat(DriverPauses.stopsTheApplication("G1 Concurrent GC")).isTrue();
        assertThat(DriverPauses.stopsTheApplication("ZGC Major Pauses")).isTrue();
        assertThat(DriverPauses.stopsTheApplication("ZGC Major Cycles")).isFalse();
        assertThat(DriverPauses.stopsTheApplication("Shenandoah Cycles")).isFalse();
    }

    /** Collection notifications arrive on a JMX thread after the collection. */
    private static void awaitAtLeastOne(DriverPauses pauses) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pauses.count() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
