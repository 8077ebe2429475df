package dev.supportgateway.infra.storage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How conversations are kept ({@code gateway.storage.*}), validated at start-up.
 *
 * @param cachedConversations       recently used conversations kept in memory; 0: none, every read goes to SQL
 * @param journalCheckpoint         on the embedded database, how long a save may stay only in memory and in the journal
 * @param maxUnwrittenConversations on the embedded database, how many conversations may have saves it has not taken
 *                                  yet; beyond that, saves that would add one are refused until it catches up
 * @param maxJournalSize            on the embedded database, how much the journal's files may hold; beyond that, every
 *                                  save is refused until the database has taken enough for files to be deleted
 */
@Validated
@ConfigurationProperties("gateway.storage")
public record StorageSettings(
        @Min(0) @DefaultValue("" + JdbcConversations.DEFAULT_CACHED) int cachedConversations,
        @NotNull @DurationMin(seconds = 1) @DefaultValue("30s") Duration journalCheckpoint,
        @Min(1) @DefaultValue("" + JdbcConversations.DEFAULT_MAX_UNWRITTEN) int maxUnwrittenConversations,
        @NotNull @DefaultValue(JdbcConversations.DEFAULT_MAX_JOURNAL_BYTES + "B") DataSize maxJournalSize) {
}
