package dev.supportgateway.infra.storage;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage rules on the production option: a real PostgreSQL server, started from its binaries for this class. */
class PostgresStorageTest extends StorageContract {

    static EmbeddedPostgres postgres;
    static HikariDataSource database;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        database = TestDatabases.pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        TestDatabases.migrate(database);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (database != null) {
            database.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource dataSource() {
        return database;
    }
}
