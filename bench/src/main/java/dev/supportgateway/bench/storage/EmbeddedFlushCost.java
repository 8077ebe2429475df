package dev.supportgateway.bench.storage;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What writing widget exchanges costs the embedded H2 database, in CPU of the whole process (H2's page writer
 * included) per exchange: 10,000 open conversations, each with {@code exchanges} exchanges (a customer's question,
 * the bot's answer and its decision) per flush, written in one transaction followed by a checkpoint, as the
 * gateway's journal checkpoint writes them. {@code batches}: the shipped schema (per conversation one row update and
 * one batch of JSON entries, per question one channel-id row). {@code rows}: a row per entry, as schema version 3
 * stored them, for comparison. Run from the repository root (the migrations are read from {@code infra/}):
 * {@code java -cp bench/target/benchmarks.jar dev.supportgateway.bench.storage.EmbeddedFlushCost batches 6}
 */
public final class EmbeddedFlushCost {

    private static final int CONVERSATIONS = 10_000;
    private static final Path MIGRATIONS = Path.of("infra/src/main/resources/db/migration");
    private static final String ACTIONS = "[{\"id\":\"helped\",\"label\":\"Помогло\"},{\"id\":\"not-helped\",\"label\":\"Не помогло\"}]";

    private EmbeddedFlushCost() {
    }

    /** Arguments: {@code batches} or {@code rows}, exchanges per conversation per flush, and flushes to measure (3). */
    public static void main(String[] args) throws Exception {
        String model = args[0];
        int exchanges = Integer.parseInt(args[1]);
        int flushes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path folder = Files.createTempDirectory("flush-cost");
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("gateway")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE")) {
            boolean rows = model.equals("rows");
            migrate(db, rows ? 3 : Integer.MAX_VALUE);
            Flushes writer = new Flushes(db, rows);
            for (int round = 0; round <= flushes; round++) {
                long cpu = cpu();
                long started = System.nanoTime();
                writer.flush(exchanges);
                if (round > 0) {
                    // round 0 warms the JIT up
                    long n = (long) CONVERSATIONS * exchanges;
                    System.out.printf("%s, %d exchanges per conversation per flush: %.1f µs CPU and %.1f µs elapsed per exchange%n",
                            model, exchanges, (cpu() - cpu) / 1e3 / n, (System.nanoTime() - started) / 1e3 / n);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long cpu() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void migrate(Connection db, int upTo) throws IOException, SQLException {
        try (Statement st = db.createStatement(); Stream<Path> scripts = Files.list(MIGRATIONS)) {
            List<Path> ordered = scripts.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .filter(p -> version(p) <= upTo)
                    .sorted(Comparator.comparingInt(EmbeddedFlushCost::version))
                    .toList();
            if (ordered.isEmpty()) {
                throw new IllegalStateException("no migrations in " + MIGRATIONS.toAbsolutePath() + "; run from the repository root");
            }
            for (Path script : ordered) {
                st.execute("runscript from '" + script.toAbsolutePath() + "'");
            }
        }
    }

    private static int version(Path script) {
        return Integer.parseInt(script.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"));
    }

    /** The statements of one storage model and the state of its 10,000 conversations. */
    private static final class Flushes {
        private final Connection db;
        private final boolean rows;
        private final String[] ids = new String[CONVERSATIONS];
        private final int[] messages = new int[CONVERSATIONS];
        private final PreparedStatement update;
        private final PreparedStatement message;
        private final PreparedStatement decision;
        private final PreparedStatement batch;
        private final PreparedStatement received;
        private long version = 1;
        private long asked;

        Flushes(Connection db, boolean rows) throws SQLException {
            this.db = db;
            this.rows = rows;
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
            update = db.prepareStatement("update conversation set state = ?, updated_at = ?, last_message_at = ?, version = ? where id = ?");
            message = rows ? db.prepareStatement("""
                    insert into conversation_message (id, conversation_id, seq_no, desk, channel, address, author_kind, author_id,
                        author_name, body, actions, link, attachments, external_id, action_id, in_reply_to, sent_at)
                    values (?, ?, ?, 'edoc', 'widget', ?, ?, null, ?, ?, ?, ?, '[]', ?, null, null, ?)""") : null;
            decision = rows ? db.prepareStatement("""
                    insert into bot_decision (conversation_id, seq_no, message_id, decision_rule, reason, confidence, article,
                        candidates, decided_at)
                    values (?, ?, ?, 'HELP_CENTER_ANSWER', 'confidence 0.93 ≥ 0.88', 0.93, 'edoc-sign-document', '[]', ?)""") : null;
            batch = rows ? null : db.prepareStatement("""
                    insert into conversation_entries (conversation_id, entries_end, messages, messages_end, decisions, decisions_end,
                        feedback, feedback_end) values (?, ?, ?, ?, ?, ?, '[]', 0)""");
            received = rows ? null : db.prepareStatement("""
                    insert into customer_message (desk, channel, address, external_id, conversation_id)
                    values ('edoc', 'widget', ?, ?, ?) on conflict do nothing""");
        }

        void flush(int exchanges) throws SQLException {
            Timestamp now = new Timestamp(System.currentTimeMillis());
            version++;
            for (int i = 0; i < CONVERSATIONS; i++) {
                StringBuilder texts = new StringBuilder("[");
                StringBuilder decisions = new StringBuilder("[");
                for (int k = 0; k < exchanges; k++) {
                    String question = UUID.randomUUID().toString();
                    String answer = UUID.randomUUID().toString();
                    String clientId = "client-" + asked++;
                    String asking = "Как подписать документ, если NCALayer не видит ключ? " + asked;
                    String answering = "Как подписать документ\\n1. Откройте документ во «Входящих»…";
                    if (rows) {
                        row(question, i, "CUSTOMER", "", asking, "[]", null, clientId, now);
                        row(answer, i, "BOT", "Бот поддержки", answering, ACTIONS, "https://help.example/edoc/sign", null, now);
                        decision.setString(1, ids[i]);
                        decision.setInt(2, messages[i] / 2 - 1);
                        decision.setString(3, answer);
                        decision.setTimestamp(4, now);
                        decision.addBatch();
                    } else {
                        // the entries as the gateway writes them (JsonColumns in infra)
                        texts.append(texts.length() > 1 ? "," : "")
                                .append("{\"id\":\"").append(question).append("\",\"authorKind\":\"CUSTOMER\",\"authorId\":null,")
                                .append("\"authorName\":\"\",\"text\":\"").append(asking).append("\",\"actions\":[],\"link\":null,")
                                .append("\"attachments\":[],\"externalId\":\"").append(clientId)
                                .append("\",\"actionId\":null,\"inReplyTo\":null,\"at\":\"2026-11-22T05:00:00Z\"},")
                                .append("{\"id\":\"").append(answer).append("\",\"authorKind\":\"BOT\",\"authorId\":null,")
                                .append("\"authorName\":\"Бот поддержки\",\"text\":\"").append(answering).append("\",\"actions\":")
                                .append(ACTIONS).append(",\"link\":\"https://help.example/edoc/sign\",\"attachments\":[],")
                                .append("\"externalId\":null,\"actionId\":null,\"inReplyTo\":\"").append(question)
                                .append("\",\"at\":\"2026-11-22T05:00:01Z\"}");
                        decisions.append(decisions.length() > 1 ? "," : "")
                                .append("{\"message\":\"").append(question).append("\",\"rule\":\"HELP_CENTER_ANSWER\",")
                                .append("\"reason\":\"confidence 0.93 ≥ 0.88\",\"confidence\":0.93,")
                                .append("\"article\":\"edoc-sign-document\",\"candidates\":[],\"at\":\"2026-11-22T05:00:01Z\"}");
                        messages[i] += 2;
                        received.setString(1, "token-" + i);
                        received.setString(2, clientId);
                        received.setString(3, ids[i]);
                        received.addBatch();
                    }
                }
                if (!rows) {
                    batch.setString(1, ids[i]);
                    batch.setInt(2, messages[i] + messages[i] / 2);
                    batch.setString(3, texts.append(']').toString());
                    batch.setInt(4, messages[i]);
                    batch.setString(5, decisions.append(']').toString());
                    batch.setInt(6, messages[i] / 2);
                    batch.addBatch();
                }
                update.setString(1, "ANSWERED");
                update.setTimestamp(2, now);
                update.setTimestamp(3, now);
                update.setLong(4, version);
                update.setString(5, ids[i]);
                update.addBatch();
                if (i % 500 == 499) {
                    execute();
                }
            }
            execute();
            db.commit();
            try (Statement st = db.createStatement()) {
                st.execute("checkpoint");
            }
        }

        private void execute() throws SQLException {
            for (PreparedStatement statement : rows ? List.of(update, message, decision) : List.of(update, batch, received)) {
                statement.executeBatch();
            }
        }

        private void row(String id, int i, String author, String name, String body, String actions, String link, String externalId,
                         Timestamp at) throws SQLException {
            message.setString(1, id);
            message.setString(2, ids[i]);
            message.setInt(3, messages[i]++);
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
    }
}
