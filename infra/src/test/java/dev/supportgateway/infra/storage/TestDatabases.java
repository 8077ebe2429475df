package dev.supportgateway.infra.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.supportgateway.infra.desk.DeskCatalog;
import dev.supportgateway.infra.desk.DeskFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.yaml.snakeyaml.Yaml;

/** Databases for the storage tests, on the settings the gateway starts with. */
final class TestDatabases {

    private TestDatabases() {
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
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
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
