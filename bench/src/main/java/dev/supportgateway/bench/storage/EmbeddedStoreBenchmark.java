package dev.supportgateway.bench.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one widget exchange costs the embedded H2 database at its floor: the rows the gateway writes for a customer's
 * question and the bot's answer (two transcript rows, one bot decision, the conversation row), on the shipped schema
 * (the Flyway migrations of infra), with plain prepared statements and a commit per {@code exchangesPerCommit}, over
 * 10,000 open conversations. No Spring, pool, journal or dialogue: the gap between this and the gateway's CPU per bot
 * reply is everything else. {@code dropIndex} removes one index after migrating, to price it.
 * Run from the repository root (the migrations are read from {@code infra/}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class EmbeddedStoreBenchmark {

    private static final int CONVERSATIONS = 10_000;

    @Param({"none", "conversation_message_external_id", "conversation_desk_state"})
    public String dropIndex;

    @Param({"10"})
    public int exchangesPerCommit;

    @Param({"infra/src/main/resources/db/migration"})
    public String migrations;

    private Path folder;
    private Connection db;
    private PreparedStatement message;
    private PreparedStatement decision;
    private PreparedStatement conversation;
    private final String[] ids = new String[CONVERSATIONS];
    private final int[] entries = new int[CONVERSATIONS];
    private final SplittableRandom random = new SplittableRandom(7);
    private long exchanges;

    @Setup(Level.Trial)
    public void createDatabase() throws IOException, SQLException {
        folder = Files.createTempDirectory("store-bench");
        // the gateway's embedded URL, lazy commits included
        db = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("gateway")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE");
        try (Statement st = db.createStatement(); Stream<Path> scripts = Files.list(Path.of(migrations))) {
            List<Path> ordered = scripts.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
            if (ordered.isEmpty()) {
                throw new IllegalStateException("no migrations in " + Path.of(migrations).toAbsolutePath() + "; run from the repository root");
            }
            for (Path script : ordered) {
                st.execute("runscript from '" + script.toAbsolutePath() + "'");
            }
            if (!"none".equals(dropIndex)) {
                st.execute("drop index " + dropIndex);
            }
        }
        db.setAutoCommit(false);
        try (PreparedStatement open = db.prepareStatement("""
                insert into conversation (id, desk, channel, address, opened_at, open_key, state, identification, warnings,
                                          updated_at, last_message_at, version)
                values (?, 'edoc', 'widget', ?, ?, ?, 'BOT', '{}', 0, ?, ?, 1)""")) {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            for (int i = 0; i < CONVERSATIONS; i++) {
                ids[i] = UUID.randomUUID().toString();
                open.setString(1, ids[i]);
                open.setString(2, "token-" + i);
                open.setTimestamp(3, now);
                open.setString(4, "edoc|widget|token-" + i);
                open.setTimestamp(5, now);
                open.setTimestamp(6, now);
                open.addBatch();
            }
            open.executeBatch();
        }
        db.commit();
        message = db.prepareStatement("""
                insert into conversation_message (id, conversation_id, seq_no, desk, channel, address, author_kind, author_id,
                    author_name, body, actions, link, attachments, external_id, action_id, in_reply_to, sent_at)
                values (?, ?, ?, 'edoc', 'widget', ?, ?, null, ?, ?, ?, ?, '[]', ?, null, null, ?)""");
        decision = db.prepareStatement("""
                insert into bot_decision (conversation_id, seq_no, message_id, decision_rule, reason, confidence, article,
                    candidates, decided_at)
                values (?, ?, ?, 'HELP_CENTER_ANSWER', 'confidence 0.93 ≥ 0.88', 0.93, 'edoc-sign-document', '[]', ?)""");
        conversation = db.prepareStatement("""
                update conversation set state = ?, updated_at = ?, last_message_at = ?, version = version + 1
                where id = ?""");
    }

    /** A customer's question and the bot's article answer in one conversation, as the gateway stores them. */
    @Benchmark
    public long exchange() throws SQLException {
        int i = random.nextInt(CONVERSATIONS);
        Timestamp now = new Timestamp(System.currentTimeMillis());
        String question = UUID.randomUUID().toString();
        String answer = UUID.randomUUID().toString();
        row(question, i, "CUSTOMER", "", "Как подписать документ, если NCALayer не видит ключ? " + exchanges, "[]", null,
                "client-" + exchanges, now);
        row(answer, i, "BOT", "Бот поддержки", "Как подписать документ\n1. Откройте документ во «Входящих»…",
                "[{\"id\":\"helped\",\"label\":\"Помогло\"},{\"id\":\"not-helped\",\"label\":\"Не помогло\"}]",
                "https://help.example/edoc/sign", null, now);
        message.executeBatch();
        decision.setString(1, ids[i]);
        decision.setInt(2, entries[i]);
        decision.setString(3, answer);
        decision.setTimestamp(4, now);
        decision.executeUpdate();
        conversation.setString(1, exchanges % 2 == 0 ? "ANSWERED" : "BOT");
        conversation.setTimestamp(2, now);
        conversation.setTimestamp(3, now);
        conversation.setString(4, ids[i]);
        int updated = conversation.executeUpdate();
        if (++exchanges % exchangesPerCommit == 0) {
            db.commit();
        }
        return updated;
    }

    private void row(String id, int i, String author, String name, String body, String actions, String link, String externalId,
                     Timestamp at) throws SQLException {
        message.setString(1, id);
        message.setString(2, ids[i]);
        message.setInt(3, entries[i]++);
        message.setString(4, "token-" + i);
        message.setString(5, author);
        message.setString(6, name);
        message.setString(7, body);
        message.setString(8, actions);
        message.setString(9, link);
        message.setString(10, externalId);
        message.setTimestamp(11, at);
        message.addBatch();
    }

    @TearDown(Level.Trial)
    public void dropDatabase() throws SQLException, IOException {
        db.commit();
        db.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
