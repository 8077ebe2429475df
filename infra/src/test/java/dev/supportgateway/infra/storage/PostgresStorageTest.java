package dev.supportgateway.infra.storage;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The storage rules on the production option: a real PostgreSQL server started from its binaries. */
class PostgresStorageTest extends StorageContract {

    static HikariDataSource database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabases.pool(TestDatabases.postgresDatabase("storage_contract"), "postgres", "postgres");
        TestDatabases.migrate(database);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    DataSource dataSource() {
        return database;
    }
}
