package dev.supportgateway.infra.storage;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded H2 file database of the default configuration, which commits lazily: a commit is in memory
 * until H2's writer stores it (within half a second), so durability comes from the {@link SaveJournal} for
 * conversations and from a checkpoint after each ticket transaction.
 */
final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /** Whether {@code url} names an H2 database in files, whose commits need a journal to survive a killed process. */
    static boolean isEmbeddedFile(String url) {
        return url != null && url.startsWith("jdbc:h2:file:");
    }

    /** Makes H2 write every committed transaction to its file now. */
    static void checkpoint(JdbcTemplate jdbc) {
        jdbc.execute("checkpoint");
    }
}
