package dev.supportgateway.infra.storage;

import static dev.supportgateway.infra.storage.SqlTime.instant;
import static dev.supportgateway.infra.storage.SqlTime.toSql;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.DeskId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The customers' ratings of the service, one per closed conversation, for the supervisors' report: how many were
 * satisfied in a period, and which chats were rated «плохо». A rating given again replaces the first.
 */
public final class ServiceRatings {

    /** One customer's rating of one closed conversation; {@code servedBy} is null when only the bot wrote. */
    public record Rating(ConversationId conversation, DeskId desk, boolean satisfied, String ticketNumber, Operator servedBy,
                         Instant at) {
        public Rating {
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(desk, "desk");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A desk's ratings in a period: the counts, and the latest dissatisfied ones, newest first. */
    public record Report(long satisfied, long dissatisfied, List<Rating> latestDissatisfied) {
    }

    private final JdbcClient sql;
    private final TransactionTemplate transactions;
    private final Runnable makeDurable;

    /** @param makeDurable run after each commit (see {@link JdbcTicketStore}): a rating is rare next to messages */
    ServiceRatings(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Runnable makeDurable) {
        this.sql = JdbcClient.create(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.makeDurable = makeDurable;
    }

    /**
     * Keeps the rating, replacing an earlier one of the same conversation; a later one already kept (another node took
     * a newer press first) stays.
     */
    public void record(Rating rating) {
        Object[] values = {rating.desk().value(), rating.satisfied(), rating.ticketNumber(),
                rating.servedBy() == null ? null : rating.servedBy().id(),
                rating.servedBy() == null ? null : rating.servedBy().displayName(), toSql(rating.at()),
                rating.conversation().value()};
        try {
            transactions.executeWithoutResult(status -> {
                if (replace(values, rating) == 0 && !kept(rating.conversation())) {
                    sql.sql("insert into service_rating (desk, satisfied, ticket_number, operator_id, operator_name, rated_at,"
                            + " conversation_id) values (?, ?, ?, ?, ?, ?, ?)").params(values).update();
                }
            });
        } catch (DuplicateKeyException e) {
            // two presses inserted at once: the other is in, so this one replaces it if it is the later
            transactions.executeWithoutResult(status -> replace(values, rating));
        }
        makeDurable.run();
    }

    private int replace(Object[] values, Rating rating) {
        Object[] guarded = Arrays.copyOf(values, values.length + 1);
        guarded[values.length] = toSql(rating.at());
        return sql.sql("update service_rating set desk = ?, satisfied = ?, ticket_number = ?, operator_id = ?,"
                + " operator_name = ?, rated_at = ? where conversation_id = ? and rated_at <= ?").params(guarded).update();
    }

    private boolean kept(ConversationId conversation) {
        return sql.sql("select count(*) from service_rating where conversation_id = ?").params(conversation.value())
                .query(Long.class).single() > 0;
    }

    /** The desk's ratings given at or after {@code since}, with at most {@code latest} of the dissatisfied ones. */
    public Report report(DeskId desk, Instant since, int latest) {
        record Counts(long satisfied, long dissatisfied) {
        }
        Counts counts = sql.sql("select coalesce(sum(case when satisfied then 1 else 0 end), 0) as good,"
                        + " coalesce(sum(case when satisfied then 0 else 1 end), 0) as bad"
                        + " from service_rating where desk = ? and rated_at >= ?")
                .params(desk.value(), toSql(since))
                .query((rs, row) -> new Counts(rs.getLong("good"), rs.getLong("bad"))).single();
        List<Rating> dissatisfied = sql.sql("select * from service_rating where desk = ? and rated_at >= ? and not satisfied"
                        + " order by rated_at desc, conversation_id limit ?")
                .params(desk.value(), toSql(since), latest)
                .query((rs, row) -> new Rating(ConversationId.of(rs.getString("conversation_id")), DeskId.of(rs.getString("desk")),
                        rs.getBoolean("satisfied"), rs.getString("ticket_number"),
                        rs.getString("operator_id") == null ? null : new Operator(rs.getString("operator_id"), rs.getString("operator_name")),
                        instant(rs, "rated_at")))
                .list();
        return new Report(counts.satisfied(), counts.dissatisfied(), dissatisfied);
    }
}
