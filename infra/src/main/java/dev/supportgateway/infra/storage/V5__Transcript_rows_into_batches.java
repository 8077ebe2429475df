package dev.supportgateway.infra.storage;

import static dev.supportgateway.infra.storage.SqlTime.instant;

import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.AuthorKind;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Feedback;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves the transcripts stored a row per entry (schema versions 1 to 3) into one batch per conversation of
 * {@code conversation_entries}, the customers' channel ids into {@code customer_message}, and drops the old tables.
 * Written in Java because the entries' JSON is built by {@link JsonColumns}, the same code that writes new batches.
 */
public final class V5__Transcript_rows_into_batches extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        List<String> conversations = new ArrayList<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("select id from conversation")) {
            while (rs.next()) {
                conversations.add(rs.getString(1));
            }
        }
        try (PreparedStatement messages = db.prepareStatement("select * from conversation_message where conversation_id = ? order by seq_no");
             PreparedStatement decisions = db.prepareStatement("select * from bot_decision where conversation_id = ? order by seq_no");
             PreparedStatement feedback = db.prepareStatement("select * from answer_feedback where conversation_id = ? order by seq_no");
             PreparedStatement batch = db.prepareStatement("insert into conversation_entries (conversation_id, entries_end, messages,"
                     + " messages_end, decisions, decisions_end, feedback, feedback_end) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (String conversation : conversations) {
                List<String> m = read(messages, conversation, V5__Transcript_rows_into_batches::message);
                List<String> d = read(decisions, conversation, V5__Transcript_rows_into_batches::decision);
                List<String> f = read(feedback, conversation, V5__Transcript_rows_into_batches::feedback);
                if (m.isEmpty() && d.isEmpty() && f.isEmpty()) {
                    continue;
                }
                batch.setString(1, conversation);
                batch.setInt(2, m.size() + d.size() + f.size());
                batch.setString(3, JsonColumns.array(m));
                batch.setInt(4, m.size());
                batch.setString(5, JsonColumns.array(d));
                batch.setInt(6, d.size());
                batch.setString(7, JsonColumns.array(f));
                batch.setInt(8, f.size());
                batch.executeUpdate();
            }
        }
        try (Statement st = db.createStatement()) {
            st.executeUpdate("""
                    insert into customer_message (desk, channel, address, external_id, conversation_id)
                    select desk, channel, address, external_id, conversation_id from conversation_message
                    where author_kind = 'CUSTOMER' and external_id is not null""");
            st.execute("drop table answer_feedback");
            st.execute("drop table bot_decision");
            st.execute("drop table conversation_message");
        }
    }

    private interface Row {
        String json(ResultSet rs) throws SQLException;
    }

    private static List<String> read(PreparedStatement query, String conversation, Row row) throws SQLException {
        query.setString(1, conversation);
        List<String> entries = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                entries.add(row.json(rs));
            }
        }
        return entries;
    }

    private static String message(ResultSet rs) throws SQLException {
        String inReplyTo = rs.getString("in_reply_to");
        return JsonColumns.ofMessage(new Message(MessageId.of(rs.getString("id")),
                new Author(AuthorKind.valueOf(rs.getString("author_kind")), rs.getString("author_id"), rs.getString("author_name")),
                rs.getString("body"), JsonColumns.actions(rs.getString("actions")), rs.getString("link"),
                JsonColumns.attachments(rs.getString("attachments")), rs.getString("external_id"), rs.getString("action_id"),
                inReplyTo == null ? null : MessageId.of(inReplyTo), instant(rs, "sent_at")));
    }

    private static String decision(ResultSet rs) throws SQLException {
        String message = rs.getString("message_id");
        double confidence = rs.getDouble("confidence");
        if (rs.wasNull()) {
            confidence = Double.NaN;
        }
        return JsonColumns.ofDecision(new BotDecision(message == null ? null : MessageId.of(message),
                DecisionRule.valueOf(rs.getString("decision_rule")), rs.getString("reason"), confidence, rs.getString("article"),
                JsonColumns.texts(rs.getString("candidates")), instant(rs, "decided_at")));
    }

    private static String feedback(ResultSet rs) throws SQLException {
        return JsonColumns.ofFeedback(new Feedback(MessageId.of(rs.getString("answer_id")), rs.getString("article"),
                rs.getBoolean("helped"), instant(rs, "given_at")));
    }
}
