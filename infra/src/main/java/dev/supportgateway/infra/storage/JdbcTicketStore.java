package dev.supportgateway.infra.storage;

import static dev.supportgateway.infra.storage.SqlTime.instant;
import static dev.supportgateway.infra.storage.SqlTime.toSql;

import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.desk.SlaTarget;
import dev.supportgateway.routing.sla.SlaDeadlines;
import dev.supportgateway.routing.ticket.RegisteredTicket;
import dev.supportgateway.routing.ticket.TicketNumber;
import dev.supportgateway.routing.ticket.TicketState;
import dev.supportgateway.routing.ticket.TicketStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tickets and their number sequences in SQL. A number is taken in a short transaction of its own that
 * increments the desk's row for the year under its row lock, so concurrent registrations on any node wait
 * for each other only briefly and never share or skip a number. (A registration that fails after taking
 * its number leaves that number unused.)
 */
final class JdbcTicketStore implements TicketStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTicketStore.class);
    /** Two nodes may create a desk's first sequence row of a year at once; the loser tries again. */
    private static final int ATTEMPTS = 10;

    private static final String COLUMNS = "ticket_number, desk, ticket_year, seq, conversation_id, channel,"
            + " customer_channel, address, customer_name, state, tier, priority, category, identification, description,"
            + " callback, operator_id,"
            + " first_reply_target, first_reply_due, resolution_target, resolution_due, created_at, updated_at";

    private final JdbcClient sql;
    private final TransactionTemplate transactions;
    private final Runnable makeDurable;

    JdbcTicketStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this(jdbc, transactionManager, () -> { });
    }

    /**
     * @param makeDurable run after each commit: with lazy commits (the embedded database) it stores them at once, so
     *                    that an issued number or a registered ticket survives a killed process; tickets are rare
     *                    next to messages, whose saves a journal makes durable instead
     */
    JdbcTicketStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Runnable makeDurable) {
        this.sql = JdbcClient.create(jdbc);
        this.transactions = new TransactionTemplate(transactionManager);
        this.makeDurable = makeDurable;
    }

    @Override
    public TicketNumber nextNumber(DeskId desk, int year) {
        for (int attempt = 1; ; attempt++) {
            try {
                long next = transactions.execute(status -> increment(desk, year));
                makeDurable.run();
                return TicketNumber.of(desk, year, next);
            } catch (DataIntegrityViolationException | TransientDataAccessException e) {
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                LOG.debug("ticket sequence of {} {} contended (attempt {}): {}", desk, year, attempt, e.getMessage());
            }
        }
    }

    private long increment(DeskId desk, int year) {
        int updated = sql.sql("update ticket_sequence set last_issued = last_issued + 1 where desk = ? and ticket_year = ?")
                .params(desk.value(), year).update();
        if (updated == 0) {
            sql.sql("insert into ticket_sequence (desk, ticket_year, last_issued) values (?, ?, 1)")
                    .params(desk.value(), year).update();
            return 1;
        }
        // the row stays locked by this transaction's update, so this reads our own increment
        return sql.sql("select last_issued from ticket_sequence where desk = ? and ticket_year = ?")
                .params(desk.value(), year).query(Long.class).single();
    }

    @Override
    public void save(RegisteredTicket ticket) {
        Map<String, Object> columns = columns(ticket);
        transactions.executeWithoutResult(status -> {
            int updated = sql.sql("""
                            update ticket set state = :state, tier = :tier, priority = :priority, category = :category,
                                   identification = :identification, description = :description, callback = :callback,
                                   operator_id = :operator_id, first_reply_target = :first_reply_target,
                                   first_reply_due = :first_reply_due, resolution_target = :resolution_target,
                                   resolution_due = :resolution_due, updated_at = :updated_at
                            where ticket_number = :ticket_number""")
                    .params(columns).update();
            if (updated == 0) {
                sql.sql("insert into ticket (" + COLUMNS + ") values (:" + COLUMNS.replace(", ", ", :") + ")")
                        .params(columns).update();
            }
        });
        makeDurable.run();
    }

    @Override
    public Optional<RegisteredTicket> find(TicketNumber number) {
        return sql.sql("select * from ticket where ticket_number = ?").param(number.toString())
                .query((rs, n) -> ticket(rs)).optional();
    }

    @Override
    public List<RegisteredTicket> queued(DeskId desk) {
        return sql.sql("select * from ticket where desk = ? and state = ? order by created_at, ticket_year, seq")
                .params(desk.value(), TicketState.QUEUED.name())
                .query((rs, n) -> ticket(rs)).list();
    }

    @Override
    public Optional<RegisteredTicket> latestOf(ConversationId conversation) {
        return sql.sql("select * from ticket where conversation_id = ? order by created_at desc, ticket_year desc, seq desc limit 1")
                .param(conversation.value())
                .query((rs, n) -> ticket(rs)).optional();
    }

    private static Map<String, Object> columns(RegisteredTicket t) {
        Map<String, Object> m = new HashMap<>();
        m.put("ticket_number", t.number().toString());
        m.put("desk", t.desk().value());
        m.put("ticket_year", t.number().year());
        m.put("seq", t.number().sequence());
        m.put("conversation_id", t.conversation().value());
        m.put("channel", t.channel().key());
        m.put("customer_channel", t.customer().channel().key());
        m.put("address", t.customer().address());
        m.put("customer_name", t.customerName());
        m.put("state", t.state().name());
        m.put("tier", t.tier());
        m.put("priority", t.priority());
        m.put("category", t.category());
        m.put("identification", JsonColumns.ofMap(t.identification()));
        m.put("description", t.description());
        m.put("callback", t.callback());
        m.put("operator_id", t.operator());
        SlaDeadlines d = t.deadlines();
        m.put("first_reply_target", d.firstReplyTarget() == null ? null : d.firstReplyTarget().toString());
        m.put("first_reply_due", toSql(d.firstReplyDue()));
        m.put("resolution_target", d.resolutionTarget() == null ? null : d.resolutionTarget().toString());
        m.put("resolution_due", toSql(d.resolutionDue()));
        m.put("created_at", toSql(t.createdAt()));
        m.put("updated_at", toSql(t.updatedAt()));
        return m;
    }

    private static RegisteredTicket ticket(ResultSet rs) throws SQLException {
        String firstReply = rs.getString("first_reply_target");
        String resolution = rs.getString("resolution_target");
        SlaDeadlines deadlines = new SlaDeadlines(instant(rs, "created_at"),
                firstReply == null ? null : SlaTarget.parse(firstReply), instant(rs, "first_reply_due"),
                resolution == null ? null : SlaTarget.parse(resolution), instant(rs, "resolution_due"));
        return new RegisteredTicket(TicketNumber.parse(rs.getString("ticket_number")), DeskId.of(rs.getString("desk")),
                ConversationId.of(rs.getString("conversation_id")),
                CustomerAddress.of(ChannelKind.fromKey(rs.getString("customer_channel")), rs.getString("address")),
                rs.getString("customer_name"), ChannelKind.fromKey(rs.getString("channel")),
                TicketState.valueOf(rs.getString("state")), rs.getString("tier"), rs.getString("priority"),
                rs.getString("category"), JsonColumns.map(rs.getString("identification")), rs.getString("description"),
                rs.getBoolean("callback"), rs.getString("operator_id"), deadlines,
                instant(rs, "updated_at"));
    }
}
