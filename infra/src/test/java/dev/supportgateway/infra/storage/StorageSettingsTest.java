package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

class StorageSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(StorageSettings.class)
    static class Settings {
    }

    private final ApplicationContextRunner gateway = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @Test
    void withoutSettingsTheGatewayCachesTwentyThousandConversationsWritesTheEmbeddedDatabaseEveryThirtySecondsAndBoundsItsBacklog() {
        gateway.run(context -> {
            StorageSettings settings = context.getBean(StorageSettings.class);
            assertThat(settings.cachedConversations()).isEqualTo(20_000);
            assertThat(settings.journalCheckpoint()).isEqualTo(Duration.ofSeconds(30));
            assertThat(settings.maxUnwrittenConversations()).isEqualTo(50_000);
            assertThat(settings.maxJournalSize()).isEqualTo(DataSize.ofGigabytes(4));
        });
    }

    @Test
    void aCheckpointPeriodUnderOneSecondStopsStartUpNamingTheSetting() {
        gateway.withPropertyValues("gateway.storage.journal-checkpoint=0s").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("journalCheckpoint"));
    }

    @Test
    void noRoomForUnwrittenConversationsStopsStartUpNamingTheSetting() {
        gateway.withPropertyValues("gateway.storage.max-unwritten-conversations=0").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("maxUnwrittenConversations"));
    }
}
