package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** In production the same build keeps its data in PostgreSQL, chosen by spring.datasource.* alone. */
class PostgresStorageStartsTest extends StorageConfigurationContract {

    @DynamicPropertySource
    static void postgresql(DynamicPropertyRegistry registry) {
        // created once here: the registry asks its suppliers again on every read
        String url = TestDatabases.postgresDatabase("gateway");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Test
    void theDatabaseIsPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
    }
}
