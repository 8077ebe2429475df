package dev.supportgateway.routing.queue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportgateway.routing.RegulationDesks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueOrderTest {

    private record Waiting(String name, String tier, String priority, Instant createdAt) {
    }

    @Test
    void edocTakesCriticalRequestsOutOfTurnThenVipBeforeBasicThenInArrivalOrder() {
        Instant t = Instant.parse("2026-04-06T05:00:00Z");
        List<Waiting> queue = new ArrayList<>(List.of(
                new Waiting("basic-first", "basic", "normal", t),
                new Waiting("vip-late", "vip", "normal", t.plusSeconds(600)),
                new Waiting("basic-critical", "basic", "immediate", t.plusSeconds(900)),
                new Waiting("vip-early", "vip", "urgent", t.plusSeconds(60)),
                new Waiting("basic-second", null, null, t.plusSeconds(30))));

        queue.sort(new QueueOrder(RegulationDesks.edoc()).comparing(Waiting::tier, Waiting::priority, Waiting::createdAt));

        assertThat(queue).extracting(Waiting::name)
                .containsExactly("basic-critical", "vip-early", "vip-late", "basic-first", "basic-second");
    }
}
