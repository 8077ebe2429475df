package dev.supportgateway.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supportgateway.engine.conversation.Action;
import dev.supportgateway.engine.conversation.Attachment;
import dev.supportgateway.engine.conversation.Author;
import dev.supportgateway.engine.conversation.BotDecision;
import dev.supportgateway.engine.conversation.ConcurrentConversationChange;
import dev.supportgateway.engine.conversation.Conversation;
import dev.supportgateway.engine.conversation.ConversationId;
import dev.supportgateway.engine.conversation.ConversationState;
import dev.supportgateway.engine.conversation.ConversationSummary;
import dev.supportgateway.engine.conversation.CustomerAddress;
import dev.supportgateway.engine.conversation.DecisionRule;
import dev.supportgateway.engine.conversation.Escalation;
import dev.supportgateway.engine.conversation.Feedback;
import dev.supportgateway.engine.conversation.Message;
import dev.supportgateway.engine.conversation.MessageId;
import dev.supportgateway.engine.conversation.Operator;
import dev.supportgateway.engine.desk.ChannelKind;
import dev.supportgateway.engine.desk.DeskId;
import dev.supportgateway.engine.escalation.Ticket;
import dev.supportgateway.engine.escalation.TicketRequest;
import dev.supportgateway.routing.ticket.RegisteredTicket;
import dev.supportgateway.routing.ticket.TicketNumber;
import dev.supportgateway.routing.ticket.TicketRegister;
import dev.supportgateway.routing.ticket.TicketState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * What the gateway expects of its SQL storage, whatever the database: each subclass runs these rules on
 * one database (embedded H2, real PostgreSQL) migrated by Flyway.
 */
abstract class StorageContract {

    static final DeskId EDOC = DeskId.of("edoc");
    static final DeskId KONUS = DeskId.of("konus");
    static final ZoneId ASTANA = ZoneId.of("Asia/Almaty");
    static final Instant T0 = Instant.parse("2026-03-02T05:00:00Z");
    static final CustomerAddress IVAN = CustomerAddress.of(ChannelKind.TELEGRAM, "100500");
    static final Operator ANNA = new Operator("op-anna", "Анна");

    JdbcTemplate jdbc;
    JdbcConversations conversations;
    JdbcTicketStore ticketStore;

    /** The migrated database of the subclass. */
    abstract DataSource dataSource();

    /** The conversation store under test, on the subclass's database. */
    JdbcConversations conversations(JdbcTemplate jdbc, JdbcTransactionManager transactions) {
        return new JdbcConversations(jdbc, transactions);
    }

    /** Makes SQL hold every acknowledged save, before a test reads SQL itself; saves written through are there already. */
    void flushed() {
    }

    /** Whether several gateway nodes may share the database (not so the embedded file, which H2 locks). */
    boolean nodesShareTheDatabase() {
        return true;
    }

    @BeforeEach
    void emptyStorage() {
        jdbc = new JdbcTemplate(dataSource());
        for (String table : List.of("customer_message", "conversation_entries", "conversation", "ticket", "ticket_sequence",
                "service_rating")) {
            jdbc.update("delete from " + table);
        }
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource());
        conversations = conversations(jdbc, transactions);
        ticketStore = new JdbcTicketStore(jdbc, transactions);
    }

    @Test
    void aRatingGivenAgainReplacesTheFirstAndTheReportCountsItsPeriodOnly() {
        ServiceRatings ratings = new ServiceRatings(jdbc, new JdbcTransactionManager(dataSource()), () -> { });
        ConversationId first = ConversationId.of("c-rated-1");
        ConversationId second = ConversationId.of("c-rated-2");
        ratings.record(new ServiceRatings.Rating(first, EDOC, true, "EDOC-2026-000001", ANNA, T0));
        ratings.record(new ServiceRatings.Rating(second, EDOC, false, null, null, T0.plusSeconds(60)));
        ratings.record(new ServiceRatings.Rating(ConversationId.of("c-old"), EDOC, false, null, null, T0.minus(Duration.ofDays(40))));
        ratings.record(new ServiceRatings.Rating(ConversationId.of("c-konus"), KONUS, false, null, null, T0));

        ratings.record(new ServiceRatings.Rating(first, EDOC, false, "EDOC-2026-000001", ANNA, T0.plusSeconds(120)));
        // a press older than the one kept, arriving late (another node), does not undo it
        ratings.record(new ServiceRatings.Rating(second, EDOC, true, null, null, T0.plusSeconds(30)));

        ServiceRatings.Report report = ratings.report(EDOC, T0.minus(Duration.ofDays(30)), 20);
        assertThat(report.satisfied()).isZero();
        assertThat(report.dissatisfied()).as("the first rating replaced; the old one and konus's not counted").isEqualTo(2);
        assertThat(report.latestDissatisfied()).extracting(ServiceRatings.Rating::conversation).containsExactly(first, second);
        assertThat(report.latestDissatisfied().getFirst().servedBy()).isEqualTo(ANNA);
        assertThat(report.latestDissatisfied().getFirst().ticketNumber()).isEqualTo("EDOC-2026-000001");
        assertThat(report.latestDissatisfied().getFirst().at()).isEqualTo(T0.plusSeconds(120));
        assertThat(ratings.report(EDOC, T0.minus(Duration.ofDays(30)), 1).latestDissatisfied()).hasSize(1);
    }

    @Test
    void aConversationReadsBackWithItsTranscriptAndDecisions() {
        Conversation escalating = escalating(IVAN, T0);

        Conversation saved = conversations.save(escalating);

        assertThat(saved.version()).isEqualTo(1);
        Conversation found = conversations.find(saved.id()).orElseThrow();
        assertThat(found).isEqualTo(saved);
        assertThat(found.identification().keySet()).containsExactly("iin", "full-name");
        assertThat(found.decisions().getFirst().candidates()).containsExactly("edoc-signing", "edoc-error-registration");
        assertThat(found.decisions().getLast().confidence()).isNaN();
        assertThat(found.transcript().getFirst().attachments()).containsExactly(new Attachment("screen.png", "image/png", 12_345, "tg-file-1"));
    }

    @Test
    void anOperatorsConversationReadsBackWithTheOperatorTicketAndInternalNote() {
        Conversation waiting = conversations.save(escalating(IVAN, T0)
                .withTicket(new Ticket("EDOC-2026-000001", T0.plus(Duration.ofHours(2))))
                .moveTo(ConversationState.WAITING_FOR_OPERATOR, T0.plusSeconds(60)));
        Conversation held = waiting.heldBy(ANNA, ConversationState.WITH_OPERATOR, T0.plusSeconds(120))
                .append(new Message(MessageId.random(), Author.operator(ANNA), "Здравствуйте, Иван! Смотрю.", List.of(), null,
                        List.of(), null, null, null, T0.plusSeconds(121)))
                .append(new Message(MessageId.random(), Author.note(ANNA), "Проверить сертификат клиента", List.of(), null,
                        List.of(), null, null, null, T0.plusSeconds(122)));

        Conversation saved = conversations.save(held);

        assertThat(conversations.find(saved.id())).contains(saved);
        assertThat(saved.version()).isEqualTo(2);
        assertThat(conversations.find(saved.id()).orElseThrow().transcript().getLast().forCustomer())
                .as("an internal note reads back as one").isFalse();
    }

    @Test
    void aSaveAppendsOnlyTheNewEntries() {
        Conversation first = conversations.save(escalating(IVAN, T0));
        Message more = customerMessage("ИИН 900101300123", "tg-3", T0.plusSeconds(90));

        Conversation second = conversations.save(first.append(more)
                .record(BotDecision.of(more.id(), DecisionRule.ASKED_CATEGORY, "ИИН принят", T0.plusSeconds(91))));

        assertThat(second.version()).isEqualTo(2);
        assertThat(conversations.find(first.id())).contains(second);
        flushed();
        assertThat(uncached().find(first.id())).as("each entry once, in order").contains(second);
        assertThat(jdbc.queryForList("select messages_end, decisions_end, feedback_end from conversation_entries"
                + " order by entries_end desc fetch first 1 rows only").getFirst().values()).containsExactly(4, 3, 2);
        assertThat(count("customer_message")).as("the customer's channel ids tg-1, tg-2, tg-3").isEqualTo(3);
    }

    @Test
    void aSaveOverAnOlderVersionIsAConcurrentChange() {
        Conversation read = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", "basic", T0));
        Conversation onOneNode = read.append(customerMessage("первый", "tg-10", T0.plusSeconds(1)));
        Conversation onAnotherNode = read.append(customerMessage("второй", "tg-11", T0.plusSeconds(2)));

        Conversation winner = conversations.save(onOneNode);

        assertThatThrownBy(() -> conversations.save(onAnotherNode))
                .isInstanceOf(ConcurrentConversationChange.class)
                .hasMessageContaining("read at version 1 but is now at version 2");
        assertThat(conversations.find(read.id())).contains(winner);
    }

    @Test
    void openingTheSameConversationTwiceConflicts() {
        Conversation opened = Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0);
        conversations.save(opened);

        assertThatThrownBy(() -> conversations.save(opened)).isInstanceOf(ConcurrentConversationChange.class);
    }

    @Test
    void aCustomerHasOneOpenConversationPerDesk() {
        Conversation first = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0));
        Conversation secondWhileOpen = Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0.plusSeconds(5));

        assertThatThrownBy(() -> conversations.save(secondWhileOpen)).isInstanceOf(ConcurrentConversationChange.class);
        assertThat(conversations.save(Conversation.open(ConversationId.random(), KONUS, IVAN, "Иван", null, T0))).isNotNull();

        conversations.save(first.moveTo(ConversationState.CLOSED, T0.plusSeconds(10)));
        Conversation next = conversations.save(secondWhileOpen);

        assertThat(conversations.findOpen(EDOC, IVAN)).contains(next);
        assertThat(conversations.find(first.id()).orElseThrow().state()).isEqualTo(ConversationState.CLOSED);
    }

    @Test
    void aRedeliveredCustomerMessageIsRecognizedEvenAfterTheConversationClosed() {
        Conversation c = Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("добрый день", "tg-7", T0));
        conversations.save(conversations.save(c).moveTo(ConversationState.CLOSED, T0.plusSeconds(60)));

        assertThat(conversations.received(EDOC, IVAN, "tg-7")).isTrue();
        assertThat(conversations.received(EDOC, IVAN, "tg-8")).isFalse();
        assertThat(conversations.received(KONUS, IVAN, "tg-7")).isFalse();
        assertThat(conversations.received(EDOC, CustomerAddress.of(ChannelKind.TELEGRAM, "777"), "tg-7")).isFalse();
        assertThat(conversations.received(EDOC, CustomerAddress.of(ChannelKind.WIDGET, "100500"), "tg-7")).isFalse();
    }

    @Test
    void aMessageOfAnEarlierConversationIsRecognizedWhileTheCustomersNextConversationIsOpenAndCached() {
        conversations.save(conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("добрый день", "tg-7", T0))).moveTo(ConversationState.CLOSED, T0.plusSeconds(60)));
        Conversation next = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0.plusSeconds(90))
                .append(customerMessage("ещё вопрос", "tg-9", T0.plusSeconds(90))));
        assertThat(conversations.findOpen(EDOC, IVAN)).contains(next);

        assertThat(conversations.received(EDOC, IVAN, "tg-7")).isTrue();
        assertThat(conversations.received(EDOC, IVAN, "tg-9")).isTrue();
        assertThat(conversations.received(EDOC, IVAN, "tg-10")).isFalse();
    }

    @Test
    void theCustomersOnlyConversationAnswersWhetherAMessageWasReceivedAfterOneLookup() {
        Conversation only = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("добрый день", "tg-7", T0)));

        assertThat(conversations.received(EDOC, IVAN, "tg-8")).isFalse();
        // a message of the customer stored behind the cache's back is not looked for any more: the transcript answers
        jdbc.update("insert into customer_message (desk, channel, address, external_id, conversation_id)"
                + " values ('edoc', ?, ?, 'tg-8', ?)", IVAN.channel().key(), IVAN.address(), only.id().value());
        assertThat(conversations.received(EDOC, IVAN, "tg-8")).isFalse();
        assertThat(conversations.received(EDOC, IVAN, "tg-7")).isTrue();
    }

    @Test
    void theSameCustomerMessageIsNeverStoredTwice() {
        Conversation closed = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("добрый день", "tg-7", T0)).moveTo(ConversationState.CLOSED, T0.plusSeconds(60)));
        Conversation redelivered = Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0.plusSeconds(70))
                .append(customerMessage("добрый день", "tg-7", T0));

        assertThatThrownBy(() -> conversations.save(redelivered)).isInstanceOf(ConcurrentConversationChange.class);
        assertThat(conversations.findOpen(EDOC, IVAN)).isEmpty();
        assertThat(conversations.find(closed.id())).contains(closed);
    }

    @Test
    void theConsoleListsWaitingConversationsFirstLongestWaitingFirst() {
        Conversation withBot = conversations.save(Conversation.open(ConversationId.random(), EDOC, customer("a"), null, null, T0)
                .append(customerMessage("вопрос", "a-1", T0.plusSeconds(60))));
        Conversation waitingShort = conversations.save(waiting(customer("b"), T0, T0.plusSeconds(20 * 60)));
        Conversation waitingLong = conversations.save(waiting(customer("c"), T0, T0.plusSeconds(5 * 60)));
        Conversation held = conversations.save(waiting(customer("d"), T0, T0.plusSeconds(60))
                .heldBy(ANNA, ConversationState.WITH_OPERATOR, T0.plusSeconds(120)));
        conversations.save(Conversation.open(ConversationId.random(), EDOC, customer("e"), null, null, T0)
                .moveTo(ConversationState.CLOSED, T0.plusSeconds(1)));
        conversations.save(waiting(customer("f"), T0, T0.plusSeconds(1)).moveTo(ConversationState.CLOSED, T0.plusSeconds(2)));
        Conversation elsewhere = Conversation.open(ConversationId.random(), KONUS, customer("g"), null, null, T0);
        conversations.save(elsewhere.moveTo(ConversationState.WAITING_FOR_OPERATOR, T0));

        List<ConversationSummary> open = conversations.open(EDOC);

        // then the others, the one whose last message is oldest first
        assertThat(open).extracting(ConversationSummary::id)
                .containsExactly(waitingLong.id(), waitingShort.id(), held.id(), withBot.id());
        assertThat(open).containsExactly(waitingLong.summary(), waitingShort.summary(), held.summary(), withBot.summary());
        assertThat(open.getFirst().ticketNumber()).isEqualTo("EDOC-2026-000001");
        assertThat(open.getFirst().firstReplyDue()).as("the console marks a request queued past it")
                .isEqualTo(waitingLong.ticket().firstReplyDue());
    }

    @Test
    void aRequestWaitingForTheCustomerRemembersSinceWhenAcrossSaves() {
        Conversation held = conversations.save(waiting(IVAN, T0, T0.plusSeconds(60))
                .heldBy(ANNA, ConversationState.WITH_OPERATOR, T0.plusSeconds(120)));
        Conversation onHold = conversations.save(held.awaitingCustomer(T0.plusSeconds(180)));

        Conversation read = conversations.find(onHold.id()).orElseThrow();
        assertThat(read.awaitingCustomerSince()).isEqualTo(T0.plusSeconds(180));
        assertThat(read).isEqualTo(onHold);
        assertThat(conversations.open(EDOC).getFirst().awaitingCustomerSince()).isEqualTo(T0.plusSeconds(180));
    }

    @Test
    void theLastClosedConversationOfACustomerCanBeFoundForReopening() {
        assertThat(conversations.findLastClosed(EDOC, IVAN)).isEmpty();
        Conversation older = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("первый вопрос", "tg-1", T0)).moveTo(ConversationState.CLOSED, T0.plusSeconds(100)));
        Conversation newer = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0.plusSeconds(200))
                .append(customerMessage("второй вопрос", "tg-2", T0.plusSeconds(200))).moveTo(ConversationState.CLOSED, T0.plusSeconds(300)));
        conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0.plusSeconds(400)));

        assertThat(conversations.findLastClosed(EDOC, IVAN)).map(Conversation::id).contains(newer.id());
        assertThat(conversations.findLastClosed(KONUS, IVAN)).isEmpty();
        assertThat(older.id()).isNotEqualTo(newer.id());
    }

    @Test
    void anOperatorSeesTheCustomersEarlierConversationsWithTheDeskLastChangedFirst() {
        Conversation first = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0)
                .append(customerMessage("первый вопрос", "tg-1", T0)).moveTo(ConversationState.CLOSED, T0.plusSeconds(100)));
        Conversation second = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0.plusSeconds(200))
                .append(customerMessage("второй вопрос", "tg-2", T0.plusSeconds(200))).moveTo(ConversationState.CLOSED, T0.plusSeconds(300)));
        Conversation open = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0.plusSeconds(400))
                .append(customerMessage("третий вопрос", "tg-3", T0.plusSeconds(400))));
        conversations.save(Conversation.open(ConversationId.random(), KONUS, IVAN, "Иван", null, T0.plusSeconds(500)));
        conversations.save(Conversation.open(ConversationId.random(), EDOC, CustomerAddress.of(ChannelKind.TELEGRAM, "200600"),
                "Пётр", null, T0.plusSeconds(600)));
        flushed();
        // a save SQL may not hold yet: the conversation is listed once, as saved last
        Conversation answered = conversations.save(open.append(customerMessage("уточнение", "tg-4", T0.plusSeconds(700))));

        assertThat(conversations.ofCustomer(EDOC, IVAN, 10)).map(Conversation::id).containsExactly(open.id(), second.id(), first.id());
        assertThat(conversations.ofCustomer(EDOC, IVAN, 10).getFirst()).isEqualTo(answered);
        assertThat(conversations.ofCustomer(EDOC, IVAN, 10).getLast().transcript()).extracting(Message::text)
                .containsExactly("первый вопрос");
        assertThat(conversations.ofCustomer(EDOC, IVAN, 2)).map(Conversation::id).containsExactly(open.id(), second.id());
        assertThat(conversations.ofCustomer(KONUS, CustomerAddress.of(ChannelKind.WIDGET, "100500"), 10)).isEmpty();
    }

    @Test
    void findOpenFindsOnlyAnOpenConversation() {
        assertThat(conversations.findOpen(EDOC, IVAN)).isEmpty();
        Conversation open = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0));
        assertThat(conversations.findOpen(EDOC, IVAN)).contains(open);

        conversations.save(open.moveTo(ConversationState.CLOSED, T0.plusSeconds(1)));

        assertThat(conversations.findOpen(EDOC, IVAN)).isEmpty();
        assertThat(conversations.find(ConversationId.random())).isEmpty();
    }

    @Test
    void edocTicketNumberCountsPerDeskAndYear() {
        assertThat(ticketStore.nextNumber(EDOC, 2026)).hasToString("EDOC-2026-000001");
        assertThat(ticketStore.nextNumber(EDOC, 2026)).hasToString("EDOC-2026-000002");
        assertThat(ticketStore.nextNumber(EDOC, 2027)).hasToString("EDOC-2027-000001");
        assertThat(ticketStore.nextNumber(KONUS, 2026)).hasToString("KONUS-2026-000001");
        assertThat(ticketStore.nextNumber(EDOC, 2026)).hasToString("EDOC-2026-000003");
    }

    @Test
    void ticketNumbersAreUniqueAndGaplessUnderConcurrency() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<TicketNumber>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<TicketNumber> taken = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        taken.add(ticketStore.nextNumber(EDOC, 2026));
                    }
                    return taken;
                }));
            }
            start.countDown();
            List<Long> sequences = new ArrayList<>();
            for (Future<List<TicketNumber>> result : results) {
                result.get().forEach(n -> sequences.add(n.sequence()));
            }
            Collections.sort(sequences);
            assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRegisteredTicketReadsBackAsRegistered() {
        TicketRegister register = new TicketRegister(ticketStore, TestDatabases.desks()::slaPolicy);
        Instant friday = astana("2026-05-08T17:00");
        TicketRequest request = new TicketRequest(ConversationId.random(), EDOC, IVAN, "Иван", ChannelKind.TELEGRAM, "vip",
                "error", Map.of("iin", "900101300123"), "Не подписывается документ", true, friday);

        Ticket ticket = register.open(request);

        // 2 business hours from Friday 17:00: one on Friday, one on Tuesday after the holidays of 9–11 May
        assertThat(ticket).isEqualTo(new Ticket("EDOC-2026-000001", astana("2026-05-12T10:00")));
        RegisteredTicket stored = ticketStore.find(TicketNumber.parse(ticket.number())).orElseThrow();
        assertThat(stored.state()).isEqualTo(TicketState.QUEUED);
        assertThat(stored.conversation()).isEqualTo(request.conversation());
        assertThat(stored.customer()).isEqualTo(IVAN);
        assertThat(stored.channel()).isEqualTo(ChannelKind.TELEGRAM);
        assertThat(stored.customerName()).isEqualTo("Иван");
        assertThat(stored.priority()).isEqualTo("normal");
        assertThat(stored.category()).isEqualTo("error");
        assertThat(stored.identification()).isEqualTo(Map.of("iin", "900101300123"));
        assertThat(stored.description()).isEqualTo("Не подписывается документ");
        assertThat(stored.callback()).isTrue();
        assertThat(stored.deadlines().resolutionDue()).isEqualTo(astana("2026-05-12T17:00"));
        assertThat(stored.createdAt()).isEqualTo(friday);
        assertThat(ticketStore.latestOf(request.conversation())).contains(stored);
    }

    @Test
    void theQueueOrderHoldsOverSql() {
        TicketRegister register = new TicketRegister(ticketStore, TestDatabases.desks()::slaPolicy);
        Ticket basic = register.open(request("basic", astana("2026-03-02T10:00")));
        Ticket vip = register.open(request("vip", astana("2026-03-02T10:05")));
        Ticket critical = register.open(request("basic", astana("2026-03-02T10:10")));
        Ticket taken = register.open(request("vip", astana("2026-03-02T09:50")));

        register.prioritize(TicketNumber.parse(critical.number()), "immediate", astana("2026-03-02T10:11"));
        register.take(TicketNumber.parse(taken.number()), ANNA.id(), astana("2026-03-02T10:12"));

        assertThat(register.queue(EDOC)).extracting(t -> t.number().toString())
                .containsExactly(critical.number(), vip.number(), basic.number());
        RegisteredTicket inProgress = register.find(TicketNumber.parse(taken.number())).orElseThrow();
        assertThat(inProgress.state()).isEqualTo(TicketState.IN_PROGRESS);
        assertThat(inProgress.operator()).isEqualTo(ANNA.id());
        assertThat(inProgress.updatedAt()).isEqualTo(astana("2026-03-02T10:12"));
    }

    @Test
    void savesQueuedTogetherCommitInOneTransactionAndAConflictUndoesOnlyItsOwnSave() throws Exception {
        Conversation read = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0));
        Conversation winner = read.append(customerMessage("первый", "tg-20", T0.plusSeconds(1)));
        Conversation loser = read.append(customerMessage("второй", "tg-21", T0.plusSeconds(2)));
        Conversation other = Conversation.open(ConversationId.random(), EDOC, customer("other"), null, null, T0)
                .append(customerMessage("вопрос", "o-1", T0));
        // a second open conversation of the same customer: the unique open key refuses it
        Conversation secondOpen = Conversation.open(ConversationId.random(), EDOC, customer("other"), null, null, T0)
                .append(customerMessage("ещё вопрос", "o-2", T0));
        Conversation third = Conversation.open(ConversationId.random(), KONUS, customer("third"), null, null, T0)
                .append(customerMessage("вопрос", "t-1", T0));
        List<Conversation> saves = List.of(winner, other, loser, secondOpen, third);
        ExecutorService pool = Executors.newFixedThreadPool(saves.size());
        long batchesBefore = conversations.batches();
        List<Future<Conversation>> results = queuedTogether(pool, saves);
        try {
            assertThat(results.get(0).get().version()).isEqualTo(2);
            assertThat(results.get(1).get().version()).isEqualTo(1);
            assertThatThrownBy(() -> results.get(2).get()).hasCauseInstanceOf(ConcurrentConversationChange.class)
                    .hasMessageContaining("read at version 1 but is now at version 2");
            assertThatThrownBy(() -> results.get(3).get()).hasCauseInstanceOf(ConcurrentConversationChange.class);
            assertThat(results.get(4).get().version()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(conversations.batches() - batchesBefore).isEqualTo(1);
        assertThat(conversations.find(read.id())).contains(winner.withVersion(2));
        assertThat(conversations.findOpen(EDOC, customer("other"))).map(Conversation::id).contains(other.id());
        assertThat(conversations.find(secondOpen.id())).isEmpty();
        assertThat(conversations.received(EDOC, IVAN, "tg-20")).isTrue();
        assertThat(conversations.received(EDOC, IVAN, "tg-21")).isFalse();
        assertThat(conversations.received(EDOC, customer("other"), "o-2")).isFalse();
        // what is stored, read without the cache
        flushed();
        JdbcConversations uncached = uncached();
        assertThat(uncached.find(read.id())).contains(winner.withVersion(2));
        assertThat(uncached.find(other.id())).contains(other.withVersion(1));
        assertThat(uncached.find(third.id())).contains(third.withVersion(1));
        assertThat(uncached.find(secondOpen.id())).isEmpty();
        assertThat(count("customer_message")).isEqualTo(3);
    }

    @Test
    void savesOfDifferentConversationsQueuedTogetherAreWrittenAsOneGroupAndAStaleOneIsRefusedAlone() throws Exception {
        Conversation first = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0));
        Conversation changedElsewhere = conversations.save(first.append(customerMessage("уже сохранено", "g-0", T0.plusSeconds(1))));
        Conversation stale = first.append(customerMessage("поверх старой версии", "g-1", T0.plusSeconds(2)));
        Conversation going = conversations.save(Conversation.open(ConversationId.random(), EDOC, customer("going"), null, null, T0));
        Conversation closing = going.append(customerMessage("спасибо, всё", "g-2", T0.plusSeconds(3)))
                .moveTo(ConversationState.CLOSED, T0.plusSeconds(3));
        // the same customer's next conversation takes the open key the closing one gives up, in the same group
        Conversation next = Conversation.open(ConversationId.random(), EDOC, customer("going"), null, null, T0.plusSeconds(4))
                .append(customerMessage("новый вопрос", "g-3", T0.plusSeconds(4)));
        Conversation fresh = Conversation.open(ConversationId.random(), KONUS, customer("fresh"), null, null, T0)
                .append(customerMessage("вопрос", "g-4", T0));
        List<Conversation> saves = List.of(stale, closing, next, fresh);
        ExecutorService pool = Executors.newFixedThreadPool(saves.size());
        long batchesBefore = conversations.batches();
        long groupsBefore = conversations.groups();
        List<Future<Conversation>> results = queuedTogether(pool, saves);
        try {
            assertThatThrownBy(() -> results.get(0).get()).hasCauseInstanceOf(ConcurrentConversationChange.class)
                    .hasMessageContaining("read at version 1 but is now at version 2");
            assertThat(results.get(1).get().version()).isEqualTo(2);
            assertThat(results.get(2).get().version()).isEqualTo(1);
            assertThat(results.get(3).get().version()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(conversations.batches() - batchesBefore).isEqualTo(1);
        if (conversations.journal() == null) {
            assertThat(conversations.groups() - groupsBefore).as("written through as one group of batched statements")
                    .isEqualTo(1);
        }
        flushed();
        JdbcConversations uncached = uncached();
        assertThat(uncached.find(first.id())).contains(changedElsewhere);
        assertThat(uncached.find(going.id())).contains(closing.withVersion(2));
        assertThat(uncached.findOpen(EDOC, customer("going"))).map(Conversation::id).contains(next.id());
        assertThat(uncached.find(fresh.id())).contains(fresh.withVersion(1));
        assertThat(uncached.received(EDOC, IVAN, "g-1")).isFalse();
        assertThat(uncached.received(EDOC, customer("going"), "g-3")).isTrue();
    }

    /** Saves {@code saves} on {@code pool} while the writer is held, so that they queue in this order and are written as one batch. */
    private List<Future<Conversation>> queuedTogether(ExecutorService pool, List<Conversation> saves) {
        List<Future<Conversation>> results = new ArrayList<>();
        conversations.writer.lock();
        try {
            for (Conversation save : saves) {
                results.add(pool.submit(() -> conversations.save(save)));
                while (conversations.queued() < results.size()) {
                    Thread.onSpinWait();
                }
            }
        } finally {
            conversations.writer.unlock();
        }
        return results;
    }

    @Test
    void concurrentSavesOfManyConversationsAllCommit() throws Exception {
        int customers = 40;
        int messages = 8;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Conversation>> results = new ArrayList<>();
        try {
            for (int n = 0; n < customers; n++) {
                CustomerAddress customer = customer("c" + n);
                results.add(pool.submit(() -> {
                    start.await();
                    Conversation c = conversations.save(Conversation.open(ConversationId.random(), EDOC, customer, null, null, T0));
                    for (int i = 0; i < messages; i++) {
                        Conversation read = conversations.findOpen(EDOC, customer).orElseThrow();
                        Message m = customerMessage("вопрос " + i, customer.address() + "-" + i, T0.plusSeconds(i));
                        c = conversations.save(read.append(m)
                                .record(BotDecision.of(m.id(), DecisionRule.ASKED_CATEGORY, "принято", T0.plusSeconds(i))));
                    }
                    return c;
                }));
            }
            start.countDown();
            for (Future<Conversation> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        flushed();
        JdbcConversations uncached = uncached();
        for (Future<Conversation> result : results) {
            Conversation saved = result.get();
            assertThat(saved.version()).isEqualTo(messages + 1);
            assertThat(uncached.find(saved.id())).contains(saved);
            assertThat(conversations.received(EDOC, saved.customer(), saved.customer().address() + "-" + (messages - 1))).isTrue();
            assertThat(uncached.received(EDOC, saved.customer(), saved.customer().address() + "-" + (messages - 1))).isTrue();
        }
        assertThat(count("customer_message")).isEqualTo((long) customers * messages);
    }

    @Test
    void aCachedConversationChangedElsewhereFailsItsSaveOnceThenReadsAgain() {
        assumeTrue(nodesShareTheDatabase(), "one gateway owns the embedded database");
        Conversation read = conversations.save(Conversation.open(ConversationId.random(), EDOC, IVAN, "Иван", null, T0));
        JdbcConversations anotherNode = new JdbcConversations(jdbc, new JdbcTransactionManager(dataSource()));
        Conversation there = anotherNode.save(anotherNode.find(read.id()).orElseThrow()
                .append(customerMessage("с другого узла", "tg-30", T0.plusSeconds(1))));

        Conversation stale = conversations.findOpen(EDOC, IVAN).orElseThrow();
        assertThatThrownBy(() -> conversations.save(stale.append(customerMessage("здесь", "tg-31", T0.plusSeconds(2)))))
                .isInstanceOf(ConcurrentConversationChange.class);

        Conversation fresh = conversations.findOpen(EDOC, IVAN).orElseThrow();
        assertThat(fresh).isEqualTo(there);
        Conversation saved = conversations.save(fresh.append(customerMessage("здесь", "tg-31", T0.plusSeconds(2))));
        assertThat(saved.transcript()).hasSize(2);

        // the other node's cached copy is stale now: a redelivery of tg-31 there is not recognised from the cache,
        // but its save fails once on the unique external id, and then the node reads SQL
        Conversation staleThere = anotherNode.findOpen(EDOC, IVAN).orElseThrow();
        assertThat(anotherNode.received(EDOC, IVAN, "tg-31")).isFalse();
        assertThatThrownBy(() -> anotherNode.save(staleThere.append(customerMessage("здесь", "tg-31", T0.plusSeconds(2)))))
                .isInstanceOf(ConcurrentConversationChange.class);
        assertThat(anotherNode.received(EDOC, IVAN, "tg-31")).isTrue();
        assertThat(conversations.find(saved.id())).contains(saved);
    }

    // --- conversations as the engine builds them

    /** A conversation the bot could not answer, collecting what the desk requires for a ticket. */
    static Conversation escalating(CustomerAddress customer, Instant at) {
        Conversation c = Conversation.open(ConversationId.random(), EDOC, customer, "Иван", "vip", at);
        Message question = new Message(MessageId.random(), Author.customer("Иван"), "Не подписывается документ", List.of(),
                null, List.of(new Attachment("screen.png", "image/png", 12_345, "tg-file-1")), "tg-1", null, null, at);
        Message offer = new Message(MessageId.random(), Author.bot("Помощник"), "Возможно, вы об этом:",
                List.of(Action.article("edoc-signing", "Как подписать документ"), new Action(Action.CALL_OPERATOR, "Оператор")),
                "https://edoc.kz/help/edoc-signing", List.of(), null, null, question.id(), at.plusSeconds(1));
        Message notHelped = new Message(MessageId.random(), Author.customer("Иван"), "Не помогло", List.of(), null, List.of(),
                "tg-2", Action.NOT_HELPED, offer.id(), at.plusSeconds(30));
        return c.append(question)
                .record(new BotDecision(question.id(), DecisionRule.HELP_CENTER_SUGGESTION, "два похожих ответа", 0.42, null,
                        List.of("edoc-signing", "edoc-error-registration"), at.plusSeconds(1)))
                .append(offer)
                .append(notHelped)
                .record(new Feedback(offer.id(), "edoc-signing", false, at.plusSeconds(30)))
                .record(Feedback.onService(offer.id(), true, at.plusSeconds(31)))
                .record(BotDecision.of(notHelped.id(), DecisionRule.FEEDBACK_NOT_HELPED, "ответ не помог", at.plusSeconds(30)))
                .moveTo(ConversationState.ESCALATING, at.plusSeconds(30))
                .withEscalation(new Escalation("ответ не помог", Escalation.Asking.IDENTIFICATION, "bin", "error",
                        "Не подписывается документ", false))
                .identified("iin", "900101300123")
                .identified("full-name", "Иванов Иван Иванович")
                .withWarnings(1);
    }

    /** A conversation escalated at {@code openedAt} and queued for operators at {@code queuedAt}. */
    static Conversation waiting(CustomerAddress customer, Instant openedAt, Instant queuedAt) {
        return Conversation.open(ConversationId.random(), EDOC, customer, null, "basic", openedAt)
                .append(customerMessage("позовите оператора", customer.address() + "-1", openedAt))
                .moveTo(ConversationState.ESCALATING, openedAt)
                .withTicket(new Ticket("EDOC-2026-000001", queuedAt.plusSeconds(900)))
                .moveTo(ConversationState.WAITING_FOR_OPERATOR, queuedAt);
    }

    static Message customerMessage(String text, String externalId, Instant at) {
        return new Message(MessageId.random(), Author.customer("Иван"), text, List.of(), null, List.of(), externalId, null,
                null, at);
    }

    static CustomerAddress customer(String chat) {
        return CustomerAddress.of(ChannelKind.TELEGRAM, chat);
    }

    static TicketRequest request(String tier, Instant at) {
        ConversationId conversation = ConversationId.random();
        return new TicketRequest(conversation, EDOC, customer(conversation.value()), null, ChannelKind.EMAIL, tier, null,
                Map.of(), "вопрос", false, at);
    }

    static Instant astana(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ASTANA).toInstant();
    }

    /** What SQL holds, read without a cache. */
    JdbcConversations uncached() {
        return new JdbcConversations(jdbc, new JdbcTransactionManager(dataSource()), 0, null);
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
