package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** By default the gateway keeps its data in an H2 file database under gateway.data. */
class EmbeddedStorageStartsTest extends StorageConfigurationContract {

    @TempDir
    static Path data;

    @DynamicPropertySource
    static void dataFolder(DynamicPropertyRegistry registry) {
        registry.add("gateway.data", () -> data.toAbsolutePath().toString());
    }

    @Test
    void theDatabaseIsAFileInTheDataFolder() {
        assertThat(data.resolve("gateway.mv.db")).isRegularFile();
    }
}
