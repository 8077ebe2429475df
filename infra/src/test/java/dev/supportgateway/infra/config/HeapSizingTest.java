package dev.supportgateway.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapSizingTest {

    private static final long MB = 1 << 20;

    @Test
    void aHeapThatGrowsUnderLoadIsReportedWithHowToTakeItWholeAtStart() {
        HeapSizing heap = new HeapSizing(128 * MB, 2048 * MB);

        assertThat(heap.grows()).isTrue();
        assertThat(heap.describe())
                .startsWith("heap: 128 MB at start, growing up to 2,048 MB;")
                .contains("-Xms equal to -Xmx", "Running under load");
    }

    @Test
    void aHeapTakenWholeAtStartIsReportedWithoutAdvice() {
        HeapSizing heap = new HeapSizing(2048 * MB, 2048 * MB);

        assertThat(heap.grows()).isFalse();
        assertThat(heap.describe()).isEqualTo("heap: 2,048 MB, all of it taken at start");
    }

    @Test
    void aHeapWithoutALimitIsSaidToGrowWithoutOne() {
        assertThat(new HeapSizing(64 * MB, -1).describe()).startsWith("heap: 64 MB at start, growing up to no set limit;");
    }

    @Test
    void aHeapWhoseStartTheJvmDoesNotStateIsSaidToGrowFromAnUnstatedSize() {
        assertThat(new HeapSizing(-1, 2048 * MB).describe()).startsWith("heap: an unstated size at start, growing up to 2,048 MB;");
    }

    @Test
    void thisJvmsHeapIsReadFromTheRuntime() {
        HeapSizing heap = HeapSizing.ofThisJvm();

        assertThat(heap.initialBytes()).isPositive();
        assertThat(heap.maxBytes() < 0 || heap.maxBytes() >= heap.initialBytes()).isTrue();
    }
}
