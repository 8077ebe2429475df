package dev.supportgateway.infra.storage;

import javax.sql.DataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The storage rules on the production option: a real PostgreSQL server started from its binaries. */
class PostgresStorageTest extends StorageContract {

    @RegisterExtension
    static final MigratedDatabase database = new MigratedDatabase(
            () -> TestDatabases.pool(TestDatabases.postgresDatabase("storage_contract"), "postgres", "postgres"));

    @Override
    DataSource dataSource() {
        return database.dataSource();
    }
}
