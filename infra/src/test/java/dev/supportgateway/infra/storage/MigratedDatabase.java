package dev.supportgateway.infra.storage;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A database of one test class, migrated to the current schema before its tests and closed after them. */
final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

    private final Supplier<HikariDataSource> open;
    private HikariDataSource database;

    /** {@code open} runs before the class's tests, after JUnit has made its temporary folders. */
    MigratedDatabase(Supplier<HikariDataSource> open) {
        this.open = open;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = open.get();
        TestDatabases.migrate(database);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        database.close();
    }

    HikariDataSource dataSource() {
        return database;
    }
}
