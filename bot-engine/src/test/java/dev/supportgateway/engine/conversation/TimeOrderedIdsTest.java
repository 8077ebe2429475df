package dev.supportgateway.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Message and conversation ids grow with time, so SQL indexes on them grow at their end. */
class TimeOrderedIdsTest {

    @Test
    void idsMadeLaterSortLaterAndNeverRepeat() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 1000; i++) {
                ids.add(TimeOrderedIds.next());
            }
            Thread.sleep(3);
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
        // within a millisecond the order is random; across milliseconds it follows creation
        assertThat(ids.get(1000)).isGreaterThan(ids.get(999));
        assertThat(ids.get(2000)).isGreaterThan(ids.get(1999));
        assertThat(ids.get(2999)).isGreaterThan(ids.get(0));
    }

    @Test
    void idsAreVersionSevenUuids() {
        UUID id = UUID.fromString(MessageId.random().value());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(UUID.fromString(ConversationId.random().value()).version()).isEqualTo(7);
    }
}
